"""Export then import: every shipped question comes back grading every response as it did.

Each lesson's quiz is exported (GIFT and Moodle XML), imported with our importers, written as the
quiz.yaml of a copy of the lesson (each question on its original page) and loaded by the real
loader. Hypothesis then answers each original question with responses built from its own
options, items, countries and gaps plus junk, and the imported question must give the same score.

Where the export is a nearer form, only what it can answer is compared:
- a map question is a multiple response over the exported countries: responses pick among those;
- a timeline is one numeric gap (XML) or one numerical question (GIFT) per event: each event's
  year is compared with the original's verdict for that event (the order half has no counterpart),
  with years typed as whole numbers, as the gaps are matched as written;
- a GIFT cloze with several gaps is one missing-word question per gap: each gap's credit is compared;
- a GIFT numerical question has no unit: a number typed in another unit is not compared.
Typed answers are compared without typos: Moodle forgives none, and an imported short answer keeps
Moodle's matching (typos 0, accents count), while ours forgives a few by default.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from irtutor.content.exchange.export_common import ExportResult, map_choices
from irtutor.content.exchange.gift_export import export_gift
from irtutor.content.exchange.gift_import import parse_gift
from irtutor.content.exchange.report import ImportResult
from irtutor.content.exchange.xml_export import export_moodle_xml
from irtutor.content.exchange.xml_import import parse_moodle_xml
from irtutor.content.lesson_loader import load_lesson
from irtutor.core.grading import grade
from irtutor.core.kinds.cloze import Gap
from irtutor.core.lesson import Lesson
from irtutor.core.numbers import read_number
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.verdicts import Verdict
from tests.conftest import FIXTURES, LESSONS
from tests.right_answers import right_response

SHIPPED = sorted(p.name for p in LESSONS.iterdir() if (p / "quiz.yaml").is_file())
JUNK = ["", "   ", "zqxj", "Qwzx vrtp", "1234567", "-3", "n/a", "{{}}", "#~=:", "ÆØÅ"]
FORMATS = ("gift", "moodle-xml")


def parse(fmt: str, text: str) -> ImportResult:
    if fmt == "gift":
        return parse_gift(text, "round-trip.gift")
    return parse_moodle_xml(text.encode("utf-8"), "round-trip.xml")


EXPORTERS: dict[str, Callable[..., ExportResult]] = {"gift": export_gift, "moodle-xml": export_moodle_xml}


@cache
def original(name: str) -> Lesson:
    lesson, problems = load_lesson(LESSONS / name)
    assert lesson is not None, problems
    return lesson


def origin_of(part_id: str, lesson: Lesson) -> Question:
    """The original of an imported question: the same id, or the id a split part starts with."""
    ids = {q.id: q for q in lesson.questions}
    if part_id in ids:
        return ids[part_id]
    return ids[part_id.rsplit("-", 1)[0]]


def lesson_with(folder: Path, source: Path, mappings: list[dict[str, Any]],
                media: dict[str, bytes] | None = None) -> Lesson:
    """A copy of `source` whose quiz.yaml holds `mappings` (its settings kept) and whose media/ holds the
    imported images (as `irtutor import` writes them), as the real loader reads it."""
    shutil.copytree(source, folder)
    for name, data in (media or {}).items():
        (folder / "media").mkdir(exist_ok=True)
        (folder / "media" / name).write_bytes(data)
    quiz = yaml.safe_load((source / "quiz.yaml").read_text(encoding="utf-8"))
    quiz["questions"] = mappings
    (folder / "quiz.yaml").write_text(yaml.safe_dump(quiz, allow_unicode=True, sort_keys=False), encoding="utf-8")
    lesson, problems = load_lesson(folder)
    assert lesson is not None and not problems, [str(p) for p in problems]
    return lesson


def round_trip(fmt: str, name: str, workdir: Path) -> dict[str, Question]:
    """The lesson's questions, by id, after its quiz went out as `fmt` and came back in."""
    lesson = original(name)
    result = parse(fmt, EXPORTERS[fmt](lesson.questions, category=name).text)
    skipped = [(q.where, q.skipped) for q in result.questions if q.skipped]
    assert not skipped, skipped
    mappings = []
    for imported in result.imported:
        mapping = dict(imported.mapping or {})
        origin = origin_of(mapping["id"], lesson)
        mapping["page"] = origin.page
        mapping.setdefault("explanation", origin.explanation)
        mappings.append(mapping)
    return {q.id: q for q in lesson_with(workdir / name, LESSONS / name, mappings).questions}


@pytest.fixture(scope="module", params=FORMATS)
def round_trips(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                ) -> tuple[str, dict[str, dict[str, Question]]]:
    """(format, lesson name -> its questions after the round trip), built once per format."""
    fmt: str = request.param
    workdir = tmp_path_factory.mktemp(fmt)
    return fmt, {name: round_trip(fmt, name, workdir) for name in SHIPPED}


# Responses built from a question's own parts, plus junk.

def typed(texts: list[str]) -> st.SearchStrategy[str]:
    """What a student types: an accepted text as written, in other case or spacing, or junk."""
    shown = st.sampled_from(texts) if texts else st.sampled_from(JUNK)
    return st.one_of(shown, shown.map(str.upper), shown.map(str.lower), shown.map(lambda t: f"  {t} "),
                     st.sampled_from(JUNK))


def gap_value(gap: Gap) -> st.SearchStrategy[str]:
    if gap.is_choice:
        return st.sampled_from([*gap.choices, ""])
    return typed([v.text for v in gap.variants])


def responses(question: Question) -> st.SearchStrategy[Response]:
    key: Any = question.key
    kind = question.kind
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE):
        return st.sets(st.sampled_from([o.id for o in question.options])).map(lambda s: Response(selected=s))
    if kind is QuestionKind.MAP_SELECTION:  # nearer form: only the exported countries can be picked
        names = {key.name(code): code for code in dict(key.map_names) or key.countries}
        codes = [names[c.text] for c in map_choices(question)]
        return st.sets(st.sampled_from(codes)).map(lambda s: Response(selected=s))
    if kind is QuestionKind.NUMERIC:
        value = key.value
        numbers = [value, value + key.margin, value - key.margin, value + key.margin + 1, value * 1000, -value]
        texts = [f"{n:g}" for n in numbers] + [f"{value:g} {key.unit}", f"{value:g} parsecs"]
        return typed(texts).map(lambda t: Response(text=t))
    if kind is QuestionKind.SHORT_TEXT:
        return typed([v.text for v in key.variants]).map(lambda t: Response(text=t))
    if kind is QuestionKind.MATCHING:
        pairs = st.dictionaries(st.sampled_from([i.id for i in key.lefts]), st.sampled_from([i.id for i in key.rights]))
        return pairs.map(lambda p: Response(pairs=p))
    if kind is QuestionKind.ORDERING:
        return st.tuples(st.permutations(list(key.ids)), st.integers(0, len(key.ids))).map(
            lambda pair: Response(order=pair[0][:pair[1]] if pair[1] else pair[0]))
    if kind is QuestionKind.CLOZE:
        return st.fixed_dictionaries({g.id: gap_value(g) for g in key.gaps}).map(lambda g: Response(gaps=g))
    years = {e.id: st.one_of(st.integers(y - 3, y + 3).map(str), st.sampled_from(["", "zqxj", "19 49"]))
             for e, y in zip(key.events, key.years, strict=True)}
    return st.fixed_dictionaries(years).map(lambda p: Response(pairs={k: v for k, v in p.items() if v}))


# An original response as the imported question's own ids, by the texts both show.

def by_text(items: Any) -> dict[str, str]:
    return {item.text: item.id for item in items}


def translate(original_q: Question, imported: Question, response: Response) -> Response:
    key: Any = original_q.key
    new: Any = imported.key
    if original_q.kind is QuestionKind.MAP_SELECTION:
        ids = by_text(imported.options)
        return Response(selected={ids[key.name(code)] for code in response.selected})
    if original_q.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE):
        ids = by_text(imported.options)
        return Response(selected={ids[original_q.option(i).text] for i in response.selected})
    if original_q.kind is QuestionKind.MATCHING:
        lefts, rights = by_text(new.lefts), by_text(new.rights)
        old_lefts, old_rights = {i.id: i.text for i in key.lefts}, {i.id: i.text for i in key.rights}
        return Response(pairs={lefts[old_lefts[left]]: rights[old_rights[right]] for left, right in response.pairs})
    if original_q.kind is QuestionKind.ORDERING:
        items, old = by_text(new.items), {i.id: i.text for i in key.items}
        return Response(order=[items[old[i]] for i in response.order])
    return response  # typed text, and cloze gaps g1, g2, ... in reading order


def answer_part(imported: Question, value: str) -> Response:
    """`value` as the answer to a one-part question split from a cloze or timeline."""
    if imported.kind is QuestionKind.CLOZE:
        return Response(gaps={imported.key.gaps[0].id: value})  # type: ignore[union-attr]
    if imported.kind is QuestionKind.SINGLE_CHOICE:
        return Response(selected={o.id for o in imported.options if o.text == value})
    return Response(text=value)


def right_years_share(question: Question, response: Response) -> float:
    """The half of a timeline's mark the nearer form keeps: the share of events placed within the tolerance."""
    parts = grade(question, response).parts
    return sum(1 for p in parts if p.verdict is Verdict.RIGHT) / len(parts)


def compare(fmt: str, question: Question, back: dict[str, Question], response: Response) -> None:
    key: Any = question.key
    if question.kind is QuestionKind.TIMELINE_PLACEMENT:
        compare_timeline(fmt, question, back, response)
    elif question.kind is QuestionKind.CLOZE and fmt == "gift" and len(key.gaps) > 1:
        compare_gap_by_gap(question, back, response)
    else:
        compare_same(question, back[question.id], response)


def gift_can_answer(question: Question, response: Response) -> bool:
    """GIFT numerical questions have no unit (noted on export): a number in another unit is out of its reach."""
    if question.kind is not QuestionKind.NUMERIC:
        return True
    read, unit = read_number(response.text), question.key.unit  # type: ignore[union-attr]
    return not (unit and read is not None and read.unit and read.unit.casefold() != unit.casefold())


def compare_same(question: Question, imported: Question, response: Response) -> None:
    expected = grade(question, response).score
    if question.kind is QuestionKind.CLOZE and imported.kind is not QuestionKind.CLOZE:  # GIFT missing word
        gap = question.key.gaps[0]  # type: ignore[union-attr]
        response = answer_part(imported, response.gap_map().get(gap.id, "").strip())
    else:
        response = translate(question, imported, response)
    assert grade(imported, response).score == pytest.approx(expected, abs=1e-6)


def compare_timeline(fmt: str, question: Question, back: dict[str, Question], response: Response) -> None:
    """Nearer form: each event's year against the original's verdict for it; the order half has no counterpart."""
    events, placed = question.key.events, response.pair_map()  # type: ignore[union-attr]
    if fmt == "moodle-xml":  # one cloze, a numeric gap per event
        cloze = back[question.id]
        gaps = {gap.id: placed.get(event.id, "") for gap, event in zip(cloze.key.gaps, events, strict=True)}  # type: ignore[union-attr]
        assert grade(cloze, Response(gaps=gaps)).score == pytest.approx(right_years_share(question, response))
        return
    verdicts = {p.part: p.verdict for p in grade(question, response).parts}
    for n, event in enumerate(events, start=1):  # GIFT: one numerical question per event
        expected = 1.0 if verdicts[event.id] is Verdict.RIGHT else 0.0
        part = back[f"{question.id}-e{n}"]
        assert grade(part, Response(text=placed.get(event.id, ""))).score == expected, (event.text, placed)


def compare_gap_by_gap(question: Question, back: dict[str, Question], response: Response) -> None:
    """Nearer form (GIFT): one missing-word question per gap, each against that gap's credit."""
    key: Any = question.key
    given = response.gap_map()
    for gap in key.gaps:
        part, value = back[f"{question.id}-{gap.id}"], given.get(gap.id, "")
        expected = key.credit(gap, value)
        assert grade(part, answer_part(part, value.strip())).score == pytest.approx(expected), (gap, value)


ALL = [(name, q.id) for name in SHIPPED for q in original(name).questions]


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_every_shipped_question_grades_every_response_the_same_after_export_and_import(
        round_trips: tuple[str, dict[str, dict[str, Question]]], data: st.DataObject) -> None:
    fmt, lessons = round_trips
    name, question_id = data.draw(st.sampled_from(ALL), label="question")
    question = next(q for q in original(name).questions if q.id == question_id)
    response = data.draw(responses(question), label="response")
    assume(fmt != "gift" or gift_can_answer(question, response))
    compare(fmt, question, lessons[name], response)


def test_every_shipped_question_comes_back_right_when_answered_right(
        round_trips: tuple[str, dict[str, dict[str, Question]]]) -> None:
    fmt, lessons = round_trips
    for name, question_id in ALL:
        question = next(q for q in original(name).questions if q.id == question_id)
        compare(fmt, question, lessons[name], right_response(question))


# Moodle's own sample files: import, export in the same format, import again.

MOODLE_SAMPLES = sorted([*(FIXTURES / "moodle").glob("*.txt"), *(FIXTURES / "moodle").glob("*.gift"),
                         *(FIXTURES / "moodle-xml").glob("*.xml")])


def imported_mappings(fmt: str, text: str) -> list[dict[str, Any]]:
    return [dict(q.mapping) for q in parse(fmt, text).questions if q.mapping is not None]


@pytest.mark.parametrize("sample", MOODLE_SAMPLES, ids=lambda p: p.name)
def test_moodles_samples_come_back_as_the_same_mappings_after_import_export_import(sample: Path,
                                                                                   tmp_path: Path) -> None:
    fmt = "moodle-xml" if sample.suffix == ".xml" else "gift"
    if not imported_mappings(fmt, sample.read_text(encoding="utf-8")):
        pytest.skip(f"no question of {sample.name} imports (the importer's tests check each reason)")
    assert_same_after_export(fmt, sample.read_text(encoding="utf-8"), tmp_path)


def test_moodles_cloze_sample_without_its_multiresponse_gaps_comes_back_the_same(tmp_path: Path) -> None:
    """multianswer-all-types.xml is refused whole for its MULTIRESPONSE gaps; without them it tries every other gap."""
    text = (FIXTURES / "moodle-xml" / "multianswer-all-types.xml").read_text(encoding="utf-8")
    assert_same_after_export("moodle-xml", MULTIRESPONSE_GAP.sub("", text), tmp_path)


MULTIRESPONSE_GAP = re.compile(r"\{\d*:MULTIRESPONSE[A-Z_]*:[^}]*\}")


def assert_same_after_export(fmt: str, text: str, tmp_path: Path) -> None:
    """Imported, loaded as a lesson's questions, exported in the same format and imported again: the same mappings."""
    first = imported_mappings(fmt, text)
    assert first
    page = original("nato-origins").pages[0].slug
    lesson = lesson_with(tmp_path / "nato-origins", LESSONS / "nato-origins",
                         [{**m, "page": page, "explanation": m.get("explanation", "")} for m in first],
                         parse(fmt, text).media)
    again = imported_mappings(fmt, EXPORTERS[fmt](lesson.questions).text)
    assert [m["id"] for m in again] == [m["id"] for m in first]
    for before, after in zip(first, again, strict=True):
        assert comparable(after) == comparable(before), before["id"]


def comparable(mapping: dict[str, Any]) -> dict[str, Any]:
    """A mapping without what the author fills in on import (the page) and with an empty explanation written out."""
    return {**mapping, "page": "", "explanation": mapping.get("explanation", "")}
