"""The shipped reference data: every dataset loads, carries its source, and known facts check out."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest

from irtutor.content.catalog import load_lessons
from irtutor.content.datasets import DataError, load_defence_spending, load_events, load_members, load_reference_data
from irtutor.core.datasets import Point, Provenance, Series, members_on, membership_steps
from irtutor.core.kinds.timeline_placement import TimelineKey
from irtutor.core.lesson import Lesson
from irtutor.services.event_coverage import directive_covers
from tests.conftest import LESSONS, REPO

DATA = REPO / "resources" / "data"


@pytest.fixture(scope="module")
def data():  # type: ignore[no-untyped-def]
    return load_reference_data(DATA)


def test_membership_known_values(data) -> None:  # type: ignore[no-untyped-def]
    assert len(data.members) == 32
    assert len(members_on(data.members, date(1949, 12, 31))) == 12
    joined = {m.name: m.accession for m in data.members}
    assert joined["Finland"] == date(2023, 4, 4) and joined["Sweden"] == date(2024, 3, 7)
    assert [count for _, count, _ in membership_steps(data.members)] == [12, 14, 15, 16, 19, 26, 28, 29, 30, 31, 32]
    assert all(m.sources for m in data.members)


def test_defence_spending_is_one_edition_with_estimates_marked(data) -> None:  # type: ignore[no-untyped-def]
    spending = data.defence_spending
    assert len(spending) == 31 and "ISL" not in spending  # Iceland has no armed forces and no figure
    poland = spending["POL"]
    assert poland.label == "Poland" and poland.unit == "% of GDP"
    assert poland.value_at(2026) == Point(2026, 4.68, True, "NATO estimate")
    assert not poland.value_at(2024).estimate
    assert {s.provenance.edition for s in spending.values()} == {"2026 edition"}
    assert all(p.estimate == (p.x >= 2025) for s in spending.values() for p in s.points)


def test_gdp_shares_cross_and_every_series_has_a_source(data) -> None:  # type: ignore[no-untyped-def]
    g7 = {p.x: p.y for p in data.gdp[("gdp_ppp_share_world_pct", "G7")].points}
    brics = {p.x: p.y for p in data.gdp[("gdp_ppp_share_world_pct", "BRICS-5")].points}
    assert min(brics) == 1992  # no IMF figure for Russia before 1992, so no BRICS-5 sum
    crossing = min(year for year in brics if brics[year] > g7[year])
    assert all(brics[y] < g7[y] for y in brics if y < crossing)
    assert 2015 <= crossing <= 2020
    california = data.gdp[("gdp_current_usd_2024_comparison", "US-CA California")]
    assert california.value_at(2024).y == pytest.approx(4.1e12)
    assert all(isinstance(s.provenance, Provenance) and s.provenance.caption().startswith("Source: ")
               for s in data.gdp.values())


def test_events_keep_their_tags_and_contested_flag(data) -> None:  # type: ignore[no-untyped-def]
    assert len(data.events) == 50
    events = {e.day: e for e in data.events}  # two events share a day; this one's is unique
    baker = events[date(1990, 2, 9)]
    assert baker.contested and {"nato", "russia"} <= baker.tags and baker.alt_source_url
    assert all(e.source_url for e in data.events)
    assert [e.day for e in data.events] == sorted(e.day for e in data.events)


def test_every_member_has_an_outline(data) -> None:  # type: ignore[no-untyped-def]
    outlines = {c.iso3 for c in data.countries}
    assert len(data.countries) == 177
    assert {m.iso3 for m in data.members} <= outlines
    assert all(len(ring) >= 4 for c in data.countries for polygon in c.polygons for ring in polygon)


def test_a_series_without_provenance_cannot_be_made() -> None:
    with pytest.raises(TypeError, match="no provenance"):
        Series("X", "X", "%", (Point(2000, 1.0),), None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="citation"):
        Provenance("", "2026 edition", "2026")


def copy_with(tmp_path: Path, name: str, line: int, new: str) -> Path:
    target = tmp_path / name
    shutil.copy(DATA / name, target)
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line - 1] = new
    target.write_text("".join(lines), encoding="utf-8")
    return target


def test_a_row_without_a_source_is_refused_at_its_line(tmp_path: Path) -> None:
    path = copy_with(tmp_path, "nato_defence_spending.csv", 3, "ALB,2015,1.15,false,\n")
    with pytest.raises(DataError, match=r"nato_defence_spending.csv:3: the row has no source"):
        load_defence_spending(path, {})


def test_a_row_of_another_edition_is_refused(tmp_path: Path) -> None:
    path = copy_with(tmp_path, "nato_defence_spending.csv", 4, 'ALB,2016,1.10,false,"NATO, 2025 edition"\n')
    with pytest.raises(DataError, match=r":4: the row cites another edition"):
        load_defence_spending(path, {})


def test_bad_dates_name_file_and_line(tmp_path: Path) -> None:
    members = copy_with(tmp_path, "nato_members.csv", 2, "Belgium,BEL,4 April 1949,founding 1949,,https://x,\n")
    with pytest.raises(DataError, match=r"nato_members.csv:2: '4 April 1949' is not a date"):
        load_members(members)
    events = copy_with(tmp_path, "events.csv", 2, "1945-13-26,UN,Text,un,https://x,,no,cited\n")
    with pytest.raises(DataError, match=r"events.csv:2: '1945-13-26' is not a date"):
        load_events(events)


def test_the_provenance_file_lists_every_shipped_file_with_its_checksum() -> None:
    import hashlib
    import re

    listed = dict(re.findall(r"\| `([\w.]+)` \| `([0-9a-f]{64})` \|", (DATA / "PROVENANCE.md").read_text("utf-8")))
    shipped = {p.name for p in DATA.iterdir() if p.suffix in {".csv", ".geojson"}}
    assert set(listed) == shipped
    for name, digest in listed.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest, f"{name} changed: update PROVENANCE.md"


def _event_names() -> dict[str, list[date]]:
    """Every title and alias of events.csv, normalised, -> the days of the events it names."""
    names: dict[str, list[date]] = {}
    with (DATA / "events.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for name in [row["title"], *row["aliases"].split(";")]:
                if name.strip():
                    names.setdefault(_normal(name), []).append(date.fromisoformat(row["date"]))
    return names


def _normal(text: str) -> str:
    """Case, quotes and spacing do not matter when a question names an event."""
    return " ".join(text.casefold().replace('"', "").replace("'", "").split())


def _timeline_questions() -> list[tuple[Lesson, str, str, int]]:
    """(lesson, question id, event text, year) for every event of every timeline_placement question."""
    found = []
    for lesson in load_lessons([LESSONS]).lessons:
        for question in lesson.questions:
            if isinstance(question.key, TimelineKey):
                found += [(lesson, question.id, item.text, year)
                          for item, year in zip(question.key.events, question.key.years, strict=True)]
    return found


TIMELINE_EVENTS = _timeline_questions()


def test_there_are_timeline_questions_to_check() -> None:
    assert len(TIMELINE_EVENTS) >= 30


@pytest.mark.parametrize(("lesson", "question", "text", "year"), TIMELINE_EVENTS,
                         ids=[f"{q}:{t[:30]}" for _, q, t, _ in TIMELINE_EVENTS])
def test_each_timeline_question_event_is_on_its_lessons_timeline(
        data, lesson: Lesson, question: str, text: str, year: int) -> None:  # type: ignore[no-untyped-def]
    """The event is in events.csv (its title or an alias, in that year) and a timeline of its lesson shows it,
    so a student can read the event, with its source, on a page before placing it."""
    days = [d for d in _event_names().get(_normal(text), []) if d.year == year]
    assert days, f"events.csv has no event titled or aliased {text!r} in {year}"
    events = [e for e in data.events if e.day in days]
    timelines = [d for page in lesson.pages for d in page.directives if d.kind == "timeline"]
    assert any(directive_covers(d, e) for d in timelines for e in events), \
        f"no timeline of {lesson.id} shows {text!r} ({days[0]}): check its tags and from/to years"


def test_the_nato_origins_timeline_holds_the_road_to_the_treaty(data) -> None:  # type: ignore[no-untyped-def]
    titles = {e.title for e in data.events if e.day.year <= 1955}
    assert {"Marshall Plan proposed", "Brussels Treaty signed", "Berlin blockade begins",
            "Dunkirk Treaty signed"} <= titles
