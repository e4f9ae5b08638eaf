"""Checking a quiz question's stated facts against the shipped reference data.

A question that states a number or date found in a dataset lists it under `facts:` in
quiz.yaml; `irtutor check` then compares each fact with the data and reports a mismatch at
the fact's line. The kinds of fact:

- `accession`: `country` (ISO3) joined NATO on `value` (YYYY-MM-DD, or a year)
- `members`: NATO had `value` members on `date` (YYYY-MM-DD, or a year meaning its last day)
- `defence_spending`: `country` spent `value` % of GDP in `year` (NATO, 2026 edition)
- `ppp_share`: `entity` (G7, BRICS-5, CHN, ...) had `value` % of world GDP at PPP in `year` (IMF)
- `nominal_gdp`: `entity` had a GDP of `value` trillion US dollars in `year` (World Bank; 2024: the
  California comparison figures)
- `event`: the timeline has an event on `date` (YYYY-MM-DD)
- `days_between`: `value` days pass `from` one date `to` another (both YYYY-MM-DD), as in "nine days
  after the speech" (31 January to 9 February is 9); arithmetic only, the dates need no dataset
- `years_between`: `value` years pass `from` one date or year `to` another; with two full dates, the
  whole years completed (1949-04-04 to 1999-03-12 is 49), else the difference of the years

Values compare at the precision written: 4.1 matches 4.12 to one decimal, 4.12 must match exactly.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from irtutor.content.datasets import ReferenceData
from irtutor.core.datasets import Series, members_on

FACT_KINDS = ("accession", "members", "defence_spending", "ppp_share", "nominal_gdp", "event",
              "days_between", "years_between")


def check_fact(fact: dict[str, Any], data: ReferenceData) -> str | None:
    """None when the fact agrees with the data; else what the data says instead."""
    kind = fact.get("fact")
    try:
        if kind == "accession":
            return _accession(fact, data)
        if kind == "members":
            return _members(fact, data)
        if kind == "defence_spending":
            series = data.defence_spending.get(str(fact["country"]))
            return _series_value(fact, series, f"no NATO spending figures for {fact['country']}")
        if kind == "ppp_share":
            series = data.gdp.get(("gdp_ppp_share_world_pct", str(fact["entity"])))
            return _series_value(fact, series, f"no IMF PPP share for {fact['entity']}")
        if kind == "nominal_gdp":
            return _nominal(fact, data)
        if kind == "event":
            day = _day(fact["date"])
            return None if any(e.day == day for e in data.events) else f"events.csv has no event on {day}"
        if kind in ("days_between", "years_between"):
            return _between(kind, fact)
    except KeyError as exc:
        return f"a {kind} fact needs `{exc.args[0]}`"
    except ValueError as exc:
        return str(exc)
    return f"unknown fact '{kind}'; use one of: {', '.join(FACT_KINDS)}"


def _accession(fact: dict[str, Any], data: ReferenceData) -> str | None:
    member = next((m for m in data.members if m.iso3 == fact["country"]), None)
    if member is None:
        return f"{fact['country']} is not a NATO member in nato_members.csv"
    value = str(fact["value"])
    stated = member.accession.isoformat() if len(value) == 10 else str(member.accession.year)
    return None if stated == value else f"nato_members.csv: {member.name} joined on {member.accession.isoformat()}"


def _members(fact: dict[str, Any], data: ReferenceData) -> str | None:
    text = str(fact["date"])
    day = date(int(text), 12, 31) if len(text) == 4 else _day(text)
    count = len(members_on(data.members, day))
    return None if count == int(fact["value"]) else f"nato_members.csv: {count} members on {day.isoformat()}"


def _nominal(fact: dict[str, Any], data: ReferenceData) -> str | None:
    year = int(fact["year"])
    measure = "gdp_current_usd_2024_comparison" if year == 2024 else "gdp_current_usd"
    series = data.gdp.get((measure, str(fact["entity"])))
    if series is None:
        return f"no nominal GDP for {fact['entity']} ({measure})"
    point = series.value_at(year)
    if point is None:
        return f"no nominal GDP for {fact['entity']} in {year}"
    return _compare(fact["value"], point.y / 1e12, f"{series.label} {year}: {point.y / 1e12:.2f} trillion US dollars")


def _series_value(fact: dict[str, Any], series: Series | None, missing: str) -> str | None:
    if series is None:
        return missing
    point = series.value_at(int(fact["year"]))
    if point is None:
        return f"{series.label} has no figure for {fact['year']}"
    estimate = " (estimate)" if point.estimate else ""
    return _compare(fact["value"], point.y, f"{series.label} {fact['year']}: {point.y:g} {series.unit}{estimate}")


def _compare(stated: object, actual: float, what: str) -> str | None:
    written = Decimal(str(stated))
    # Rounded half up, as people round: 4.25 % written to one decimal is 4.3 (Python's round() gives 4.2).
    rounded = Decimal(repr(actual)).quantize(Decimal(1).scaleb(written.as_tuple().exponent), ROUND_HALF_UP)
    return None if rounded == written else f"the data says {what}"


def _between(kind: str, fact: dict[str, Any]) -> str | None:
    """Date arithmetic a sentence states ("nine days after"), so a miscount is caught like a wrong figure."""
    start, end, stated = str(fact["from"]), str(fact["to"]), int(fact["value"])
    if kind == "days_between":
        count, unit = (_day(end) - _day(start)).days, "days"
    elif len(start) == 10 and len(end) == 10:
        first, last = _day(start), _day(end)
        count, unit = last.year - first.year - ((last.month, last.day) < (first.month, first.day)), "whole years"
    else:
        count, unit = _year(end) - _year(start), "years"
    return None if count == stated else f"{start} to {end} is {count} {unit}, not {stated}"


def _year(text: str) -> int:
    if len(text) == 10:
        return _day(text).year
    if len(text) == 4 and text.isdigit():
        return int(text)
    raise ValueError(f"'{text}' is not a year or a date: write YYYY or YYYY-MM-DD")


def _day(text: object) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise ValueError(f"'{text}' is not a date: write YYYY-MM-DD") from None
