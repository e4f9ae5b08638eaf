"""Spaced review of answered questions: the grading-to-rating rule and the card state, in plain types.

The scheduler itself (FSRS) lives behind services/review_queue.py; nothing here knows it. The
numbers of `ReviewRating` and the names of `CardPhase` are FSRS's and Anki's, so the service maps
them one to one and a gradebook query can read the stored values without a lookup table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum

FAST_ANSWER_MS = 8_000
"""Below this a right answer counts as recalled without effort (see `rating_for`)."""

PARTIAL_PASS = 0.5
"""From this share of the marks up, a partly right answer counts as a hard recall, not a lapse."""

FULL_MARKS = 1.0 - 1e-9  # scores are sums of float fractions; 0.1 * 10 must still be "right"


class ReviewRating(IntEnum):
    """How well the student recalled the answer, in FSRS's four grades (same numbers as FSRS)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class CardPhase(StrEnum):
    """Where a card is in FSRS's cycle: first learning, spaced review, or relearning after a lapse."""

    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"


class ReviewSource(StrEnum):
    """Where the answer was given: the lesson's quiz, or the review queue itself."""

    QUIZ = "quiz"
    REVIEW = "review"


def rating_for(score: float, duration_ms: int) -> ReviewRating:
    """The FSRS rating for an answer that scored `score` (0..1) after `duration_ms` on screen.

    - Below half marks -> AGAIN. A student who got most of a multiple-choice question wrong has
      not recalled the answer; FSRS must treat it as a lapse and bring the question back soon.
    - Half marks or more, but not all -> HARD. They recalled the core of it (FSRS counts HARD as
      a pass, so stability still grows) but with gaps, so the next interval stays short. Half is
      the line because below it guessing explains the score as well as knowing does.
    - Full marks -> GOOD, the normal "recalled it" grade.
    - Full marks in under 8 s -> EASY. Reading a quiz prompt and its options (30-50 words at the
      ~250 words a minute of silent reading) takes 6-8 s, so an answer inside that was recognised
      at sight, not worked out by elimination. A duration of 0 or less means it was not measured
      (e.g. an answer restored after a crash), and an unmeasured answer is never called easy.
    """
    if score < PARTIAL_PASS:
        return ReviewRating.AGAIN
    if score < FULL_MARKS:
        return ReviewRating.HARD
    if 0 < duration_ms < FAST_ANSWER_MS:
        return ReviewRating.EASY
    return ReviewRating.GOOD


@dataclass(frozen=True)
class ReviewCardState:
    """One card's FSRS memory state. Datetimes are timezone-aware UTC.

    `stability` and `difficulty` are None until the card's first FSRS review (e.g. a card created
    for an answer given before the review queue existed); `step` is None in the REVIEW phase.
    """

    state: CardPhase
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None


@dataclass(frozen=True)
class ReviewCard:
    """A question a student has answered, with when it is next due."""

    profile_id: int
    lesson_id: str
    question_id: str
    schedule: ReviewCardState


@dataclass(frozen=True)
class ReviewLogEntry:
    """One review as it was given: the rating, when (aware UTC), how long, and where."""

    rating: ReviewRating
    reviewed_at: datetime
    duration_ms: int
    source: ReviewSource


@dataclass(frozen=True)
class ReviewUpdate:
    """A card's next state and the review that leads to it, ready to be written with the answer."""

    profile_id: int
    lesson_id: str
    question_id: str
    schedule: ReviewCardState
    log: ReviewLogEntry
