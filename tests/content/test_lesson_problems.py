"""Broken lesson files give one exact file:line:col message each; odd-but-fine files load."""

from __future__ import annotations

from pathlib import Path

import pytest

from irtutor.content.catalog import load_lessons
from irtutor.content.lesson_loader import load_lesson
from tests.content.minimal_lesson import ALL_KINDS_QUIZ, FILES, LESSON_YAML, PAGE, QUIZ_YAML, write_lesson

QUIZ_TWICE = QUIZ_YAML + QUIZ_YAML.split("\n", 1)[1]
CLOZE_LINE = 'text: "NATO was founded in {{1949}} by {{twelve|twenty|eight}} states."'


def kinds_quiz(old: str, new: str) -> dict[str, str]:
    """ALL_KINDS_QUIZ with one edit, which must apply."""
    assert old in ALL_KINDS_QUIZ
    return {"quiz.yaml": ALL_KINDS_QUIZ.replace(old, new)}


BROKEN = [
    pytest.param({"lesson.yaml": LESSON_YAML.replace("title: Mini lesson\n", "")},
                 "lesson.yaml:1:1: missing field `title` in the file: add a line `title: ...`", id="missing-field"),
    pytest.param({"lesson.yaml": LESSON_YAML.replace("title: Mini lesson", "title: [Mini lesson")},
                 "lesson.yaml:4:8: YAML syntax: did not find expected ',' or ']'", id="bad-yaml"),
    pytest.param({"quiz.yaml": QUIZ_YAML.replace("single_choice", "essay")},
                 "quiz.yaml:3:11: unknown question kind 'essay'; use one of: single_choice, multiple_choice, "
                 "true_false, numeric, short_text, matching, ordering, cloze, "
        "map_selection, timeline_placement", id="unknown-kind"),
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
                 "lesson.yaml:14:1: unknown field `colour`; allowed here: discussion, facts_as_of, format, "
                 "further_reading, id, objectives, order, prerequisites, sources, summary, terms, title",
                 id="unknown-field"),
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

    # The kinds beyond choice: what a schema cannot check, each at the culprit's line and column.
    pytest.param(kinds_quiz("tolerance: 0", "tolerance: -1"),
                 "quiz.yaml:6:16: `tolerance` must not be negative (found -1); it is a distance either way of the "
                 "answer", id="numeric-negative-tolerance"),
    pytest.param(kinds_quiz("tolerance: 0", "tolerance_percent: -5"),
                 "quiz.yaml:6:24: `tolerance_percent` must not be negative (found -5); it is a distance either way "
                 "of the answer", id="numeric-negative-percent"),
    pytest.param(kinds_quiz("tolerance: 0", "tolerance: 1\n    tolerance_percent: 5"),
                 "quiz.yaml:7:5: give either `tolerance` or `tolerance_percent`, not both",
                 id="numeric-two-tolerances"),
    pytest.param(kinds_quiz("    answer: 32\n", "    answer: thirty-two\n"),
                 "quiz.yaml:5:13: `answer` must be number, not text", id="numeric-answer-not-a-number"),
    pytest.param(kinds_quiz("    unit: members\n", "    unit: members\n    options: []\n"),
                 "quiz.yaml:8:5: unknown field `options`; allowed here: answer, difficulty, explanation, facts, id, "
                 "kind, page, prompt, source, tolerance, tolerance_percent, topic, unit", id="numeric-unknown-field"),
    pytest.param(kinds_quiz("credit: 0.5", "credit: 1.5"),
                 "quiz.yaml:16:32: credit 1.5 is out of range: write a share of the mark above 0 and at most 1, "
                 "e.g. 0.5 (or 0 with a `feedback` for a known wrong answer)", id="short-text-credit-out-of-range"),
    pytest.param(kinds_quiz("      - USSR\n      - Soviet Union\n", ""),
                 "quiz.yaml:14:7: no answer earns full credit: give at least one answer `credit: 1` (or no credit "
                 "at all)", id="short-text-no-full-credit"),
    pytest.param(kinds_quiz("- Soviet Union", "- ussr"),
                 "quiz.yaml:15:9: answer 'ussr' is the same as answer 1 once case, accents, spaces and punctuation "
                 "are ignored; keep one of them", id="short-text-same-answer-twice"),
    pytest.param(kinds_quiz("left: Sweden", "left: Finland"),
                 "quiz.yaml:24:16: left 'Finland' is listed twice (first as left 1); each left must differ",
                 id="matching-left-twice"),
    pytest.param(kinds_quiz("      - {left: Sweden, right: 2024}\n", ""),
                 "quiz.yaml:23:7: `pairs` must list at least 2", id="matching-one-pair"),
    pytest.param(kinds_quiz('distractors: ["2022"]', 'distractors: ["2023"]'),
                 "quiz.yaml:25:19: distractor '2023' is already the right of a pair; a distractor must go with no "
                 "left, so remove it or change it", id="matching-distractor-is-an-answer"),
    pytest.param(kinds_quiz("Berlin blockade, Washington", "Berlin blockade, Brussels"),
                 "quiz.yaml:31:47: item 'Brussels Treaty' is listed twice (first as item 1); each item must differ",
                 id="ordering-item-twice"),
    pytest.param(kinds_quiz("[Brussels Treaty, Berlin blockade, Washington Treaty]", "[Brussels Treaty]"),
                 "quiz.yaml:31:12: `items` must list at least 2", id="ordering-one-item"),
    pytest.param(kinds_quiz("grading: absolute_position", "grading: by_date"),
                 "quiz.yaml:32:14: `grading` is 'by_date'; use one of: longest_ordered_subsequence, all_or_nothing, "
                 "absolute_position, relative_to_next", id="ordering-unknown-grading"),
    pytest.param(kinds_quiz("{{1949}} by {{twelve|twenty|eight}}", "1949 by twelve"),
                 "quiz.yaml:38:11: the cloze text has no gap: write each answer in double braces, e.g. {{1949}}",
                 id="cloze-no-gap"),
    pytest.param(kinds_quiz("{{1949}}", "{{1949"),
                 "quiz.yaml:38:32: gap {{1949 by {{twelve|twent is not closed: end it with }}", id="cloze-unclosed"),
    pytest.param(kinds_quiz("twelve|twenty|eight", "twelve||eight"),
                 "quiz.yaml:38:44: gap {{twelve||eight}} has an empty entry: write something between each |",
                 id="cloze-empty-choice"),
    pytest.param(kinds_quiz("by {{twelve", "by }} {{twelve"),
                 "quiz.yaml:38:44: the cloze text has }} that closes no gap: open the gap with {{ or delete the }}",
                 id="cloze-stray-close"),
    pytest.param(kinds_quiz("{{1949}}", "{{1949;1950|1951}}"),
                 "quiz.yaml:38:32: gap {{1949;1950|1951}} mixes | and ;: separate choices with | or accepted answers "
                 "with ;, not both", id="cloze-mixed-marks"),
    pytest.param(kinds_quiz(CLOZE_LINE, "text: NATO was founded in {{1949}} by {{twelve|twenty|eight} states."),
                 "quiz.yaml:38:43: gap {{twelve|twenty|eight} s is not closed: end it with }}",
                 id="cloze-plain-scalar"),
    pytest.param(kinds_quiz(CLOZE_LINE, "text: |\n      NATO was founded in {{1949}}\n"
                                        "      by {{twelve|twelve|eight}} states."),
                 "quiz.yaml:40:10: gap {{twelve|twelve|eight}} lists the choice 'twelve' twice; each choice must "
                 "differ", id="cloze-block-scalar-second-line"),
    pytest.param(kinds_quiz("France, correct: true, weight: 50", "France, correct: true, weight: 40"),
                 "quiz.yaml:45:7: the weights of the right options add up to 90, not 100; change them so that they do",
                 id="weights-not-100"),
    pytest.param(kinds_quiz("weight: -50", "weight: 10"),
                 "quiz.yaml:47:32: a wrong option's weight must be 0 or below (found 10); add `correct: true` if "
                 "picking it earns credit", id="weight-on-a-wrong-option"),
    pytest.param(kinds_quiz("{text: Norway, correct: true, weight: 50}", "{text: Norway, correct: true}"),
                 "quiz.yaml:46:9: this right option needs a `weight` too: once one option has a weight, every right "
                 "option needs one", id="weight-missing-on-a-right-option"),
    pytest.param(kinds_quiz("weight: -50", "weight: -150"),
                 "quiz.yaml:47:32: weight -150 is out of range: write a percent from -100 to 100",
                 id="weight-out-of-range"),
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
        "lesson.yaml:5:1: unknown field `ordre`; allowed here: discussion, facts_as_of, format, further_reading, id, "
        "objectives, order, prerequisites, sources, summary, terms, title",
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
