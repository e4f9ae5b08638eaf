"""Every question kind in its quiz.yaml form: what it loads into, and that the loaded question grades."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from irtutor.content.lesson_loader import load_lesson
from irtutor.content.located_yaml import load_located_yaml
from irtutor.content.quiz_loader import load_questions
from irtutor.core.grading import grade
from irtutor.core.questions import (
    ChoiceKey,
    ClozeKey,
    Gap,
    Item,
    MatchingKey,
    NumericKey,
    Option,
    OrderingKey,
    OrderingMode,
    Question,
    QuestionKind,
    Response,
    TextKey,
    TextVariant,
)
from tests.conftest import REPO
from tests.content.minimal_lesson import ALL_KINDS_QUIZ, write_lesson


def load_quiz(tmp_path: Path, quiz: str) -> tuple[Question, ...]:
    lesson, problems = load_lesson(write_lesson(tmp_path, {"quiz.yaml": quiz}))
    assert problems == []
    assert lesson is not None
    return lesson.questions


def test_each_kind_loads_into_its_answer_key(tmp_path: Path) -> None:
    keys = {q.id: (q.kind, q.key) for q in load_quiz(tmp_path, ALL_KINDS_QUIZ)}
    assert keys == {
        "members": (QuestionKind.NUMERIC, NumericKey(32, 0, False, "members")),
        "rival": (QuestionKind.SHORT_TEXT, TextKey((TextVariant("USSR"), TextVariant("Soviet Union"),
                                                    TextVariant("Russia", 0.5)))),
        "joined": (QuestionKind.MATCHING, MatchingKey(
            (Item("l1", "Finland"), Item("l2", "Sweden")),
            (Item("r1", "2023"), Item("r2", "2024"), Item("r3", "2022")),
            (("l1", "r1"), ("l2", "r2")))),
        "chronology": (QuestionKind.ORDERING, OrderingKey(
            (Item("i1", "Brussels Treaty"), Item("i2", "Berlin blockade"), Item("i3", "Washington Treaty")),
            OrderingMode.ABSOLUTE_POSITION)),
        "founding": (QuestionKind.CLOZE, ClozeKey((
            "NATO was founded in ", Gap("g1", (), (TextVariant("1949"),)), " by ",
            Gap("g2", ("twelve", "twenty", "eight"), (TextVariant("twelve"),)), " states."))),
        "founders": (QuestionKind.MULTIPLE_CHOICE, ChoiceKey((
            Option("a", "France", True, "", 0.5), Option("b", "Norway", True, "", 0.5),
            Option("c", "Sweden", False, "", -0.5)))),
    }


@pytest.mark.parametrize(("qid", "response", "score"), [
    ("members", Response(text="32 members"), 1.0),
    ("members", Response(text="31"), 0.0),
    ("rival", Response(text="soviet union"), 1.0),
    ("rival", Response(text="Russia"), 0.5),
    ("joined", Response(pairs={"l1": "r1", "l2": "r3"}), 0.5),
    ("chronology", Response(order=("i1", "i2", "i3")), 1.0),
    ("chronology", Response(order=("i2", "i1", "i3")), 1 / 3),
    ("founding", Response(gaps={"g1": "1949", "g2": "twelve"}), 1.0),
    ("founders", Response.of("a", "c"), 0.0),
    ("founders", Response.of("a", "b"), 1.0),
])
def test_loaded_questions_grade(tmp_path: Path, qid: str, response: Response, score: float) -> None:
    question = next(q for q in load_quiz(tmp_path, ALL_KINDS_QUIZ) if q.id == qid)
    assert grade(question, response).score == pytest.approx(score)


def test_ordering_grades_by_the_longest_ordered_subsequence_unless_told(tmp_path: Path) -> None:
    quiz = ALL_KINDS_QUIZ.replace("    grading: absolute_position\n", "")
    question = next(q for q in load_quiz(tmp_path, quiz) if q.id == "chronology")
    assert question.key == OrderingKey(question.key.items, OrderingMode.LONGEST_ORDERED_SUBSEQUENCE)  # type: ignore


def test_a_cloze_error_in_a_windows_file_is_placed_like_in_any_other(tmp_path: Path) -> None:
    broken = ALL_KINDS_QUIZ.replace("{{twelve|twenty|eight}}", "{{twelve||eight}}")
    windows = b"\xef\xbb\xbf" + broken.replace("\n", "\r\n").encode("utf-8")
    positions = []
    for name, quiz in {"plain": broken.encode("utf-8"), "windows": windows}.items():
        _, problems = load_lesson(write_lesson(tmp_path / name, {"quiz.yaml": quiz}))
        positions.append([(p.line, p.column) for p in problems])
    assert positions == [[(38, 44)], [(38, 44)]]


def test_a_cloze_error_falls_back_to_the_text_when_the_file_is_gone(tmp_path: Path) -> None:
    quiz = load_located_yaml(ALL_KINDS_QUIZ.replace("{{1949}}", "{{1949"), str(tmp_path / "gone.yaml"))
    _, problems = load_questions(quiz, {"01-intro"}, set())
    assert [(p.line, p.column) for p in problems] == [(38, 11)]


def test_the_schema_describes_every_kind() -> None:
    """Instructors' editors show the schema's descriptions while they type."""
    schema = json.loads((REPO / "resources" / "schema" / "quiz.schema.json").read_text(encoding="utf-8"))
    kinds = schema["$defs"]["common"]["properties"]["kind"]["enum"]
    assert kinds == [str(k) for k in QuestionKind]
    branches = [c["if"]["properties"]["kind"]["const"] for c in schema["$defs"]["question"]["allOf"] if "if" in c]
    assert branches == kinds
    for kind in kinds:
        assert schema["$defs"][kind]["description"], kind
        assert f"{kind}:" in schema["$defs"]["common"]["properties"]["kind"]["description"]


def test_the_readme_example_of_the_other_kinds_loads(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Write a lesson in five minutes", 1)[1].split("\n## ", 1)[0]
    lesson_yaml, page = re.findall(r"```(?:yaml|markdown)\n(.*?)```", section, re.S)[:2]
    [other_kinds] = re.findall(r"```yml\n(.*?)```", section, re.S)
    folder = tmp_path / "my-lesson"
    folder.mkdir()
    for name, text in {"lesson.yaml": lesson_yaml, "01-first-page.md": page, "quiz.yaml": other_kinds}.items():
        (folder / name).write_text(text, encoding="utf-8")
    lesson, problems = load_lesson(folder)
    assert problems == []
    assert lesson is not None
    assert {q.kind for q in lesson.questions} == set(QuestionKind) - {QuestionKind.SINGLE_CHOICE,
                                                                        QuestionKind.TRUE_FALSE}
