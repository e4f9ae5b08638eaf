"""What the grader says of each part of an answer, so that widgets show it and never re-grade.

A part is whatever a kind is made of: an option, a matching pair, an ordered item, a cloze gap,
a country on the map, an event on the timeline, or the one typed answer of a numeric or short
text question. Each gets a verdict, the share of its mark it earned, and its own feedback.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    RIGHT = "right"
    """Given, and right."""
    WRONG = "wrong"
    """Given, and wrong."""
    MISSED = "missed"
    """Right, but not given: an unticked right option, an unmatched left, an empty gap."""
    PARTLY = "partly_right"
    """Given, earning part of its mark (a short-text variant worth half, say)."""


@dataclass(frozen=True)
class PartVerdict:
    part: str
    """The part's id as a Response names it: option, left item, item, gap, ISO3 code, event; "answer"
    for kinds answered in one piece."""
    verdict: Verdict
    credit: float = 0.0
    """The share of this part's mark earned, in [0, 1]."""
    feedback: str = ""
    """This part's own words: the option's feedback, or what the right answer for this part is."""
    right: str = ""
    """What is right for this part, in words (the right year, gap text, match); "" where obvious."""


ANSWER = "answer"
"""The part id of kinds answered in one piece (numeric, short text)."""


def by_credit(part: str, credit: float, *, given: bool, feedback: str = "", right: str = "") -> PartVerdict:
    """The verdict a credit earns: all of it right, some partly, none wrong (or missed when nothing was given)."""
    if not given:
        verdict = Verdict.MISSED
    elif credit >= 1.0:
        verdict = Verdict.RIGHT
    elif credit > 0.0:
        verdict = Verdict.PARTLY
    else:
        verdict = Verdict.WRONG
    return PartVerdict(part, verdict, credit, feedback, right)
