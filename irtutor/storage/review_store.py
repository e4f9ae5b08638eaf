"""The review cards and their log: core objects in and out, one transaction per review."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, Insert, Row, bindparam, func, insert, select

from irtutor.core.review import (
    CardPhase,
    ReviewCard,
    ReviewCardState,
    ReviewLogEntry,
    ReviewRating,
    ReviewSource,
    ReviewUpdate,
)
from irtutor.storage.errors import guarded
from irtutor.storage.review_tables import ReviewCardRow, ReviewLogRow
from irtutor.storage.upsert import replacing

_card = ReviewCardRow.__table__
_log = ReviewLogRow.__table__


def _card_values(schedule: ReviewCardState) -> dict[str, Any]:
    # Times go in and come out aware UTC (storage.utc.UtcDateTime); a naive one is refused.
    return dict(state=schedule.state.value, step=schedule.step, stability=schedule.stability,
                difficulty=schedule.difficulty, due=schedule.due, last_review=schedule.last_review)


def _review_card(row: Row[Any]) -> ReviewCard:
    schedule = ReviewCardState(CardPhase(row.state), row.step, row.stability, row.difficulty, row.due,
                               row.last_review)
    return ReviewCard(row.profile_id, row.lesson_id, row.question_id, schedule)


_CARD_COLUMNS = (_card.c.profile_id, _card.c.lesson_id, _card.c.question_id, _card.c.state, _card.c.step,
                 _card.c.stability, _card.c.difficulty, _card.c.due, _card.c.last_review)
_CARD_KEY = ("profile_id", "lesson_id", "question_id")
# Built once: every practice answer reads and writes its card, and a prebuilt statement skips
# SQLAlchemy's per-call construction and finds its compiled form in the cache at once.
_READ_CARD = select(*_CARD_COLUMNS).where(*(_card.c[name] == bindparam(name) for name in _CARD_KEY))
_LOG_REVIEW = insert(_log)


@dataclass(frozen=True)
class PendingReview:
    """A review still to be planned: the card's key, and how to move the card on from its state.

    The store plans it inside the transaction that writes it (with the answer that causes it), so
    the card read, the FSRS step and the write are one unit of work: one commit, and no other
    writer in between.
    """

    profile_id: int
    lesson_id: str
    question_id: str
    plan: Callable[[ReviewCardState | None], ReviewUpdate]


def apply_review(conn: Connection, review: ReviewUpdate | PendingReview) -> None:
    """Plan the review if it is pending, then write it, inside the caller's transaction."""
    if isinstance(review, PendingReview):
        row = conn.execute(_READ_CARD, _key(review)).first()
        review = review.plan(None if row is None else _review_card(row).schedule)
    write_review(conn, review)


def write_review(conn: Connection, review: ReviewUpdate) -> None:
    """Upsert the card and log the review, inside the caller's transaction (so that an answer
    and the review it causes commit together)."""
    card_id = conn.execute(_upsert_card(conn.dialect.name), _key(review) | _card_values(review.schedule)).scalar_one()
    log = review.log
    conn.execute(_LOG_REVIEW, {"card_id": card_id, "rating": int(log.rating), "reviewed_at": log.reviewed_at,
                               "duration_ms": log.duration_ms, "source": log.source.value})


@cache
def _upsert_card(dialect: str) -> Insert:
    return replacing(dialect, _card, _CARD_KEY).returning(_card.c.id)


def _key(review: ReviewUpdate | PendingReview) -> dict[str, Any]:
    return {"profile_id": review.profile_id, "lesson_id": review.lesson_id, "question_id": review.question_id}


class ReviewStore:
    """Review cards per student. `where` names the database in error messages."""

    def __init__(self, engine: Engine, where: str) -> None:
        self.engine = engine
        self.where = where

    @guarded("save the review")
    def record_review(self, profile_id: int, lesson_id: str, question_id: str,
                      card_state: ReviewCardState, log: ReviewLogEntry) -> None:
        """Store the card's new state and the review that produced it, in one commit."""
        with self.engine.begin() as conn:
            write_review(conn, ReviewUpdate(profile_id, lesson_id, question_id, card_state, log))

    @guarded("read the review queue")
    def due_cards(self, profile_id: int, now: datetime) -> list[ReviewCard]:
        """The student's cards due at `now`, most overdue first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(*_CARD_COLUMNS).where(_card.c.profile_id == profile_id, _card.c.due <= now)
                .order_by(_card.c.due, _card.c.id)
            )
            return [_review_card(row) for row in rows]

    @guarded("count the questions due for review")
    def due_count(self, profile_id: int, now: datetime) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(
                select(func.count()).select_from(_card)
                .where(_card.c.profile_id == profile_id, _card.c.due <= now)
            ).scalar_one())

    @guarded("read when the next review is due")
    def next_due(self, profile_id: int, now: datetime) -> datetime | None:
        """When the student's first card after `now` falls due; None if there is none."""
        with self.engine.connect() as conn:
            return conn.execute(
                select(func.min(_card.c.due)).where(_card.c.profile_id == profile_id, _card.c.due > now)
            ).scalar_one()

    @guarded("read a review card")
    def card(self, profile_id: int, lesson_id: str, question_id: str) -> ReviewCard | None:
        with self.engine.connect() as conn:
            row = conn.execute(_READ_CARD, {"profile_id": profile_id, "lesson_id": lesson_id,
                                            "question_id": question_id}).first()
            return None if row is None else _review_card(row)

    @guarded("read the review history")
    def history(self, profile_id: int, lesson_id: str, question_id: str) -> list[ReviewLogEntry]:
        """Every review of one card, oldest first (FSRS can reschedule a card from these)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(_log.c.rating, _log.c.reviewed_at, _log.c.duration_ms, _log.c.source)
                .join_from(_log, _card, _log.c.card_id == _card.c.id)
                .where(_card.c.profile_id == profile_id, _card.c.lesson_id == lesson_id,
                       _card.c.question_id == question_id)
                .order_by(_log.c.reviewed_at, _log.c.id)
            )
            return [ReviewLogEntry(ReviewRating(r.rating), r.reviewed_at, r.duration_ms,
                                   ReviewSource(r.source)) for r in rows]
