"""`facts:` on a quiz question: each compared with the shipped data, a mismatch reported at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from irtutor.content.datasets import load_reference_data
from irtutor.content.fact_checks import check_fact
from irtutor.content.lesson_loader import load_lesson
from tests.conftest import REPO
from tests.content.minimal_lesson import QUIZ_YAML, write_lesson


@pytest.fixture(scope="module")
def data():  # type: ignore[no-untyped-def]
    return load_reference_data(REPO / "resources" / "data")


@pytest.mark.parametrize(("fact", "says"), [
    ({"fact": "accession", "country": "FIN", "value": "2023-04-04"}, None),
    ({"fact": "accession", "country": "FIN", "value": 2023}, None),
    ({"fact": "accession", "country": "SWE", "value": 2023}, "Sweden joined on 2024-03-07"),
    ({"fact": "accession", "country": "UKR", "value": 2008}, "UKR is not a NATO member"),
    ({"fact": "members", "date": 1949, "value": 12}, None),
    ({"fact": "members", "date": "2004-03-29", "value": 26}, None),
    ({"fact": "members", "date": 2023, "value": 32}, "31 members on 2023-12-31"),
    ({"fact": "defence_spending", "country": "POL", "year": 2024, "value": 3.75}, None),
    ({"fact": "defence_spending", "country": "POL", "year": 2026, "value": 4.68}, None),
    ({"fact": "defence_spending", "country": "POL", "year": 2026, "value": 4.7}, None),
    ({"fact": "defence_spending", "country": "POL", "year": 2026, "value": 4.6}, "Poland 2026: 4.68 % of GDP (est"),
    ({"fact": "defence_spending", "country": "POL", "year": 2025, "value": 4.3}, None),  # 4.25 rounded half up
    ({"fact": "defence_spending", "country": "POL", "year": 2025, "value": 4.2}, "Poland 2025: 4.25 % of GDP"),
    ({"fact": "defence_spending", "country": "POL", "year": 2025, "value": 4}, None),
    ({"fact": "ppp_share", "entity": "G7", "year": 1992, "value": 46.8}, None),
    ({"fact": "nominal_gdp", "entity": "US-CA California", "year": 2024, "value": 4.1}, None),
    ({"fact": "nominal_gdp", "entity": "RUS", "year": 2024, "value": 2.0}, "no nominal GDP for RUS"),
    ({"fact": "event", "date": "1990-02-09"}, None),
    ({"fact": "event", "date": "1990-02-10"}, "no event on 1990-02-10"),
    ({"fact": "accession", "value": 2023}, "needs `country`"),
])
def test_facts_against_the_data(data, fact: dict, says: str | None) -> None:  # type: ignore[no-untyped-def]
    result = check_fact(fact, data)
    if says is None:
        assert result is None
    else:
        assert result is not None and says in result


def test_a_wrong_fact_in_quiz_yaml_is_reported_at_its_line(tmp_path: Path) -> None:
    quiz = QUIZ_YAML + "    facts:\n      - {fact: accession, country: FIN, value: 2023}\n" \
                       "      - {fact: members, date: 2004, value: 25}\n"
    lesson, problems = load_lesson(write_lesson(tmp_path, {"quiz.yaml": quiz}))
    assert lesson is None
    assert [(p.line, p.message) for p in problems] == [
        (14, "this members fact disagrees with the data: nato_members.csv: 26 members on 2004-12-31")]


@pytest.mark.parametrize(("fact", "says"), [
    ({"fact": "days_between", "from": "1990-01-31", "to": "1990-02-09", "value": 9}, None),
    ({"fact": "days_between", "from": "1990-01-31", "to": "1990-02-09", "value": 11},
     "1990-01-31 to 1990-02-09 is 9 days, not 11"),
    ({"fact": "days_between", "from": "2024-02-28", "to": "2024-03-01", "value": 2}, None),  # a leap year
    ({"fact": "days_between", "from": 1990, "to": "1990-02-09", "value": 9}, "'1990' is not a date"),
    ({"fact": "years_between", "from": "1949-04-04", "to": "1999-03-12", "value": 49}, None),  # not yet 50
    ({"fact": "years_between", "from": "1949-04-04", "to": "1999-04-04", "value": 50}, None),
    ({"fact": "years_between", "from": 1949, "to": 1999, "value": 50}, None),
    ({"fact": "years_between", "from": 1949, "to": "1999-03-12", "value": 49}, "is 50 years, not 49"),
    ({"fact": "years_between", "from": "1949-04", "to": 1999, "value": 50}, "'1949-04' is not a year or a date"),
    ({"fact": "days_between", "from": "1990-01-31", "value": 9}, "needs `to`"),
])
def test_date_arithmetic_facts(data, fact: dict, says: str | None) -> None:  # type: ignore[no-untyped-def]
    result = check_fact(fact, data)
    if says is None:
        assert result is None
    else:
        assert result is not None and says in result


def test_a_miscounted_days_after_is_reported_at_its_line(tmp_path: Path) -> None:
    """The Tutzing slip of issue 11: "eleven days after" 31 January, for 9 February."""
    quiz = QUIZ_YAML + "    facts:\n      - {fact: days_between, from: 1990-01-31, to: 1990-02-09, value: 11}\n"
    lesson, problems = load_lesson(write_lesson(tmp_path, {"quiz.yaml": quiz}))
    assert lesson is None
    assert [(p.line, p.column, p.message) for p in problems] == [
        (13, 9, "this days_between fact disagrees with the data: 1990-01-31 to 1990-02-09 is 9 days, not 11")]
