"""New lessons from the template, and the instructor's copy of a shipped lesson."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from irtutor.cli import check
from irtutor.content.catalog import load_lessons
from irtutor.content.lesson_loader import load_lesson
from irtutor.content.lesson_template import (
    MAX_ID_LENGTH,
    copy_for_editing,
    create_lesson,
    lesson_id_problem,
    revert_to_shipped,
)
from irtutor.content.yaml_documents import QuizDocument
from irtutor.core.errors import SaveFailed
from tests.conftest import LESSONS


@pytest.mark.parametrize(("candidate", "words"), [
    ("", "type an id"),
    ("Nato", "lower-case"),
    ("nato origins", "lower-case"),
    ("-nato", "no hyphen at either end"),
    ("nato--origins", "single hyphens"),
    ("é", "accents"),
    ("a" * (MAX_ID_LENGTH + 1), f"at most {MAX_ID_LENGTH}"),
    ("con", "Windows"),
    ("lpt1", "Windows"),
    ("nato-origins", "already exists"),
])
def test_an_unusable_id_is_explained(candidate: str, words: str) -> None:
    assert words in lesson_id_problem(candidate, {"nato-origins"})


def test_a_good_id_has_no_problem() -> None:
    assert lesson_id_problem("cold-war-2", {"nato-origins"}) == ""


def test_a_new_lesson_passes_the_check_and_takes_the_next_order(tmp_path: Path) -> None:
    root = tmp_path / "my-lessons"
    shutil.copytree(LESSONS / "nato-origins", root / "nato-origins")
    folder = create_lesson(root, "arms-control", "Arms control: the basics")
    assert sorted(p.name for p in folder.iterdir()) == ["01-introduction.md", "lesson.yaml", "quiz.yaml"]
    out = io.StringIO()
    assert check([str(folder)], out) == 0, out.getvalue()
    lesson, problems = load_lesson(folder)
    assert problems == [] and lesson is not None
    assert (lesson.title, lesson.order, lesson.questions) == ("Arms control: the basics", 2, ())
    assert QuizDocument((folder / "quiz.yaml").read_text(encoding="utf-8")).questions() == []
    assert check([str(root)], io.StringIO()) == 0


def test_a_new_lessons_first_question_still_passes_the_check(tmp_path: Path) -> None:
    folder = create_lesson(tmp_path, "first", "First")
    quiz = folder / "quiz.yaml"
    document = QuizDocument(quiz.read_text(encoding="utf-8"))
    document.insert_question(0, {"id": "q1", "kind": "true_false", "prompt": "True?", "answer": True,
                                 "explanation": "It is.", "page": "01-introduction"})
    quiz.write_text(document.text, encoding="utf-8")
    out = io.StringIO()
    assert check([str(folder)], out) == 0, out.getvalue()


def test_creating_refuses_a_taken_or_bad_id(tmp_path: Path) -> None:
    create_lesson(tmp_path, "first", "First")
    with pytest.raises(ValueError, match="already exists"):
        create_lesson(tmp_path, "first", "Again")
    with pytest.raises(ValueError, match="lower-case"):
        create_lesson(tmp_path, "Bad Id", "Bad")


def test_edit_a_shipped_lesson_then_revert(tmp_path: Path) -> None:
    own = tmp_path / "my-lessons"
    copy = copy_for_editing(LESSONS / "nato-origins", own)
    assert copy == own / "nato-origins"
    assert sorted(p.name for p in own.iterdir()) == ["nato-origins"]  # no staging folder left behind
    assert (copy / "quiz.yaml").read_bytes() == (LESSONS / "nato-origins" / "quiz.yaml").read_bytes()
    with pytest.raises(SaveFailed, match="already exists"):
        copy_for_editing(LESSONS / "nato-origins", own)
    loaded = load_lessons([LESSONS, own], read_only=[LESSONS])
    assert next(lesson for lesson in loaded.lessons if lesson.id == "nato-origins").overrides_shipped

    backup = revert_to_shipped(copy, LESSONS / "nato-origins")
    assert not copy.exists() and (backup / "lesson.yaml").is_file()
    assert backup.parent == own / ".trash" and backup.name.startswith("nato-origins.replaced-")
    loaded = load_lessons([LESSONS, own], read_only=[LESSONS])
    assert loaded.problems == []
    assert not next(lesson for lesson in loaded.lessons if lesson.id == "nato-origins").overrides_shipped
    with pytest.raises(SaveFailed, match="shipped lesson itself"):
        revert_to_shipped(LESSONS / "nato-origins", LESSONS / "nato-origins")
