"""The review queue: every answered question becomes an FSRS card that comes back when it is due.

FSRS (the `fsrs` package, the scheduler Anki uses) does all the scheduling; this module only
turns a graded answer into an FSRS rating (core.review.rating_for), converts between core's
plain card state and `fsrs.Card`, and hands the result to the store in one commit. The time is
always a parameter, so tests decide what "now" is; only the public defaults read the clock.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from fsrs import Card, Rating, Scheduler, State

from irtutor.core.review import CardPhase, ReviewCardState, ReviewLogEntry, ReviewSource, ReviewUpdate, rating_for
from irtutor.storage.review_store import PendingReview

if TYPE_CHECKING:
    from irtutor.storage.review_store import ReviewStore

_PHASES = {State.Learning: CardPhase.LEARNING, State.Review: CardPhase.REVIEW,
           State.Relearning: CardPhase.RELEARNING}
_STATES = {phase: state for state, phase in _PHASES.items()}


def default_scheduler(fuzzing: bool = True) -> Scheduler:
    """FSRS with its default weights and 90 % retention, but one 10-minute learning step.

    FSRS's default steps (1 and 10 minutes) suit flashcards drilled in one sitting. A quiz answer
    is already a considered first attempt: a right one should go straight to spaced review (a
    couple of days for GOOD) rather than be asked again within a minute, and a wrong one should
    come back once later in the same lesson, not immediately after its feedback.

    Fuzzing spreads review intervals by a random few percent so that cards learnt together do
    not all fall due on the same day; tests turn it off to know each due date exactly.
    """
    return Scheduler(learning_steps=(timedelta(minutes=10),), enable_fuzzing=fuzzing)


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_fsrs(schedule: ReviewCardState) -> Card:
    # Cards are keyed by (profile, lesson, question) in the store; FSRS's own id is unused, and
    # passing one skips the 1 ms sleep Card() takes to make a fresh id unique.
    return Card(card_id=0, state=_STATES[schedule.state], step=schedule.step, stability=schedule.stability,
                difficulty=schedule.difficulty, due=schedule.due, last_review=schedule.last_review)


def from_fsrs(card: Card) -> ReviewCardState:
    return ReviewCardState(_PHASES[State(card.state)], card.step, card.stability, card.difficulty, card.due,
                           card.last_review)


def _checked(now: datetime | None) -> datetime:
    if now is None:
        return utc_now()
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware (UTC); a naive time would shift every schedule")
    return now.astimezone(UTC)


class ReviewQueue:
    """Records answers as FSRS reviews and lists what a student should review next."""

    def __init__(self, review_store: ReviewStore, scheduler: Scheduler | None = None) -> None:
        self.store = review_store
        self.scheduler = scheduler or default_scheduler()

    def record(self, profile_id: int, lesson_id: str, question_id: str, outcome_score: float, duration_ms: int,
               now: datetime | None = None, source: ReviewSource = ReviewSource.QUIZ) -> datetime:
        """Review the question's card with the rating its answer earned; returns when it is next due."""
        update = self.plan(profile_id, lesson_id, question_id, outcome_score, duration_ms, now, source)
        self.store.record_review(profile_id, lesson_id, question_id, update.schedule, update.log)
        return update.schedule.due

    def plan(self, profile_id: int, lesson_id: str, question_id: str, outcome_score: float, duration_ms: int,
             now: datetime | None = None, source: ReviewSource = ReviewSource.QUIZ) -> ReviewUpdate:
        """The card's next state for this answer, not yet written: the caller commits it with the answer."""
        pending = self.pending(profile_id, lesson_id, question_id, outcome_score, duration_ms, now, source)
        stored = self.store.card(profile_id, lesson_id, question_id)
        return pending.plan(stored.schedule if stored else None)

    def pending(self, profile_id: int, lesson_id: str, question_id: str, outcome_score: float, duration_ms: int,
                now: datetime | None = None, source: ReviewSource = ReviewSource.QUIZ) -> PendingReview:
        """This answer's review, for the store to plan from the card inside the answer's own transaction."""
        step = partial(self._reviewed, profile_id, lesson_id, question_id, outcome_score, max(0, duration_ms),
                       _checked(now), ReviewSource(source))
        return PendingReview(profile_id, lesson_id, question_id, step)

    def _reviewed(self, profile_id: int, lesson_id: str, question_id: str, outcome_score: float, duration_ms: int,
                  now: datetime, source: ReviewSource, current: ReviewCardState | None) -> ReviewUpdate:
        card = to_fsrs(current) if current else Card(card_id=0, due=now)
        rating = rating_for(outcome_score, duration_ms)
        card, _log = self.scheduler.review_card(card, Rating(int(rating)), now, duration_ms)
        return ReviewUpdate(profile_id, lesson_id, question_id, from_fsrs(card),
                            ReviewLogEntry(rating, now, duration_ms, source))

    def due(self, profile_id: int, now: datetime | None = None) -> list[tuple[str, str]]:
        """(lesson_id, question_id) of every card due at `now`, most overdue first."""
        return [(c.lesson_id, c.question_id) for c in self.store.due_cards(profile_id, _checked(now))]

    def due_count(self, profile_id: int, now: datetime | None = None) -> int:
        return self.store.due_count(profile_id, _checked(now))

    def next_due(self, profile_id: int, now: datetime | None = None) -> datetime | None:
        """When the next card not yet due falls due, for "Nothing is due" to say."""
        return self.store.next_due(profile_id, _checked(now))
