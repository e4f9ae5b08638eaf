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

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QVBoxLayout, QWidget

from irtutor.core.grading import Outcome
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.quiz_settings import AttemptLayout
from irtutor.qtkit.plain_text import plain_label
from irtutor.ui.arrangement_questions import MatchingQuestionWidget, OrderingQuestionWidget
from irtutor.ui.cloze_question import ClozeQuestionWidget
from irtutor.ui.map_question import MapSelectionQuestionWidget
from irtutor.ui.question_base import QuestionWidget
from irtutor.ui.question_widget import ChoiceQuestionWidget
from irtutor.ui.timeline_question import TimelinePlacementQuestionWidget
from irtutor.ui.typed_questions import NumericQuestionWidget, ShortTextQuestionWidget

WidgetMaker = Callable[[Question, AttemptLayout | None, QWidget | None], QuestionWidget]

WIDGET_CLASSES: tuple[type[QuestionWidget], ...] = (
    ChoiceQuestionWidget, NumericQuestionWidget, ShortTextQuestionWidget, ClozeQuestionWidget,
    MatchingQuestionWidget, OrderingQuestionWidget, MapSelectionQuestionWidget, TimelinePlacementQuestionWidget,
)
WIDGET_OF_KIND: dict[QuestionKind, WidgetMaker] = {
    kind: widget for widget in WIDGET_CLASSES for kind in getattr(widget.key_type, "kinds", ())}
"""Each widget registers by the key it shows; its kinds come from that key."""


log = logging.getLogger(__name__)
UNAVAILABLE = "This question cannot be shown here ({error}). Go on to the next question."


def make_question_widget(question: Question, layout: AttemptLayout | None = None,
                         parent: QWidget | None = None, lesson_folder: Path | None = None) -> QuestionWidget:
    """The widget for `question`, its options in the attempt's order; a notice in its place if it
    cannot be built (a map question without its map data), so the rest of the quiz goes on. With
    `lesson_folder`, the prompt's images from its media/ folder show under the prompt."""
    try:
        widget = WIDGET_OF_KIND[question.kind](question, layout, parent)
        if lesson_folder is not None and "![" in question.prompt:
            widget.show_media(lesson_folder)
        return widget
    except Exception as exc:  # one question must not take the quiz down with it
        log.exception("question %s could not be shown", question.id)
        return UnavailableQuestionWidget(question, str(exc) or type(exc).__name__, parent)


class UnavailableQuestionWidget(QuestionWidget):
    """The prompt and why the question cannot be answered; it never offers an answer to check."""

    def __init__(self, question: Question, error: str, parent: QWidget | None = None) -> None:
        super().__init__(question, None, parent)
        self.notice = plain_label(UNAVAILABLE.format(error=error))
        self.notice.setObjectName("question-unavailable")
        self.notice.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.prompt)
        column.addWidget(self.notice)
        column.addStretch(1)

    def selection(self) -> Response:
        return Response()

    def set_response(self, response: Response) -> None:
        pass

    def show_answer(self, response: Response, outcome: Outcome) -> None:
        self.mark_answered()
