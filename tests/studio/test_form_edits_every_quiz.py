"""Editing one question of each shipped quiz through its form, as an instructor would type it: only
that question's lines change, every other byte of quiz.yaml stays, and the lesson still loads clean."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from irtutor.content.lesson_loader import load_lesson
from irtutor.content.yaml_documents import QuizDocument
from irtutor.ui.studio.quiz_editor import QuizEditor
from tests.conftest import LESSONS

QUIZZES = sorted(LESSONS.glob("*/quiz.yaml"))


@pytest.mark.parametrize("quiz", QUIZZES, ids=[q.parent.name for q in QUIZZES])
def test_a_form_edit_changes_only_that_questions_lines(qtbot: QtBot, quiz: Path, tmp_path: Path) -> None:
    original = quiz.read_text(encoding="utf-8")
    lesson, problems = load_lesson(quiz.parent)
    assert lesson is not None and not problems
    document = QuizDocument(original, str(quiz))
    editor = QuizEditor(document, tuple(p.slug for p in lesson.pages), tuple(s.id for s in lesson.sources))
    qtbot.addWidget(editor)
    editor.show()
    row = len(document.questions()) // 2  # one in the middle: questions before and after must stay
    editor.list.setCurrentRow(row)
    first, last = document.question_lines()[row]
    prompt = editor.form.prompt_edit
    prompt.moveCursor(prompt.textCursor().MoveOperation.End)
    with qtbot.waitSignal(editor.sig_document_changed, timeout=3000):
        qtbot.keyClicks(prompt, " (as revised)")

    before, after = original.split("\n"), document.text.split("\n")
    tail = len(before) - last
    assert after[:first - 1] == before[:first - 1], "a line above the edited question changed"
    assert after[len(after) - tail:] == before[last:], "a line below the edited question changed"
    assert document.text.endswith("\n") == original.endswith("\n")

    copy = tmp_path / quiz.parent.name
    shutil.copytree(quiz.parent, copy)
    (copy / "quiz.yaml").write_text(document.text, encoding="utf-8")
    edited, problems = load_lesson(copy)
    assert not problems and edited is not None
    changed = [q for q, old in zip(edited.questions, lesson.questions, strict=True) if q != old]
    assert [q.id for q in changed] == [lesson.questions[row].id]
    assert changed[0].prompt.endswith("(as revised)")
