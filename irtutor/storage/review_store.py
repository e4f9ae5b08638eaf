"""The review cards and their log: core objects in and out, one transaction per review."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, func, insert, select, update

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

_card = ReviewCardRow.__table__
_log = ReviewLogRow.__table__


def _to_db(moment: datetime) -> datetime:
    """Naive UTC, as every table stores it; refuses a naive input rather than guess its zone."""
    if moment.tzinfo is None:
        raise ValueError("review times must be timezone-aware")
    return moment.astimezone(UTC).replace(tzinfo=None)


def _from_db(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=UTC)


def _card_values(schedule: ReviewCardState) -> dict[str, Any]:
    last = schedule.last_review
    return dict(state=schedule.state.value, step=schedule.step, stability=schedule.stability,
                difficulty=schedule.difficulty, due=_to_db(schedule.due),
                last_review=None if last is None else _to_db(last))


def _review_card(row: Row[Any]) -> ReviewCard:
    schedule = ReviewCardState(CardPhase(row.state), row.step, row.stability, row.difficulty,
                               row.due.replace(tzinfo=UTC), _from_db(row.last_review))
    return ReviewCard(row.profile_id, row.lesson_id, row.question_id, schedule)


_CARD_COLUMNS = (_card.c.profile_id, _card.c.lesson_id, _card.c.question_id, _card.c.state, _card.c.step,
                 _card.c.stability, _card.c.difficulty, _card.c.due, _card.c.last_review)


def write_review(conn: Connection, review: ReviewUpdate) -> None:
    """Upsert the card and log the review, inside the caller's transaction (so that an answer
    and the review it causes commit together)."""
    card_id = ReviewStore._upsert_card(conn, review.profile_id, review.lesson_id, review.question_id,
                                       _card_values(review.schedule))
    log = review.log
    conn.execute(insert(_log).values(card_id=card_id, rating=int(log.rating), reviewed_at=_to_db(log.reviewed_at),
                                     duration_ms=log.duration_ms, source=log.source.value))


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

    @staticmethod
    def _upsert_card(conn: Connection, profile_id: int, lesson_id: str, question_id: str,
                     values: dict[str, Any]) -> int:
        # Select-then-write rather than a dialect's ON CONFLICT: the same code on SQLite and
        # PostgreSQL, and the unique key still refuses a duplicate if two copies ever race.
        key = (_card.c.profile_id == profile_id, _card.c.lesson_id == lesson_id,
               _card.c.question_id == question_id)
        card_id = conn.execute(select(_card.c.id).where(*key)).scalar()
        if card_id is not None:
            conn.execute(update(_card).where(_card.c.id == card_id).values(**values))
            return int(card_id)
        new = insert(_card).values(profile_id=profile_id, lesson_id=lesson_id, question_id=question_id, **values)
        return int(conn.execute(new).inserted_primary_key[0])

    @guarded("read the review queue")
    def due_cards(self, profile_id: int, now: datetime) -> list[ReviewCard]:
        """The student's cards due at `now`, most overdue first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(*_CARD_COLUMNS).where(_card.c.profile_id == profile_id, _card.c.due <= _to_db(now))
                .order_by(_card.c.due, _card.c.id)
            )
            return [_review_card(row) for row in rows]

    @guarded("count the questions due for review")
    def due_count(self, profile_id: int, now: datetime) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(
                select(func.count()).select_from(_card)
                .where(_card.c.profile_id == profile_id, _card.c.due <= _to_db(now))
            ).scalar_one())

    @guarded("read a review card")
    def card(self, profile_id: int, lesson_id: str, question_id: str) -> ReviewCard | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(*_CARD_COLUMNS).where(
                _card.c.profile_id == profile_id, _card.c.lesson_id == lesson_id, _card.c.question_id == question_id,
            )).first()
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
            return [ReviewLogEntry(ReviewRating(r.rating), r.reviewed_at.replace(tzinfo=UTC), r.duration_ms,
                                   ReviewSource(r.source)) for r in rows]
