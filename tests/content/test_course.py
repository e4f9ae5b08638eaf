"""The shipped course: checks clean, copies no essay sentence, and states dataset facts only where checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from irtutor.content.catalog import load_lessons
from irtutor.content.datasets import load_reference_data
from irtutor.content.located_yaml import load_located_yaml
from tests.conftest import LESSONS, REPO

ESSAYS = sorted((REPO / "tests" / "fixtures" / "essays").glob("*.txt"))
RUN = 12
"""A run of this many identical consecutive words counts as a copied sentence."""
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


URL = re.compile(r"\bhttps?://\S+")


def words(text: str) -> list[str]:
    """The words of `text`, web addresses left out: citing the same source as an essay is not copying it."""
    return WORD.findall(URL.sub(" ", text).casefold().replace("’", "'"))


def runs(text: str) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i:i + RUN]) for i in range(len(found) - RUN + 1)}


ESSAY_RUNS = set().union(*(runs(path.read_text(encoding="utf-8")) for path in ESSAYS))
LESSON_FILES = sorted(p for p in LESSONS.rglob("*") if p.suffix in {".md", ".yaml"})


def test_the_essays_are_there_to_compare_with() -> None:
    assert len(ESSAYS) == 2 and len(ESSAY_RUNS) > 4000


def test_every_lesson_checks_clean() -> None:
    loaded = load_lessons([LESSONS])
    assert [str(p) for p in loaded.problems] == []
    assert loaded.lessons


@pytest.mark.parametrize("path", LESSON_FILES, ids=lambda p: str(p.relative_to(LESSONS)))
def test_no_lesson_text_copies_an_essay(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    copied = runs(text) & ESSAY_RUNS
    assert not copied, f"{path.name} shares {len(copied)} run(s) of {RUN} words with an essay, e.g.: " \
                       f"{' '.join(sorted(copied)[0])}"


def test_the_copy_check_catches_a_copied_sentence() -> None:
    essay = ESSAYS[0].read_text(encoding="utf-8")
    sentence = max((s for s in re.split(r"(?<=[.!?])\s+", essay)), key=len)
    assert runs(f"Our own words first. {sentence}") & ESSAY_RUNS


def questions() -> list[tuple[str, dict]]:
    found = []
    for quiz in sorted(LESSONS.glob("*/quiz.yaml")):
        # The app's own YAML reader (libyaml where present), so the tests read a file as `irtutor check` does.
        for question in load_located_yaml(quiz.read_text(encoding="utf-8"), str(quiz)).data["questions"]:
            found.append((f"{quiz.parent.name}/{question['id']}", question))
    return found


def question_text(question: dict) -> str:
    return yaml.safe_dump({k: v for k, v in question.items() if k not in {"facts", "explanation"}})


@pytest.mark.parametrize(("name", "question"), questions(), ids=[name for name, _ in questions()])
def test_a_question_that_states_an_accession_year_checks_it(name: str, question: dict) -> None:
    """A question naming a member and the year it joined must list that accession under `facts:`,
    so `irtutor check` compares it with nato_members.csv."""
    data = load_reference_data(REPO / "resources" / "data")
    text = question_text(question)
    checked = {f.get("country") for f in question.get("facts", []) if f.get("fact") == "accession"}
    founders = {m.iso3 for m in data.members if m.accession.year == 1949}
    for member in data.members:
        if member.iso3 in founders:
            continue  # "founding member" questions state the treaty, checked by the event fact instead
        if re.search(rf"\b{re.escape(member.name)}\b", text) and str(member.accession.year) in text:
            assert member.iso3 in checked, f"{name} states {member.name} and {member.accession.year}: add " \
                                           f"`- {{fact: accession, country: {member.iso3}, value: " \
                                           f"{member.accession.year}}}` under facts"


SHARE_WORDS = {
    "defence_spending": re.compile(r"(?i)(% of (?:its )?gdp|per ?cent of (?:its )?gdp|defen[cs]e spending)"),
    "ppp_share": re.compile(r"(?i)(share of (?:the )?world|world gdp|\bppp\b)"),
}
DECIMAL = re.compile(r"\b\d{1,2}\.\d{1,3}\b")
TARGETS = {"1.5", "2.0", "3.5", "5.0"}
"""NATO's guideline and targets (2%, 3.5% core, 1.5% related, 5% in all) are not data figures."""


def dataset_figures() -> dict[str, set[str]]:
    """Every published value of each share, as written with one, two or three decimals."""
    data = load_reference_data(REPO / "resources" / "data")
    values = {"defence_spending": [p.y for s in data.defence_spending.values() for p in s.points],
              "ppp_share": [p.y for (measure, _), s in data.gdp.items() if measure == "gdp_ppp_share_world_pct"
                            for p in s.points]}
    return {fact: {f"{v:.{places}f}" for v in found for places in (1, 2, 3)} - TARGETS
            for fact, found in values.items()}


FIGURES = dataset_figures()


def unchecked_share(question: dict) -> str | None:
    """What the question states of the NATO or IMF share tables without a fact to check it, if anything."""
    text = re.sub(r"credit: [\d.]+", "", question_text(question))  # a share of the mark, not a figure
    kinds = {f.get("fact") for f in question.get("facts", [])}
    for fact, words in SHARE_WORDS.items():
        if not words.search(text):
            continue
        stated = [n for n in DECIMAL.findall(text) if n in FIGURES[fact]]
        if stated and not kinds & {fact, "nominal_gdp"}:
            return f"{stated[0]} near '{words.search(text).group()}', a figure of the {fact} data"
    return None


@pytest.mark.parametrize(("name", "question"), questions(), ids=[name for name, _ in questions()])
def test_a_question_that_states_a_spending_or_gdp_share_checks_it(name: str, question: dict) -> None:
    """A question that gives a share found in the NATO or IMF table (3.75 % of GDP, 28.9 % of world
    GDP at PPP) must list it under `facts:`, so `irtutor check` compares it with that table."""
    problem = unchecked_share(question)
    assert problem is None, f"{name} states {problem}: add it under facts"


def test_the_share_check_flags_an_unchecked_figure_and_not_a_target() -> None:
    stated = {"id": "q", "prompt": "Poland spent 3.75 % of GDP on defence in 2024. True?"}
    assert unchecked_share(stated) == "3.75 near '% of GDP', a figure of the defence_spending data"
    checked = {**stated, "facts": [{"fact": "defence_spending", "country": "POL", "year": 2024, "value": 3.75}]}
    assert unchecked_share(checked) is None
    assert unchecked_share({"id": "q", "prompt": "Is the core target 3.5 % of GDP?"}) is None
