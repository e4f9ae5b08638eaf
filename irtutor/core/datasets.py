"""Sourced reference data in plain types: every series, member, event and shape says where it is from.

A chart, the map and the timeline are built only from these types, and a `Series` cannot be
made without a `Provenance`: that is how "every figure shown carries its source" is enforced
in code rather than by review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Provenance:
    """Where figures come from: the citation, the edition or vintage, and when the data stood."""

    citation: str
    """Who published it and what, e.g. "NATO, Defence Expenditure of NATO Countries (2014-2026)"."""
    edition: str
    """The edition or vintage, e.g. "2026 edition (July 2026)"; figures of two editions never mix."""
    as_of: str
    """When the figures stood, as shown in a caption, e.g. "July 2026"."""
    url: str = ""
    licence: str = ""

    def __post_init__(self) -> None:
        if not self.citation.strip() or not self.edition.strip() or not self.as_of.strip():
            raise ValueError("a provenance needs a citation, an edition and an 'as of' date")

    def caption(self) -> str:
        """One line for under a chart: "Source: <citation>, <edition>; as of <as_of>"."""
        return f"Source: {self.citation}, {self.edition}; as of {self.as_of}."


@dataclass(frozen=True)
class Point:
    x: float
    """A year, or for dated series the year as a fraction (1949.26 for 4 April 1949)."""
    y: float
    estimate: bool = False
    note: str = ""


@dataclass(frozen=True)
class Series:
    """One line or set of bars: `points` in x order, their unit and their provenance."""

    key: str
    """What it measures, e.g. "POL" or "G7"."""
    label: str
    unit: str
    points: tuple[Point, ...]
    provenance: Provenance

    def __post_init__(self) -> None:
        if not isinstance(self.provenance, Provenance):
            raise TypeError(f"series {self.key!r} has no provenance: a chart cannot show unsourced figures")
        if not self.unit.strip():
            raise ValueError(f"series {self.key!r} has no unit")

    def value_at(self, x: float) -> Point | None:
        return next((p for p in self.points if p.x == x), None)

    @property
    def has_estimates(self) -> bool:
        return any(p.estimate for p in self.points)


@dataclass(frozen=True)
class Member:
    """A NATO member and the day it joined (deposited its instrument of accession)."""

    name: str
    iso3: str
    accession: date
    round: str
    """The enlargement round as NATO names it: "founding 1949", "1952", ... "2024"."""
    notes: str = ""
    sources: tuple[str, ...] = ()

    @property
    def round_year(self) -> int:
        return self.accession.year


@dataclass(frozen=True)
class Event:
    """A dated event of the timeline; `contested` events name the positions in `description`."""

    day: date
    title: str
    description: str
    tags: frozenset[str]
    source_url: str
    alt_source_url: str = ""
    contested: bool = False
    source_check: str = ""
    """How the source was verified: "seen", "cited" or "known" (see resources/data/PROVENANCE.md)."""


Ring = tuple[tuple[float, float], ...]
"""A closed outline as (longitude, latitude) pairs."""


@dataclass(frozen=True)
class CountryShape:
    """A country's outline: polygons, each an outer ring followed by its holes."""

    iso3: str
    name: str
    continent: str
    polygons: tuple[tuple[Ring, ...], ...] = field(repr=False)


def members_on(members: tuple[Member, ...] | list[Member], day: date) -> list[Member]:
    """The members on `day`: those that had joined by then."""
    return [m for m in members if m.accession <= day]


def membership_steps(members: tuple[Member, ...] | list[Member]) -> list[tuple[date, int, str]]:
    """Each accession day with the member count after it and the round's name, oldest first."""
    days = sorted({m.accession for m in members})
    steps = []
    for day in days:
        joined = [m for m in members if m.accession == day]
        steps.append((day, len(members_on(members, day)), joined[0].round))
    return steps


def year_fraction(day: date) -> float:
    """`day` as a fractional year, for time axes: 1949-04-04 -> about 1949.26."""
    start = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length
