"""Editing quiz.yaml and lesson.yaml through forms changes only the lines of what was edited."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path
from typing import Any

import pytest

from irtutor.content.lesson_loader import load_lesson
from irtutor.content.yaml_documents import LessonDocument, QuizDocument
from tests.conftest import LESSONS

QUIZZES = sorted(LESSONS.glob("*/quiz.yaml"))


def _changed_lines_inside(old: str, new: str, old_span: tuple[int, int], new_span: tuple[int, int]) -> None:
    """Every line that differs lies within the question's span (1-based, inclusive) on both sides."""
    before, after = old.split("\n"), new.split("\n")
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert changes, "the edit changed nothing"
    for _tag, i1, i2, j1, j2 in changes:
        assert old_span[0] - 1 <= i1 and i2 <= old_span[1], (i1, i2, old_span)
        assert new_span[0] - 1 <= j1 and j2 <= new_span[1], (j1, j2, new_span)
    first, last = old_span
    assert before[:first - 1] == after[:new_span[0] - 1]
    assert before[last:] == after[new_span[1]:]


def _reloaded(quiz: Path, text: str, tmp_path: Path) -> Any:
    folder = tmp_path / quiz.parent.name
    shutil.copytree(quiz.parent, folder)
    (folder / "quiz.yaml").write_text(text, encoding="utf-8")
    lesson, problems = load_lesson(folder)
    assert problems == []
    assert lesson is not None
    return lesson


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda p: p.parent.name)
def test_a_new_prompt_changes_only_its_question(quiz: Path, tmp_path: Path) -> None:
    original = quiz.read_text(encoding="utf-8")
    document = QuizDocument(original, str(quiz))
    index = len(document.questions()) // 2
    old_span = document.question_lines()[index]
    question = document.questions()[index]
    question["prompt"] = "Which of these is right? (edited: a prompt long enough " + "to need folding " * 12 + ")"
    document.replace_question(index, question)
    _changed_lines_inside(original, document.text, old_span, document.question_lines()[index])
    lesson = _reloaded(quiz, document.text, tmp_path)
    assert lesson.questions[index].prompt == question["prompt"]


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda p: p.parent.name)
def test_a_new_feedback_or_answer_changes_only_its_question(quiz: Path, tmp_path: Path) -> None:
    original = quiz.read_text(encoding="utf-8")
    document = QuizDocument(original, str(quiz))
    questions = document.questions()
    index = next(i for i, q in enumerate(questions) if q["kind"] == "numeric" or "options" in q)
    question = questions[index]
    if question["kind"] == "numeric":
        question["answer"] = question["answer"] + 1
    else:
        question["options"][-1]["feedback"] = "Not quite.\nRead page 2 again: it says why."
    old_span = document.question_lines()[index]
    document.replace_question(index, question)
    _changed_lines_inside(original, document.text, old_span, document.question_lines()[index])
    assert QuizDocument(document.text).questions()[index] == question
    _reloaded(quiz, document.text, tmp_path)


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda p: p.parent.name)
def test_replacing_with_the_same_question_changes_no_byte(quiz: Path) -> None:
    original = quiz.read_text(encoding="utf-8")
    document = QuizDocument(original, str(quiz))
    for index, question in enumerate(document.questions()):
        document.replace_question(index, question)
    assert document.text == original


COMMENTED = """\
# A quiz with comments the form must keep.
settings:
  tries: 2   # two goes

questions:
  # the easy one
  - id: a
    kind: true_false
    prompt: 'Quoted prompt'   # keep me
    answer: true
    explanation: Because.
    page: 01-x

  # the second one
  - id: b
    kind: true_false
    prompt: "Double quoted"
    answer: false
    explanation: |
      Two lines
      of explanation.
    page: 01-x
"""


def test_comments_quoting_and_other_questions_survive_a_replace() -> None:
    document = QuizDocument(COMMENTED)
    question = document.questions()[0]
    question["prompt"] = "New prompt"
    question["topic"] = "added"
    del question["explanation"]
    document.replace_question(0, question)
    assert document.text == COMMENTED.replace(
        "    prompt: 'Quoted prompt'   # keep me\n    answer: true\n    explanation: Because.\n    page: 01-x\n",
        "    prompt: 'New prompt'      # keep me\n    answer: true\n    page: 01-x\n    topic: added\n")


def test_insert_remove_move_and_duplicate() -> None:
    document = QuizDocument(COMMENTED)
    new = {"id": "c", "kind": "true_false", "prompt": "Third?", "answer": True, "explanation": "Yes.", "page": "01-x"}
    document.insert_question(2, new)
    assert [q["id"] for q in document.questions()] == ["a", "b", "c"]
    assert document.text == COMMENTED + "\n" + "".join(
        f"  {'-' if n == 0 else ' '} {k}: {v}\n" for n, (k, v) in enumerate(
            {**new, "answer": "true"}.items()))
    assert document.question_lines()[2] == (24, 29)
    document.insert_question(0, {**new, "id": "z"})
    assert [q["id"] for q in document.questions()] == ["z", "a", "b", "c"]
    document.remove_question(0)
    document.remove_question(2)
    assert document.text == COMMENTED
    document.move_question(0, 1)
    assert [q["id"] for q in document.questions()] == ["b", "a"]
    document.move_question(1, 0)
    assert document.text == COMMENTED
    document.duplicate_question(1, "b-copy")
    copied = document.questions()
    assert copied[2] == {**copied[1], "id": "b-copy"}
    first, last = document.question_lines()[2]
    assert document.text.split("\n")[first - 1:last] == [
        "  - id: b-copy", *COMMENTED.split("\n")[15:22]]


@pytest.mark.parametrize("text", ["questions: []\n", "settings:\n  tries: 1\n", "", "questions:\n"])
def test_the_first_question_of_an_empty_quiz(text: str) -> None:
    document = QuizDocument(text)
    assert document.questions() == []
    question = {"id": "q1", "kind": "true_false", "prompt": "P", "answer": True, "explanation": "E", "page": "01-x"}
    document.insert_question(0, question)
    assert document.questions() == [question]
    assert "  - id: q1\n    kind: true_false\n" in document.text
    document.remove_question(0)
    assert document.questions() == []


def test_removing_every_question_of_a_shipped_quiz_leaves_the_settings() -> None:
    quiz = LESSONS / "assurances-1990" / "quiz.yaml"
    original = quiz.read_text(encoding="utf-8")
    document = QuizDocument(original)
    while document.questions():
        document.remove_question(len(document.questions()) - 1)
    settings = original.split("questions:")[0]
    assert document.text == settings + "questions: []\n"


def test_a_lesson_field_changes_only_its_lines() -> None:
    path = LESSONS / "nato-origins" / "lesson.yaml"
    original = path.read_text(encoding="utf-8")
    document = LessonDocument(original, str(path))
    objectives = document.data()["objectives"]
    document.set_field("objectives", [*objectives, "A new objective."])
    assert document.text == original.replace(objectives[-1] + "\n", objectives[-1] + "\n  - A new objective.\n")
    document.set_field("title", "NATO's origins")
    assert document.text.split("\n")[2] == "title: \"NATO's origins\""
    assert document.data()["title"] == "NATO's origins"
    with pytest.raises(ValueError, match="not a lesson field"):
        document.set_field("id", "other")


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda p: p.parent.name)
def test_moves_and_copies_of_shipped_questions_undo_to_the_same_bytes(quiz: Path, tmp_path: Path) -> None:
    original = quiz.read_text(encoding="utf-8")
    document = QuizDocument(original, str(quiz))
    ids = [q["id"] for q in document.questions()]
    document.move_question(0, len(ids) - 1)
    assert [q["id"] for q in document.questions()] == [*ids[1:], ids[0]]
    _reloaded(quiz, document.text, tmp_path / "moved")
    document.move_question(len(ids) - 1, 0)
    assert document.text == original
    document.duplicate_question(1, f"{ids[1]}-copy")
    assert [q["id"] for q in document.questions()] == [*ids[:2], f"{ids[1]}-copy", *ids[2:]]
    assert document.questions()[2] == {**document.questions()[1], "id": f"{ids[1]}-copy"}
    document.remove_question(2)
    assert document.text == original
