"""Practice aimed at what a student got wrong: which questions a focused attempt asks, and in
what order. What Anki and Moodle users keep asking for: "only the ones I got wrong", "unseen
questions first", and a list of the questions a student finds hardest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

DIFFICULT_BELOW = 0.75
"""A question is difficult for a student whose answers to it average under three quarters of the mark."""
DIFFICULT_AT_MOST = 10


class Focus(StrEnum):
    ALL = "all"
    """Every question, as the quiz lays them out."""
    WRONG = "wrong"
    """Only the questions whose latest answer was not fully right."""
    UNSEEN_FIRST = "unseen_first"
    """Every question, those never answered first."""
    DIFFICULT = "difficult"
    """Only this student's difficult questions, hardest first."""

    @property
    def is_subset(self) -> bool:
        """True when the attempt asks only some of the lesson's questions."""
        return self in (Focus.WRONG, Focus.DIFFICULT)


@dataclass(frozen=True)
class QuestionRecord:
    """One student's history with one question, over all their attempts."""

    question_id: str
    answers: int
    """Answers that counted (the last try of each attempt)."""
    mean_score: float
    latest_correct: bool


def difficult(records: Mapping[str, QuestionRecord], question_ids: Sequence[str]) -> list[QuestionRecord]:
    """The lesson's questions this student finds hardest: lowest average first, more tries breaking ties."""
    known = set(question_ids)
    hard = [r for r in records.values() if r.question_id in known and r.answers and r.mean_score < DIFFICULT_BELOW]
    return sorted(hard, key=lambda r: (r.mean_score, -r.answers, r.question_id))[:DIFFICULT_AT_MOST]


def focused(focus: Focus, question_ids: Sequence[str], records: Mapping[str, QuestionRecord]) -> tuple[str, ...]:
    """The question ids a focused attempt asks, in order (the quiz may still shuffle within that)."""
    if focus is Focus.WRONG:
        return tuple(q for q in question_ids if q in records and not records[q].latest_correct)
    if focus is Focus.UNSEEN_FIRST:
        unseen = [q for q in question_ids if q not in records]
        return (*unseen, *(q for q in question_ids if q in records))
    if focus is Focus.DIFFICULT:
        return tuple(r.question_id for r in difficult(records, question_ids))
    return tuple(question_ids)
