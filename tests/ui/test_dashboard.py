"""The progress dashboard shows what the student did, and its links lead back to the lessons."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from tests.ui.driving import create_profile, open_quiz, settle, start_app, submit_test


def test_dashboard_after_one_test(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    assert window.progress_action.isEnabled()
    quiz = open_quiz(qtbot, window, QuizMode.TEST)
    total = len(quiz.session.questions)
    for position in range(3):  # three right answers, the rest left unanswered
        quiz.go_to(position)
        question = quiz.question_widget.question
        for option in question.options:
            if option.correct:
                quiz.question_widget.buttons[option.id].click()
        quiz.check_answer()
    submit_test(qtbot, quiz)

    window.progress_action.trigger()
    settle(qtbot, window.ops)
    dashboard = window.dashboard
    assert dashboard is not None and dashboard.isVisible()
    table = dashboard.lessons_table
    assert table.item(0, 0).text() == "1. NATO's origins (1949)"
    percent = f"{100 * 3 / total:.0f}%"
    assert [table.item(0, c).text() for c in range(1, 6)] == [percent, percent, percent, percent, "1"]
    bars = [item for item in dashboard.bars.getPlotItem().items if isinstance(item, pg.BarGraphItem)]
    assert len(bars) == 3
    curves = dashboard.history.getPlotItem().listDataItems()
    assert [len(c.getData()[0]) for c in curves] == [1]
    assert dashboard.items_table.rowCount() == total  # unanswered questions are listed with facility 0

    dashboard.topics.anchorClicked.emit(QUrl("page:nato-origins/03-article-5"))
    assert window.lesson_view.reader.page_index == 2
    dashboard.close()
