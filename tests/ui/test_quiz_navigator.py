"""The test navigator: numbered buttons, flags, a submit that names the gaps, and a time limit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from irtutor.ui.quiz_view import QuizView
from tests.ui.driving import create_profile, open_quiz, settle, start_app
from tests.ui.test_quiz_modes import pick


def click(qtbot: QtBot, widget) -> None:  # type: ignore[no-untyped-def]
    assert widget.isVisible()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def timed(lesson_copy: Path, minutes: float) -> None:
    quiz_file = lesson_copy / "nato-origins" / "quiz.yaml"
    quiz_file.write_text(f"settings:\n  time_limit_minutes: {minutes}\n" + quiz_file.read_text(encoding="utf-8"),
                         encoding="utf-8")


def test_the_navigator_jumps_shows_answered_and_flagged(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.TEST)
    buttons = quiz.navigator.buttons
    assert len(buttons) == len(quiz.session.questions)
    pick(quiz, right=True)
    click(qtbot, quiz.check_button)
    settle(qtbot, quiz.ops)
    click(qtbot, buttons[4])
    settle(qtbot, quiz.ops)
    assert quiz.header.text().startswith("Question 5 of")
    click(qtbot, quiz.flag_button)
    assert quiz.flag_button.text() == "Remove flag"
    assert [b.property("state") for b in buttons[:5]] == ["answered"] + ["unanswered"] * 4
    assert buttons[4].text() == "⚑ 5" and buttons[4].accessibleName() == \
        "Question 5: not answered, flagged for later, current"
    quiz.grab().save("/tmp/shots/quiz_navigator.png")

    click(qtbot, quiz.finish_button)  # the question names the gaps; No keeps the test going
    box = quiz.confirm_box
    qtbot.waitUntil(box.isVisible)
    assert box.text().startswith("Questions 2, 3, 4, 5, 6")
    click(qtbot, box.button(QMessageBox.StandardButton.No))
    assert quiz.pages.currentWidget() is quiz.question_page and not quiz.session.state.finished


def test_a_time_limit_survives_a_restart(qtbot: QtBot, lesson_copy: Path) -> None:
    timed(lesson_copy, 30)
    window = start_app(qtbot, [lesson_copy])
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.TEST)
    deadline = quiz.session.layout.deadline
    assert deadline and quiz.clock.text() in ("Time left: 30:00", "Time left: 29:59")
    window.close()

    again = start_app(qtbot, [lesson_copy])
    resumed: QuizView = again.open_lesson("nato-origins").quiz
    settle(qtbot, again.ops)
    again.lesson_view.show_quiz()
    qtbot.waitUntil(resumed.isVisible)
    assert resumed.session is not None and resumed.session.layout.deadline == deadline
    assert resumed.clock.isVisible()
    assert resumed.clock.text() in ("Time left: 30:00", "Time left: 29:59", "Time left: 29:58")
    resumed.grab().save("/tmp/shots/quiz_timed.png")


def test_a_test_submits_itself_when_time_runs_out(qtbot: QtBot, lesson_copy: Path) -> None:
    timed(lesson_copy, 0.02)  # 1.2 seconds
    window = start_app(qtbot, [lesson_copy])
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window, QuizMode.TEST)
    qtbot.waitUntil(lambda: quiz.pages.currentWidget() is quiz.review_page, timeout=5000)
    settle(qtbot, quiz.ops)
    assert quiz.start_page.history.count() == 1
