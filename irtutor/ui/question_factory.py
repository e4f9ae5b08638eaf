"""The widget for each question kind.

Every question widget is a QWidget with the same small surface, which the quiz view relies on:
- `question`: the core Question it shows;
- `sig_selection_changed(bool)`: the student changed their answer; True when it can be checked
  (the response is not empty);
- `selection() -> Response`: the answer as it stands;
- `set_response(response)`: show a saved answer that can still be changed (test mode);
- `show_answer(response, outcome)`: lock the widget showing this answer, marked right/wrong,
  and set the Qt property "answered" to True;
- `press_number(n)`: keys 1-9 (pick option n, where the kind has numbered options; else no-op).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from irtutor.core.questions import Question, QuestionKind
from irtutor.core.quiz_settings import AttemptLayout
from irtutor.ui.arrangement_questions import MatchingQuestionWidget, OrderingQuestionWidget
from irtutor.ui.cloze_question import ClozeQuestionWidget
from irtutor.ui.map_question import MapSelectionQuestionWidget
from irtutor.ui.question_base import QuestionWidget
from irtutor.ui.question_widget import ChoiceQuestionWidget
from irtutor.ui.timeline_question import TimelinePlacementQuestionWidget
from irtutor.ui.typed_questions import NumericQuestionWidget, ShortTextQuestionWidget

WidgetMaker = Callable[[Question, AttemptLayout | None, QWidget | None], QuestionWidget]

WIDGET_OF_KIND: dict[QuestionKind, WidgetMaker] = {
    QuestionKind.SINGLE_CHOICE: ChoiceQuestionWidget,
    QuestionKind.MULTIPLE_CHOICE: ChoiceQuestionWidget,
    QuestionKind.TRUE_FALSE: ChoiceQuestionWidget,
    QuestionKind.NUMERIC: NumericQuestionWidget,
    QuestionKind.SHORT_TEXT: ShortTextQuestionWidget,
    QuestionKind.CLOZE: ClozeQuestionWidget,
    QuestionKind.MATCHING: MatchingQuestionWidget,
    QuestionKind.ORDERING: OrderingQuestionWidget,
    QuestionKind.MAP_SELECTION: MapSelectionQuestionWidget,
    QuestionKind.TIMELINE_PLACEMENT: TimelinePlacementQuestionWidget,
}


def make_question_widget(question: Question, layout: AttemptLayout | None = None,
                         parent: QWidget | None = None) -> QuestionWidget:
    """The widget for `question`, its options in the attempt's order."""
    return WIDGET_OF_KIND[question.kind](question, layout, parent)
