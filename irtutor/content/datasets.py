"""The shipped reference data (resources/data) -> sourced series, members, events and shapes.

Each file has one loader. A row without a source, a value that is not a number or a date that
is not a date is a `DataError` naming file:line, never a silently skipped row. Editions are
kept apart: each measure has one Provenance, and rows that cite another edition are refused.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from irtutor.core.datasets import CountryShape, Event, Member, Point, Provenance, Series
from irtutor.core.problems import Problem

NATO_SPENDING = Provenance(
    citation="NATO, Defence Expenditure of NATO Countries (2014-2026), Table 3: core defence expenditure "
             "as a share of real GDP",
    edition="2026 edition", as_of="July 2026 (2025 and 2026 are NATO estimates)",
    url="https://www.nato.int/en/what-we-do/introduction-to-nato/defence-expenditures-and-natos-5-commitment",
    licence="NATO content, reused with credit to NATO",
)
IMF_PPP_SHARE = Provenance(
    citation="IMF, World Economic Outlook, GDP based on PPP, share of world (PPPSH); BRICS-5 is our sum "
             "of Brazil, Russia, India, China and South Africa",
    edition="April 2026 WEO", as_of="April 2026 (2025 is an IMF estimate)",
    url="https://www.imf.org/external/datamapper/PPPSH@WEO", licence="IMF terms of use, with attribution",
)
WORLD_BANK_GDP = Provenance(
    citation="World Bank, World Development Indicators, GDP (current US$), NY.GDP.MKTP.CD",
    edition="as retrieved in May 2026", as_of="2023, the latest year retrieved",
    url="https://data.worldbank.org/indicator/NY.GDP.MKTP.CD", licence="CC BY 4.0",
)
CALIFORNIA_2024 = Provenance(
    citation="California Governor's Office statement of 23 April 2025 (BEA preliminary state GDP; IMF WEO "
             "April 2025 for the countries), as reported by Kazinform",
    edition="rounded headline figures", as_of="2024",
    url="https://qazinform.com/news/california-becomes-worlds-4th-largest-economy-surpassing-japan-cb4142",
)
NATO_MEMBERS = Provenance(
    citation="NATO, member countries and accession news releases", edition="32 members",
    as_of="7 March 2024 (Sweden's accession)", url="https://www.nato.int/cps/en/natohq/nato_countries.htm",
    licence="NATO content, reused with credit to NATO",
)
NATURAL_EARTH = Provenance(
    citation="Made with Natural Earth: Admin 0 countries, 1:110m", edition="version 5.1",
    as_of="de facto borders as drawn by Natural Earth 5.1", url="https://www.naturalearthdata.com/",
    licence="public domain",
)

GDP_MEASURES = {
    "gdp_ppp_share_world_pct": (IMF_PPP_SHARE, "% of world GDP (PPP)"),
    "gdp_current_usd": (WORLD_BANK_GDP, "current US dollars"),
    "gdp_current_usd_2024_comparison": (CALIFORNIA_2024, "current US dollars"),
}
GDP_LABELS = {"G7": "G7", "BRICS-5": "BRICS-5", "BRA": "Brazil", "RUS": "Russia", "IND": "India", "CHN": "China",
              "ZAF": "South Africa", "USA": "United States", "DEU": "Germany", "JPN": "Japan",
              "US-CA California": "California (US state)"}


class DataError(ValueError):
    """A problem in a shipped data file, with where it is."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass(frozen=True)
class ReferenceData:
    members: tuple[Member, ...]
    defence_spending: dict[str, Series]
    """iso3 -> core defence spending, % of GDP, by year."""
    gdp: dict[tuple[str, str], Series]
    """(measure, entity) -> series, e.g. ("gdp_ppp_share_world_pct", "G7")."""
    events: tuple[Event, ...]
    countries: tuple[CountryShape, ...]

    def member_name(self, iso3: str) -> str:
        return next((m.name for m in self.members if m.iso3 == iso3), iso3)


@cache
def load_reference_data(folder: Path) -> ReferenceData:
    """Every shipped dataset in `folder`, loaded once per process.

    A missing or unreadable file is a DataError naming it, so that a damaged install is
    reported where the data is needed instead of stopping the lessons from loading.
    """
    try:
        return _load_reference_data(folder)
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else folder
        raise DataError(where, 1, f"cannot be read ({exc.strerror or exc}); reinstall IR Tutor "
                                  "to bring back its data files") from None
    except json.JSONDecodeError as exc:
        raise DataError(folder / "world_110m.geojson", exc.lineno, f"is not valid JSON ({exc.msg})") from None


def reference_data_problem(folder: Path) -> Problem | None:
    """What is wrong with the shipped data, as one positioned problem; None when it loads."""
    try:
        load_reference_data(folder)
    except DataError as exc:
        return Problem(str(exc.path), exc.line, 1, f"{exc.message} (charts, maps and fact checks that "
                                                   "need this file are unavailable)")
    return None


def _load_reference_data(folder: Path) -> ReferenceData:
    members = load_members(folder / "nato_members.csv")
    names = {m.iso3: m.name for m in members}
    return ReferenceData(
        members=members,
        defence_spending=load_defence_spending(folder / "nato_defence_spending.csv", names),
        gdp=load_gdp(folder / "g7_brics_gdp.csv"),
        events=load_events(folder / "events.csv"),
        countries=load_countries(folder / "world_110m.geojson"),
    )


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; the header is line 1."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = []
        for row in reader:
            rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
        return rows


def _date(path: Path, line: int, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DataError(path, line, f"'{text}' is not a date: write YYYY-MM-DD") from None


def _number(path: Path, line: int, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise DataError(path, line, f"'{text}' is not a number") from None


def _needs(path: Path, line: int, row: dict[str, str], *columns: str) -> None:
    for column in columns:
        if not row.get(column):
            raise DataError(path, line, f"the row has no {column}: every row needs one")


def load_members(path: Path) -> tuple[Member, ...]:
    members = []
    for line, row in _rows(path):
        _needs(path, line, row, "name", "iso3", "accession_date", "enlargement_round", "source_url")
        members.append(Member(row["name"], row["iso3"], _date(path, line, row["accession_date"]),
                              row["enlargement_round"], row.get("notes", ""),
                              tuple(u for u in (row["source_url"], row.get("source_url_2", "")) if u)))
    return tuple(sorted(members, key=lambda m: (m.accession, m.name)))


def load_defence_spending(path: Path, names: dict[str, str]) -> dict[str, Series]:
    points: dict[str, list[Point]] = defaultdict(list)
    for line, row in _rows(path):
        _needs(path, line, row, "iso3", "year", "pct_gdp", "estimate_flag", "source")
        if "2026 edition" not in row["source"]:
            raise DataError(path, line, "the row cites another edition; this table holds NATO's 2026 edition only")
        estimate = row["estimate_flag"].lower() == "true"
        points[row["iso3"]].append(Point(_number(path, line, row["year"]), _number(path, line, row["pct_gdp"]),
                                         estimate, "NATO estimate" if estimate else ""))
    return {iso3: Series(iso3, names.get(iso3, iso3), "% of GDP", tuple(sorted(p, key=lambda p: p.x)),
                         NATO_SPENDING) for iso3, p in points.items()}


def load_gdp(path: Path) -> dict[tuple[str, str], Series]:
    points: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for line, row in _rows(path):
        _needs(path, line, row, "year", "entity", "measure", "value", "unit", "source")
        if row["measure"] not in GDP_MEASURES:
            raise DataError(path, line, f"unknown measure '{row['measure']}'; known: {', '.join(GDP_MEASURES)}")
        note = row.get("note", "")
        points[(row["measure"], row["entity"])].append(Point(
            _number(path, line, row["year"]), _number(path, line, row["value"]),
            estimate="estimate" in note.lower(), note=note))
    series = {}
    for (measure, entity), found in points.items():
        provenance, unit = GDP_MEASURES[measure]
        series[(measure, entity)] = Series(entity, GDP_LABELS.get(entity, entity), unit,
                                           tuple(sorted(found, key=lambda p: p.x)), provenance)
    return series


def load_events(path: Path) -> tuple[Event, ...]:
    events = []
    for line, row in _rows(path):
        _needs(path, line, row, "date", "title", "description", "tags", "source_url")
        events.append(Event(_date(path, line, row["date"]), row["title"], row["description"],
                            frozenset(t.strip() for t in row["tags"].split(";") if t.strip()),
                            row["source_url"], row.get("alt_source_url", ""),
                            row.get("contested", "").lower() == "yes", row.get("source_check", "")))
    return tuple(sorted(events, key=lambda e: e.day))


def load_countries(path: Path) -> tuple[CountryShape, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    shapes = []
    for index, feature in enumerate(data.get("features", [])):
        props, geometry = feature.get("properties") or {}, feature.get("geometry") or {}
        kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
        if kind == "Polygon":
            coordinates = [coordinates]
        elif kind != "MultiPolygon":
            raise DataError(path, 1, f"feature {index} ({props.get('name', '?')}) is a {kind}, not a polygon")
        polygons = tuple(tuple(tuple((float(x), float(y)) for x, y, *_ in ring) for ring in polygon)
                         for polygon in coordinates)
        shapes.append(CountryShape(str(props.get("iso_a3", "")), str(props.get("name", "")),
                                   str(props.get("continent", "")), polygons))
    return tuple(shapes)
