"""The quiz editor: the list, its operations on the document, the form and Try it, driven as an author would."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from irtutor.content.yaml_documents import QuizDocument
from irtutor.core.questions import QuestionKind
from irtutor.ui.studio.quiz_editor import ALL_KINDS, DELETE, DUPLICATE, UNDO_DELETE, QuizEditor
from tests.conftest import LESSONS
from tests.studio.test_question_forms import lesson_refs

LESSON = LESSONS / "nato-origins"


@pytest.fixture
def editor(qtbot: Any) -> QuizEditor:
    document = QuizDocument((LESSON / "quiz.yaml").read_text(encoding="utf-8"), str(LESSON / "quiz.yaml"))
    widget = QuizEditor(document, *lesson_refs(LESSON))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ids(editor: QuizEditor) -> list[str]:
    return [q["id"] for q in editor.document.questions()]


def select(editor: QuizEditor, kind: str) -> int:
    row = next(i for i, q in enumerate(editor.document.questions()) if q["kind"] == kind)
    editor.list.setCurrentRow(row)
    return row


def test_the_list_shows_id_kind_and_prompt_and_the_first_question_is_open(editor: QuizEditor) -> None:
    first = editor.document.questions()[0]
    assert editor.list.count() == len(editor.document.questions())
    assert first["id"] in editor.list.item(0).text() and first["kind"] in editor.list.item(0).text()
    assert first["prompt"].split()[0] in editor.list.item(0).text()
    assert editor.form is not None and editor.form.mapping() == first
    assert editor.try_it.widget is not None and editor.try_it.widget.question.id == first["id"]


@pytest.mark.parametrize("kind", list(QuestionKind))
def test_a_new_question_of_each_kind_is_valid_and_triable(editor: QuizEditor, kind: QuestionKind) -> None:
    before = len(ids(editor))
    new_id = editor.add_question(kind)
    assert new_id == "q-new-1" and len(ids(editor)) == before + 1
    assert f"id: {new_id}" in editor.document.text
    assert editor.form is not None and editor.form.kind is kind and editor.form.checked.problems == []
    assert editor.try_it.fill_right_answer().score == 1.0
    assert editor.add_question(kind) == "q-new-2"


def test_duplicate_delete_and_undo_delete(qtbot: Any, editor: QuizEditor) -> None:
    original = ids(editor)
    with qtbot.waitSignal(editor.sig_document_changed):
        qtbot.mouseClick(editor.buttons[DUPLICATE], Qt.MouseButton.LeftButton)
    assert ids(editor) == [original[0], f"{original[0]}-copy", *original[1:]]
    assert f"id: {original[0]}-copy" in editor.document.text
    editor.list.setCurrentRow(0)
    qtbot.mouseClick(editor.buttons[DELETE], Qt.MouseButton.LeftButton)
    assert ids(editor) == [f"{original[0]}-copy", *original[1:]]
    assert f"id: {original[0]}\n" not in editor.document.text
    qtbot.mouseClick(editor.buttons[UNDO_DELETE], Qt.MouseButton.LeftButton)
    assert ids(editor) == [original[0], f"{original[0]}-copy", *original[1:]]
    assert not editor.buttons[UNDO_DELETE].isEnabled()


def test_alt_down_and_alt_up_move_the_selected_question(qtbot: Any, editor: QuizEditor) -> None:
    original = ids(editor)
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert ids(editor) == [original[1], original[0], *original[2:]]
    assert editor.list.currentRow() == 1 and editor.form.mapping()["id"] == original[0]
    assert editor.document.text.index(f"id: {original[1]}") < editor.document.text.index(f"id: {original[0]}")
    qtbot.keyClick(editor.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert ids(editor) == original


def test_typing_in_the_form_changes_only_that_question_and_keeps_its_id(qtbot: Any, editor: QuizEditor) -> None:
    row = select(editor, "numeric")
    before, text = editor.document.questions(), editor.document.text.splitlines()
    first, last = editor.document.question_lines()[row]
    editor.form.prompt_edit.moveCursor(editor.form.prompt_edit.textCursor().MoveOperation.End)
    with qtbot.waitSignal(editor.sig_document_changed, timeout=2000):
        qtbot.keyClicks(editor.form.prompt_edit, " Answer in figures.")
    after = editor.document.questions()
    assert after[row]["prompt"].endswith("Answer in figures.") and after[row]["id"] == before[row]["id"]
    assert after[:row] + after[row + 1:] == before[:row] + before[row + 1:]
    assert yaml.safe_load(editor.document.text)["questions"][row]["prompt"] == after[row]["prompt"]
    lines = editor.document.text.splitlines()
    assert lines[:first - 1] == text[:first - 1] and lines[len(lines) - (len(text) - last):] == text[last:]
    assert "Answer" in editor.list.item(row).text() or editor.list.item(row).text().endswith("…")


def test_a_bad_edit_is_shown_and_try_it_waits_for_the_fix(qtbot: Any, editor: QuizEditor) -> None:
    select(editor, "numeric")
    editor.form.answer_edit.selectAll()
    with qtbot.waitSignal(editor.form.sig_checked, timeout=2000):
        qtbot.keyClicks(editor.form.answer_edit, "lots")
    assert editor.form.problem_fields() == ["answer"] and editor.try_it.widget is None
    editor.form.answer_edit.selectAll()
    with qtbot.waitSignal(editor.form.sig_checked, timeout=2000):
        qtbot.keyClicks(editor.form.answer_edit, "12")
    assert editor.try_it.widget is not None and editor.try_it.fill_right_answer().score == 1.0


def test_filter_by_kind_and_by_topic(editor: QuizEditor) -> None:
    editor.kind_filter.setCurrentText("cloze")
    assert editor.visible_ids() == [q["id"] for q in editor.document.questions() if q["kind"] == "cloze"]
    editor.kind_filter.setCurrentText(ALL_KINDS)
    topic = editor.document.questions()[0]["topic"]
    editor.topic_filter.setCurrentText(topic)
    assert editor.visible_ids() == [q["id"] for q in editor.document.questions() if q.get("topic") == topic]
    assert 0 < len(editor.visible_ids()) < len(editor.document.questions())


@pytest.mark.parametrize("kind", ["single_choice", "cloze"])
def test_screenshot(qtbot: Any, editor: QuizEditor, kind: str) -> None:
    select(editor, kind)
    editor.try_it.fill_right_answer()
    QApplication.processEvents()  # lay out the new Try it widget before the grab
    assert editor.grab().save(f"/tmp/quiz_editor_{kind}.png")
