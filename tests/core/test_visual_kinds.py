"""Map selection and timeline placement: grading tables, properties, and their quiz.yaml errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from irtutor.content.lesson_loader import load_lesson
from irtutor.core.grading import grade
from irtutor.core.questions import Item, MapKey, Question, QuestionKind, Response, TimelineKey
from tests.conftest import REPO
from tests.content.minimal_lesson import write_lesson

NINETY_NINE = Question("m", QuestionKind.MAP_SELECTION, "Joined in 1999?",
                       MapKey(("POL", "CZE", "HUN"), 1999, (("POL", "Poland"), ("CZE", "Czechia"),
                                                            ("HUN", "Hungary"), ("EST", "Estonia"))), "E", "p")
ROUNDS = Question("t", QuestionKind.TIMELINE_PLACEMENT, "Place them.",
                  TimelineKey((Item("a", "Germany"), Item("b", "Spain"), Item("c", "Poland")), (1955, 1982, 1999), 1),
                  "E", "p")


@pytest.mark.parametrize(("selected", "score", "feedback"), [
    ({"POL", "CZE", "HUN"}, 1.0, ()),
    ({"POL", "CZE"}, 2 / 3, ("Not selected but right: Hungary.",)),
    ({"POL", "CZE", "HUN", "EST"}, 2 / 3, ("Selected but not right: Estonia.",)),
    ({"POL", "EST"}, 0.0, ("Not selected but right: Czechia, Hungary.", "Selected but not right: Estonia.")),
    (set(), 0.0, ("Not selected but right: Czechia, Hungary, Poland.",)),
])
def test_map_selection_scores_right_minus_wrong(selected: set[str], score: float, feedback: tuple[str, ...]) -> None:
    outcome = grade(NINETY_NINE, Response(selected=frozenset(selected)))
    assert outcome.score == pytest.approx(score)
    assert outcome.feedback == feedback


@pytest.mark.parametrize(("placed", "score"), [
    ({"a": "1955", "b": "1982", "c": "1999"}, 1.0),
    ({"a": "1956", "b": "1981", "c": "2000"}, 1.0),  # within a year: right
    ({"a": "1960", "b": "1990", "c": "2010"}, 0.5),  # every year off, but the order right: half
    ({"a": "1955", "b": "1999", "c": "1982"}, (1 / 3 + 2 / 3) / 2),  # one year right; 2 of 3 pairs in order
    ({"a": "1970", "b": "1970", "c": "1970"}, 0.0),  # one year for all earns no order credit
    ({"a": "1955"}, (1 / 3) / 2),  # unplaced events count as wrong and out of order
    ({"a": "fifty-five"}, 0.0),
])
def test_timeline_placement_scores_years_and_order(placed: dict[str, str], score: float) -> None:
    assert grade(ROUNDS, Response(pairs=placed)).score == pytest.approx(score)


@given(st.frozensets(st.sampled_from(["POL", "CZE", "HUN", "EST", "LVA", "FRA"])))
def test_map_scores_stay_in_range(selected: frozenset[str]) -> None:
    assert 0.0 <= grade(NINETY_NINE, Response(selected=selected)).score <= 1.0


@given(st.dictionaries(st.sampled_from("abc"), st.integers(1900, 2030).map(str)))
def test_timeline_scores_stay_in_range_and_only_the_truth_scores_1(placed: dict[str, str]) -> None:
    score = grade(ROUNDS, Response(pairs=placed)).score
    assert 0.0 <= score <= 1.0
    truth = {"a": 1955, "b": 1982, "c": 1999}
    if score == 1.0:
        assert all(abs(int(placed[k]) - year) <= 1 for k, year in truth.items())


def test_the_fixture_lesson_loads_both_kinds() -> None:
    lesson, problems = load_lesson(REPO / "tests" / "fixtures" / "lessons" / "visual-kinds")
    assert problems == [] and lesson is not None
    kinds = [q.kind for q in lesson.questions]
    assert kinds == [QuestionKind.MAP_SELECTION, QuestionKind.TIMELINE_PLACEMENT]
    assert lesson.questions[0].key.name("CZE") == "Czechia"


MAP_QUIZ = """\
questions:
  - id: m1
    kind: map_selection
    prompt: Click them.
    countries: [POL, ZZZ]
    explanation: Because.
    page: 01-intro
  - id: t1
    kind: timeline_placement
    prompt: Place them.
    events:
      - {text: A, year: 1949}
      - {text: B}
      - {text: A, year: 1955}
    explanation: Because.
    page: 01-intro
"""


def test_bad_map_and_timeline_questions_are_reported_at_their_line(tmp_path: Path) -> None:
    lesson, problems = load_lesson(write_lesson(tmp_path, {"quiz.yaml": MAP_QUIZ}))
    assert lesson is None
    found = [(p.line, p.message) for p in problems]
    assert any(line == 13 and "year" in message for line, message in found), found
    fixed = MAP_QUIZ.replace("      - {text: B}", "      - {text: B, year: 1952}")
    lesson, problems = load_lesson(write_lesson(tmp_path / "again", {"quiz.yaml": fixed}))
    found = sorted((p.line, p.message) for p in problems)
    assert found[0][0] == 5 and "'ZZZ' is not a country on the map" in found[0][1]
    assert found[1][0] == 14 and "listed twice" in found[1][1]
