"""An answered question stays readable (issue 10, item 7): a matching row shows the chosen match
as text in its verdict's colour, not a grey disabled box; a cloze gap is wide enough for its answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from irtutor.core.questions import QuestionKind
from irtutor.core.verdicts import Verdict
from irtutor.ui.arrangement_questions import MatchingQuestionWidget
from irtutor.ui.cloze_question import ClozeQuestionWidget
from irtutor.ui.question_base import verdict_colour
from tests.conftest import FIXTURES, LESSONS
from tests.ui.driving import create_profile, open_quiz, settle, start_app


def test_answered_matching_rows_show_the_choice_as_coloured_text(qtbot: QtBot) -> None:
    window = start_app(qtbot, roots=[FIXTURES / "lessons"])
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, lesson_id="berlin-kinds")
    quiz.go_to([q.id for q in quiz.session.questions].index("berlin-years"))
    settle(qtbot, quiz.ops)
    widget = quiz.question_widget
    assert isinstance(widget, MatchingQuestionWidget)
    widget.combos["l1"].setCurrentIndex(widget.combos["l1"].findData("r1"))  # 1948: right
    widget.combos["l2"].setCurrentIndex(widget.combos["l2"].findData("r3"))  # 1945: wrong
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    qtbot.mouseClick(quiz.reveal_button, Qt.MouseButton.LeftButton)  # half right: tries remain till shown
    settle(qtbot, quiz.ops)
    widget = quiz.question_widget
    assert isinstance(widget, MatchingQuestionWidget)

    disabled_grey = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    for left_id, text, verdict in (("l1", "✓ 1948", Verdict.RIGHT), ("l2", "✗ 1945", Verdict.WRONG)):
        shown = widget.chosen_labels[left_id]
        assert isinstance(shown, QLabel) and shown.isVisible() and shown.isEnabled()
        assert shown.text() == text
        assert not widget.combos[left_id].isVisible()  # the grey box is gone
        colour = shown.palette().color(QPalette.ColorRole.WindowText)
        assert colour == QColor(verdict_colour(verdict, widget.palette())) != disabled_grey


def test_a_cloze_gap_fits_united_states_before_and_after_answering(qtbot: QtBot) -> None:
    window = start_app(qtbot, roots=[LESSONS])
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, lesson_id="nato-enlargement")
    cloze = next(q for q in quiz.session.questions if q.kind is QuestionKind.CLOZE
                 and "United States" in str(q.key.segments))
    quiz.go_to(quiz.session.questions.index(cloze))
    settle(qtbot, quiz.ops)
    widget = quiz.question_widget
    assert isinstance(widget, ClozeQuestionWidget)
    gap = next(w for w in widget.inputs.values() if isinstance(w, QLineEdit)
               and w.fontMetrics().horizontalAdvance("United States") <= w.width())
    gap.setText("United States")
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    if quiz.reveal_button.isVisible():
        qtbot.mouseClick(quiz.reveal_button, Qt.MouseButton.LeftButton)
        settle(qtbot, quiz.ops)
    widget = quiz.question_widget
    assert isinstance(widget, ClozeQuestionWidget) and widget.property("answered")
    for edit in (w for w in widget.inputs.values() if isinstance(w, QLineEdit)):
        assert edit.isReadOnly()
        assert edit.fontMetrics().horizontalAdvance("United States") <= edit.width()
        assert edit.width() <= edit.fontMetrics().averageCharWidth() * 40  # capped, not the page's width
