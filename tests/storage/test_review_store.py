"""ReviewStore: one commit per review, core objects out, the same error messages as the Store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import event, text

from irtutor.core.errors import SaveFailed
from irtutor.core.review import CardPhase, ReviewCardState, ReviewLogEntry, ReviewRating, ReviewSource
from irtutor.storage.database import open_store
from irtutor.storage.review_store import ReviewStore

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def schedule(due: datetime, state: CardPhase = CardPhase.LEARNING) -> ReviewCardState:
    return ReviewCardState(state, 0 if state is CardPhase.LEARNING else None, 2.3, 5.1, due, NOW)


def entry(rating: ReviewRating = ReviewRating.GOOD, duration_ms: int = 9_000) -> ReviewLogEntry:
    return ReviewLogEntry(rating, NOW, duration_ms, ReviewSource.QUIZ)


@pytest.fixture
def opened(tmp_path: Path) -> tuple[ReviewStore, int, int]:
    store = open_store(tmp_path / "irtutor.sqlite3")
    return ReviewStore(store.engine, store.where), store.add_profile("Ana").id, store.add_profile("Ben").id


def test_a_review_updates_one_card_and_adds_to_its_log(opened: tuple[ReviewStore, int, int]) -> None:
    reviews, ana, _ = opened
    reviews.record_review(ana, "nato", "q1", schedule(NOW + timedelta(minutes=10)), entry(ReviewRating.AGAIN))
    later = schedule(NOW + timedelta(days=3), CardPhase.REVIEW)
    reviews.record_review(ana, "nato", "q1", later, entry(ReviewRating.GOOD))
    card = reviews.card(ana, "nato", "q1")
    assert card is not None and card.schedule == later
    assert [e.rating for e in reviews.history(ana, "nato", "q1")] == [ReviewRating.AGAIN, ReviewRating.GOOD]
    with reviews.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM review_card")).scalar() == 1


def test_card_and_log_commit_together_or_not_at_all(opened: tuple[ReviewStore, int, int]) -> None:
    reviews, ana, _ = opened
    broken_log = entry(duration_ms=None)  # type: ignore[arg-type]  # NOT NULL: the log insert fails
    with pytest.raises(SaveFailed, match="Could not save the review in"):
        reviews.record_review(ana, "nato", "q1", schedule(NOW), broken_log)
    assert reviews.card(ana, "nato", "q1") is None


def test_due_cards_are_this_students_due_ones_most_overdue_first(opened: tuple[ReviewStore, int, int]) -> None:
    reviews, ana, ben = opened
    for question, hours in [("late", -1), ("later", -5), ("exactly-now", 0), ("tomorrow", 24)]:
        reviews.record_review(ana, "nato", question, schedule(NOW + timedelta(hours=hours)), entry())
    reviews.record_review(ben, "nato", "later", schedule(NOW - timedelta(hours=9)), entry())
    assert [c.question_id for c in reviews.due_cards(ana, NOW)] == ["later", "late", "exactly-now"]
    assert reviews.due_count(ana, NOW) == 3
    assert reviews.due_count(ben, NOW) == 1
    assert reviews.due_cards(ana, NOW)[0].schedule.due.tzinfo is UTC


def test_times_in_another_zone_are_stored_as_the_same_instant(opened: tuple[ReviewStore, int, int]) -> None:
    reviews, ana, _ = opened
    moscow = timezone(timedelta(hours=3))
    reviews.record_review(ana, "russia", "q1", schedule(datetime(2026, 11, 24, 12, 0, tzinfo=moscow)), entry())
    card = reviews.card(ana, "russia", "q1")
    assert card is not None and card.schedule.due == NOW and card.schedule.due.tzinfo is UTC


def test_deleting_a_profile_deletes_its_cards_and_log(opened: tuple[ReviewStore, int, int]) -> None:
    reviews, ana, ben = opened
    reviews.record_review(ana, "nato", "q1", schedule(NOW), entry())
    reviews.record_review(ben, "nato", "q1", schedule(NOW), entry())
    with reviews.engine.begin() as conn:
        conn.execute(text("DELETE FROM profile WHERE id = :id"), {"id": ana})
    with reviews.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM review_card")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM review_log")).scalar() == 1
    assert reviews.card(ben, "nato", "q1") is not None


def test_a_read_only_database_says_so(opened: tuple[ReviewStore, int, int]) -> None:
    reviews, ana, _ = opened

    def read_only(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA query_only=ON")

    event.listen(reviews.engine, "connect", read_only)
    reviews.engine.dispose()
    with pytest.raises(SaveFailed, match=r"Could not save the review in .*read-only"):
        reviews.record_review(ana, "nato", "q1", schedule(NOW), entry())
