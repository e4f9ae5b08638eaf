"""Who was a member in a given year, by round, and how to say it: the map's model, without Qt."""

from __future__ import annotations

from dataclasses import dataclass

from irtutor.core.datasets import Member


@dataclass(frozen=True)
class RoundCount:
    round: str
    year: int
    members: int
    """How many joined in this round (0 before the round)."""
    joined: bool


def rounds_in_order(members: tuple[Member, ...]) -> list[str]:
    """The rounds, oldest first."""
    return list(dict.fromkeys(m.round for m in sorted(members, key=lambda m: m.accession)))


def round_counts(members: tuple[Member, ...], year: int) -> list[RoundCount]:
    """Every round with its member count, marked as joined or still to come in `year`."""
    counts = []
    for name in rounds_in_order(members):
        joining = [m for m in members if m.round == name]
        first = min(m.accession.year for m in joining)
        counts.append(RoundCount(name, first, len(joining), first <= year))
    return counts


def long_date(member: Member) -> str:
    return f"{member.accession.day} {member.accession:%B %Y}"


def describe(name: str, member: Member | None, year: int | None = None) -> str:
    """One line about a country for the hover text and the details line."""
    if member is None:
        return f"{name}: not a NATO member"
    joined = f"joined NATO on {long_date(member)} ({member.round} round)"
    if year is not None and member.accession.year > year:
        return f"{name}: not yet a member in {year}; {joined}"
    return f"{name}: {joined}"
