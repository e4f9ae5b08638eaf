"""Broken lesson files give one exact file:line:col message each; odd-but-fine files load."""

from __future__ import annotations

from pathlib import Path

import pytest

from irtutor.content.catalog import load_lessons
from irtutor.content.lesson_loader import load_lesson
from tests.content.minimal_lesson import FILES, LESSON_YAML, PAGE, QUIZ_YAML, write_lesson

QUIZ_TWICE = QUIZ_YAML + QUIZ_YAML.split("\n", 1)[1]

BROKEN = [
    pytest.param({"lesson.yaml": LESSON_YAML.replace("title: Mini lesson\n", "")},
                 "lesson.yaml:1:1: missing field `title` in the file: add a line `title: ...`", id="missing-field"),
    pytest.param({"lesson.yaml": LESSON_YAML.replace("title: Mini lesson", "title: [Mini lesson")},
                 "lesson.yaml:4:8: YAML syntax: did not find expected ',' or ']'", id="bad-yaml"),
    pytest.param({"quiz.yaml": QUIZ_YAML.replace("single_choice", "essay")},
                 "quiz.yaml:3:11: unknown question kind 'essay'; use one of: single_choice, multiple_choice, "
                 "true_false", id="unknown-kind"),
    pytest.param({"quiz.yaml": QUIZ_TWICE},
                 "quiz.yaml:12:9: duplicate question id 'q1' (first used on line 2); ids must be unique",
                 id="duplicate-question-id"),
    pytest.param({"01-intro.md": PAGE.replace("with a", "with \xff a").encode("latin-1")},
                 "01-intro.md:3:31: the file is not UTF-8 (byte 0xff); save it as UTF-8 in your editor",
                 id="non-utf8"),
    pytest.param({"lesson.yaml": ""}, "lesson.yaml:1:1: the file is empty; see the lesson format in README.md",
                 id="empty-lesson-yaml"),
    pytest.param({"quiz.yaml": ""}, "quiz.yaml:1:1: the file is empty; see the lesson format in README.md",
                 id="empty-quiz"),
    pytest.param({"01-intro.md": ""}, "01-intro.md:1:1: a page starts with its title: a first line '# Page title'",
                 id="empty-page"),
    pytest.param({"01-intro.md": PAGE.replace("[^src]", "[^nowhere]")},
                 "01-intro.md:3:41: citation [^nowhere] names no source in lesson.yaml (sources: src)",
                 id="unknown-citation"),
    pytest.param({"01-intro.md": PAGE.replace("[[Article 5]]", "[[Article 6]]")},
                 "01-intro.md:3:12: key term [[Article 6]] is not defined under `terms:` in lesson.yaml; add it "
                 "there or fix the spelling", id="unknown-term"),
    pytest.param({"quiz.yaml": QUIZ_YAML.replace("      - text: B", "      - text: B\n        correct: true")},
                 "quiz.yaml:6:7: a single_choice question needs exactly one option with `correct: true` (found 2)",
                 id="two-right-answers"),
    pytest.param({"quiz.yaml": QUIZ_YAML.replace("page: 01-intro", "page: 02-missing")},
                 "quiz.yaml:10:11: page '02-missing' is not a page of this lesson (pages: 01-intro); write the "
                 "file name without .md", id="unknown-page"),

    pytest.param({"lesson.yaml": LESSON_YAML + "colour: blue\n"},
                 "lesson.yaml:14:1: unknown field `colour`; allowed here: discussion, facts_as_of, format, id, "
                 "objectives, order, prerequisites, sources, summary, terms, title", id="unknown-field"),
    pytest.param({"lesson.yaml": LESSON_YAML.replace("id: mini", "id: other")},
                 "lesson.yaml:2:5: id 'other' must equal the folder name 'mini'; rename one of them",
                 id="id-not-folder"),
    pytest.param({"lesson.yaml": LESSON_YAML + "title: Again\n"},
                 "lesson.yaml:14:1: duplicate key 'title' (first written on line 3); keep one of them",
                 id="duplicate-key"),
    pytest.param({"lesson.yaml": LESSON_YAML.replace("order: 1", "order: first")},
                 "lesson.yaml:5:8: `order` must be a whole number, not text", id="wrong-type"),
    pytest.param({"02-Notes.md": "# Notes\n"},
                 "02-Notes.md:1:1: page file names look like '01-my-topic.md' (two digits, a hyphen, lower-case "
                 "words); rename the file", id="bad-page-name"),
]


@pytest.mark.parametrize(("overrides", "expected"), BROKEN)
def test_broken_file_gives_one_positioned_message(tmp_path: Path, overrides: dict, expected: str) -> None:
    folder = write_lesson(tmp_path, overrides)
    lesson, problems = load_lesson(folder)
    assert lesson is None
    assert [str(p).removeprefix(str(folder) + "/") for p in problems] == [expected]


def test_a_misspelt_field_is_reported_as_missing_and_unknown(tmp_path: Path) -> None:
    folder = write_lesson(tmp_path, {"lesson.yaml": LESSON_YAML.replace("order: 1", "ordre: 1")})
    _, problems = load_lesson(folder)
    assert [str(p).removeprefix(str(folder) + "/") for p in problems] == [
        "lesson.yaml:1:1: missing field `order` in the file: add a line `order: ...`",
        "lesson.yaml:5:1: unknown field `ordre`; allowed here: discussion, facts_as_of, format, id, objectives, "
        "order, prerequisites, sources, summary, terms, title",
    ]


def test_the_minimal_lesson_itself_loads(tmp_path: Path) -> None:
    lesson, problems = load_lesson(write_lesson(tmp_path))
    assert problems == []
    assert lesson is not None
    assert [p.slug for p in lesson.pages] == ["01-intro"]
    assert lesson.questions[0].correct_ids == {"a"}


@pytest.mark.parametrize("encoding", ["bom", "crlf", "bom+crlf"])
def test_windows_editor_files_load_like_the_originals(tmp_path: Path, encoding: str) -> None:
    """A BOM and CRLF line ends (Notepad's defaults) are accepted, not reported."""
    original, _ = load_lesson(write_lesson(tmp_path / "plain"))

    def windows(text: str) -> bytes:
        text = text.replace("\n", "\r\n") if "crlf" in encoding else text
        return (b"\xef\xbb\xbf" if "bom" in encoding else b"") + text.encode("utf-8")

    lesson, problems = load_lesson(write_lesson(tmp_path / "win", {n: windows(t) for n, t in FILES.items()}))
    assert problems == []
    assert lesson is not None and original is not None
    assert lesson.pages[0].markdown == original.pages[0].markdown
    assert lesson.questions == original.questions


def test_one_bad_lesson_never_stops_the_others(tmp_path: Path) -> None:
    write_lesson(tmp_path)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "lesson.yaml").write_text("format: 1\nid: broken\n", encoding="utf-8")
    loaded = load_lessons([tmp_path])
    assert [lesson.id for lesson in loaded.lessons] == ["mini"]
    assert loaded.problems and all("broken" in p.path for p in loaded.problems)


def test_all_problems_of_a_lesson_are_reported_together(tmp_path: Path) -> None:
    folder = write_lesson(tmp_path, {
        "01-intro.md": PAGE.replace("[^src]", "[^x]"),
        "quiz.yaml": QUIZ_YAML.replace("page: 01-intro", "page: 09-none"),
    })
    _, problems = load_lesson(folder)
    assert [(Path(p.path).name, p.line) for p in problems] == [("01-intro.md", 3), ("quiz.yaml", 10)]


def test_a_broken_lesson_yaml_still_reports_the_quizs_form(tmp_path: Path) -> None:
    folder = write_lesson(tmp_path, {
        "lesson.yaml": LESSON_YAML.replace("order: 1", "order: first"),
        "quiz.yaml": QUIZ_YAML.replace("single_choice", "essay"),
    })
    _, problems = load_lesson(folder)
    assert [(Path(p.path).name, p.line, p.column) for p in problems] == [("lesson.yaml", 5, 8), ("quiz.yaml", 3, 11)]
