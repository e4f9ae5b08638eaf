"""A student's first session, driven through the real window with mouse and keyboard."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from irtutor.ui.main_window import MainWindow
from tests.ui.driving import create_profile, open_quiz, saved_answers, settle, start_app


def open_first_lesson(qtbot: QtBot, window: MainWindow) -> None:
    window.lesson_list.setFocus()
    qtbot.keyClick(window.lesson_list, Qt.Key.Key_Home)
    qtbot.keyClick(window.lesson_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.lesson_view is not None)


def test_first_start_asks_for_a_profile_and_remembers_it(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "  Ana   Silva ")
    assert window.student_button.text() == "Student: Ana Silva"
    window.close()

    again = start_app(qtbot)
    assert again.profile_dialog is None
    assert again.student_button.text() == "Student: Ana Silva"


def test_profile_names_must_be_new_and_not_blank(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    window.choose_profile()
    settle(qtbot, window.ops)
    dialog = window.profile_dialog
    qtbot.keyClicks(dialog.name_edit, "ana")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "already a profile" in dialog.error.text()
    dialog.name_edit.clear()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Type a name for the profile."
    assert dialog.isVisible()
    dialog.reject()


def test_reading_pages_with_the_keyboard(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    open_first_lesson(qtbot, window)
    reader = window.lesson_view.reader
    titles = [page.title for page in reader.lesson.pages]
    assert reader.page_label.text() == f"Page 1 of {len(titles)}: {titles[0]}"

    for key, expected in [(Qt.Key.Key_Right, 1), (Qt.Key.Key_PageDown, 2), (Qt.Key.Key_PageUp, 1),
                          (Qt.Key.Key_Left, 0), (Qt.Key.Key_Left, 0)]:
        qtbot.keyClick(reader.text, key)
        assert reader.page_label.text().startswith(f"Page {expected + 1} of"), key
        assert titles[expected] in reader.text.toPlainText()

    qtbot.keyClick(reader.text, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert reader.page_index == 2
    qtbot.mouseClick(reader.previous_button, Qt.MouseButton.LeftButton)
    assert reader.page_index == 1
    window.lesson_list.setFocus()
    qtbot.keyClick(window.lesson_list, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert reader.page_index == 3  # page shortcuts work wherever the focus is in the window


def test_each_page_shows_its_key_terms_and_the_sources_it_cites(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    open_first_lesson(qtbot, window)
    reader = window.lesson_view.reader
    for index, page in enumerate(reader.lesson.pages):
        reader.show_page(index)
        notes = reader.side.toPlainText()
        for name in page.terms:
            term = reader.lesson.term(name)
            assert f"{term.term}: {term.definition}" in notes
        for number, source_id in enumerate(page.citations, start=1):
            source = reader.lesson.source(source_id)
            assert f"[{number}] {source.citation()}" in notes
            assert f"[{number}]" in reader.text.toPlainText()


def test_answers_are_graded_saved_and_explained(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    open_first_lesson(qtbot, window)
    view = window.lesson_view
    tab_bar = view.tabs.tabBar()
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(1).center())
    quiz = view.quiz
    assert quiz.isVisible()
    qtbot.mouseClick(quiz.start_page.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)

    # By mouse: the right option of the first question.
    first = quiz.session.questions[0]
    right = next(o for o in first.options if o.correct)
    assert not quiz.check_button.isEnabled()
    qtbot.mouseClick(quiz.question_widget.buttons[right.id], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, quiz.ops)
    assert quiz.feedback.toPlainText().startswith("Correct.")
    assert first.explanation.split()[0] in quiz.feedback.toPlainText()
    assert saved_answers() == [(first.id, 1, 1.0)]

    # By keyboard: Enter moves on, a number key picks a wrong option, Enter checks it.
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    second = quiz.session.questions[1]
    assert quiz.header.text() == f"Question 2 of {len(quiz.session.questions)}"
    wrong_number = next(n for n, o in enumerate(second.options, start=1) if not o.correct)
    qtbot.keyClick(quiz, Qt.Key(Qt.Key.Key_0 + wrong_number))
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    settle(qtbot, quiz.ops)
    feedback = quiz.feedback.toPlainText()
    assert feedback.startswith(("Not quite.", "Partly right"))
    wrong = second.options[wrong_number - 1]
    if wrong.feedback:  # beside the option it belongs to, not loose in the panel
        beside = quiz.question_widget.option_feedback[wrong.id]
        assert beside.isVisible() and beside.text() == wrong.feedback
        assert wrong.feedback not in feedback
    assert [row[0] for row in saved_answers()] == [first.id, second.id]
    assert saved_answers()[1][1] == 0
    assert quiz.progress.text() == f"2 of {len(quiz.session.questions)} answered"


def test_feedback_links_back_to_the_page_that_teaches_it(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    open_first_lesson(qtbot, window)
    quiz = open_quiz(qtbot, window)
    view = window.lesson_view
    question = quiz.session.questions[0]
    quiz.question_widget.press_number(1)
    quiz.check_answer()
    settle(qtbot, quiz.ops)
    page = view.lesson.pages[view.lesson.page_number(question.page)]

    cursor = quiz.feedback.document().find(page.title)
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
    point = quiz.feedback.cursorRect(cursor).center()
    qtbot.mouseClick(quiz.feedback.viewport(), Qt.MouseButton.LeftButton, pos=point)

    assert view.tabs.currentWidget() is view.reader
    assert view.reader.page_label.text().endswith(page.title)


def test_problems_show_in_the_status_bar_and_a_dialog(qtbot: QtBot, lesson_copy) -> None:  # type: ignore[no-untyped-def]
    for folder in lesson_copy.iterdir():  # one lesson, its quiz broken: the reading is still there
        if folder.name != "nato-origins":
            shutil.rmtree(folder)
    quiz_file = lesson_copy / "nato-origins" / "quiz.yaml"
    quiz_file.write_text(quiz_file.read_text(encoding="utf-8").replace("kind: true_false", "kind: essay", 1),
                         encoding="utf-8")
    window = start_app(qtbot, [lesson_copy])
    create_profile(qtbot, window, "Ana")
    assert window.problems_button.isVisible()
    assert window.problems_button.text() == "⚠ 1 lesson problem"
    assert window.lesson_list.count() == 1
    view = window.open_lesson("nato-origins")
    assert view is not None and "1 question of this lesson's quiz" in view.notice.text()
    assert len(view.quiz.lesson.questions) > 1  # the rest of the quiz is there
    qtbot.mouseClick(window.problems_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(type(window.profile_dialog).__mro__[1], "problems-dialog")
    assert dialog is not None and dialog.isVisible()
    line = dialog.list.item(0).text()
    assert line.startswith(str(quiz_file) + ":") and "unknown question kind 'essay'" in line
    dialog.close()
