"""Times are stored as aware UTC, one way for every table; older files are migrated to it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from irtutor.core.errors import SaveFailed
from irtutor.core.review import CardPhase, ReviewCardState, ReviewLogEntry, ReviewRating, ReviewSource
from irtutor.storage.database import open_store
from irtutor.storage.engine import open_engine, sqlite_url
from irtutor.storage.migrate import upgrade_to
from irtutor.storage.review_store import ReviewStore
from irtutor.storage.stats import Statistics

STARTED = datetime(2026, 1, 15, 19, 40, tzinfo=UTC)
FINISHED = datetime(2026, 1, 15, 20, 0, tzinfo=UTC)


def database_at_0003(path: Path) -> None:
    """A profile, a finished attempt with an answer, and a review card, written as 0003's code wrote them:
    naive UTC text (one answer time without microseconds, as a hand-made file might have)."""
    engine = open_engine(sqlite_url(path))
    upgrade_to(engine, "0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO profile (id, name, created_at) VALUES (1, 'Ana', '2026-01-01 08:00:00.000000')"))
        conn.execute(text("INSERT INTO attempt (id, profile_id, lesson_id, mode, position, started_at, finished_at, "
                          "score) VALUES (1, 1, 'berlin', 'practice', 0, '2026-01-15 19:40:00.000000', "
                          "'2026-01-15 20:00:00.000000', 1.0)"))
        conn.execute(text("INSERT INTO answer (attempt_id, question_id, question_hash, response, correct, score, "
                          "duration_ms, answered_at) VALUES (1, 'q1', 'h', '{\"selected\": [\"a\"]}', 1, 1.0, 900, "
                          "'2026-01-15 19:50:00')"))
        conn.execute(text("INSERT INTO review_card (profile_id, lesson_id, question_id, state, step, due, last_review) "
                          "VALUES (1, 'berlin', 'q1', 'learning', 0, '2026-01-15 20:10:00.000000', "
                          "'2026-01-15 19:50:00.000000')"))
        conn.execute(text("INSERT INTO review_log (card_id, rating, reviewed_at, duration_ms, source) "
                          "VALUES (1, 3, '2026-01-15 19:50:00.000000', 900, 'quiz')"))
    engine.dispose()


def test_an_older_database_reads_back_the_same_instants_in_utc(tmp_path: Path) -> None:
    path = tmp_path / "irtutor.sqlite3"
    database_at_0003(path)

    store = open_store(path)

    attempt = store.finished_attempts(1, "berlin")[0]
    assert (attempt.started_at, attempt.finished_at) == (STARTED, FINISHED)
    assert attempt.finished_at.utcoffset() == timedelta(0)
    assert Statistics(store.engine, store.where).finished_attempts(1)[0].finished_at == FINISHED
    reviews = ReviewStore(store.engine, store.where)
    card = reviews.card(1, "berlin", "q1")
    assert card is not None and card.schedule.due == datetime(2026, 1, 15, 20, 10, tzinfo=UTC)
    assert [e.reviewed_at for e in reviews.history(1, "berlin", "q1")] == [datetime(2026, 1, 15, 19, 50, tzinfo=UTC)]
    # "Due now" compares the stored text: a migrated card is due exactly from its due time on.
    assert reviews.due_count(1, datetime(2026, 1, 15, 20, 9, 59, tzinfo=UTC)) == 0
    assert reviews.due_count(1, datetime(2026, 1, 15, 20, 10, tzinfo=UTC)) == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT answered_at FROM answer").fetchone() == ("2026-01-15 19:50:00.000000+00:00",)


def test_a_time_given_in_another_zone_is_stored_as_the_same_instant(tmp_path: Path) -> None:
    store = open_store(tmp_path / "irtutor.sqlite3")
    profile = store.add_profile("Ana")
    reviews = ReviewStore(store.engine, store.where)
    kolkata = timezone(timedelta(hours=5, minutes=30))
    local = datetime(2026, 1, 16, 1, 30, tzinfo=kolkata)
    reviews.record_review(profile.id, "berlin", "q1", ReviewCardState(CardPhase.LEARNING, 0, None, None, local, local),
                          ReviewLogEntry(ReviewRating.GOOD, local, 900, ReviewSource.QUIZ))
    card = reviews.card(profile.id, "berlin", "q1")
    assert card is not None and card.schedule.due == FINISHED and card.schedule.due.tzinfo == UTC
    with pytest.raises(SaveFailed, match="timezone-aware"):
        reviews.due_count(profile.id, datetime(2026, 1, 16))  # a naive time is refused, not guessed at
