"""Which lesson pages cover a timeline event: by a {timeline} directive's tags and years, or by the page's text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from irtutor.content.datasets import load_reference_data
from irtutor.core.datasets import Event
from irtutor.core.directives import parse_directive
from irtutor.paths import resource_dir
from irtutor.services.event_coverage import pages_covering, significant_words, text_covers

POLAND = Event(date(1999, 3, 12), "Czechia, Hungary and Poland join NATO", "First post-Cold War round.",
               frozenset({"nato", "enlargement"}), "https://www.nato.int/")
CRIMEA = Event(date(2014, 3, 18), "Russia annexes Crimea", "Positions differ.",
               frozenset({"russia", "ukraine", "crimea", "contested"}), "https://example.org/", contested=True)


@dataclass(frozen=True)
class _Page:
    slug: str
    title: str
    markdown: str
    directives: tuple[object, ...] = ()


@dataclass(frozen=True)
class _Lesson:
    id: str
    pages: tuple[_Page, ...] = field(default_factory=tuple)


def timeline(rest: str) -> object:
    directive, problem = parse_directive("timeline", rest)
    assert problem is None
    return directive


def test_a_timeline_directive_covers_the_events_with_its_tags() -> None:
    page = _Page("rounds", "Enlargement rounds", "No years here.", (timeline("tags=enlargement,brics"),))
    lessons = [_Lesson("enlargement", (page,))]
    assert pages_covering(POLAND, lessons) == [("enlargement", "rounds", "Enlargement rounds")]
    assert pages_covering(CRIMEA, lessons) == []


def test_a_timeline_directive_without_tags_covers_every_event_in_its_years() -> None:
    page = _Page("late", "After 2000", "", (timeline("from=2000 to=2025"),))
    assert pages_covering(CRIMEA, [_Lesson("l", (page,))]) == [("l", "late", "After 2000")]
    assert pages_covering(POLAND, [_Lesson("l", (page,))]) == []


def test_other_directives_cover_nothing() -> None:
    chart, _ = parse_directive("map", "enlargement year=1999")
    assert pages_covering(POLAND, [_Lesson("l", (_Page("map", "Map", "", (chart,)),))]) == []


def test_the_text_covers_an_event_when_it_names_the_year_and_the_title() -> None:
    assert text_covers("In 1999 Poland, Hungary and Czechia joined.", POLAND)
    assert not text_covers("Poland, Hungary and Czechia joined later.", POLAND)  # no year
    assert not text_covers("In 1999 the Alliance went to war over Kosovo.", POLAND)  # no title word
    assert text_covers("When Russia annexed Crimea in March 2014 ...", CRIMEA)


def test_significant_words_leave_out_short_and_common_words() -> None:
    assert significant_words("Czechia, Hungary and Poland join NATO") == ["czechia", "hungary", "poland"]


def test_pages_come_in_lesson_and_page_order_without_repeats() -> None:
    both = _Page("p2", "Both", "1999: Poland and Hungary.", (timeline("tags=nato"),))
    lessons = [_Lesson("a", (_Page("p1", "Other", "Nothing."), both)), _Lesson("b", (both,))]
    assert pages_covering(POLAND, lessons) == [("a", "p2", "Both"), ("b", "p2", "Both")]


def test_every_shipped_event_has_significant_title_words() -> None:
    events = load_reference_data(resource_dir() / "data").events
    assert all(significant_words(e.title) for e in events)
