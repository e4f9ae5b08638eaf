"""An answer and the review card it schedules are saved together, or neither is."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from irtutor.core.attempts import StoredAnswer
from irtutor.core.errors import SaveFailed
from irtutor.core.questions import Response
from irtutor.services.review_queue import ReviewQueue, default_scheduler
from irtutor.storage.database import open_store
from irtutor.storage.review_store import ReviewStore

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_an_answer_that_cannot_be_saved_schedules_no_review(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3")
    profile = store.add_profile("Ana")
    queue = ReviewQueue(ReviewStore(store.engine, store.where))
    review = queue.pending(profile.id, "nato-origins", "q1", 1.0, 12_000, NOW)
    answer = StoredAnswer("q1", "h" * 64, Response.of("a"), 1.0, True)

    with pytest.raises(SaveFailed, match="save your answer"):
        store.record_answer(987_654, answer, 12_000, review)  # no such attempt: the answer is refused

    assert queue.store.card(profile.id, "nato-origins", "q1") is None
    assert queue.due_count(profile.id, NOW.replace(year=2027)) == 0


def test_a_second_answer_moves_the_same_card_on(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3")
    profile = store.add_profile("Ana")
    attempt = store.start_attempt(profile.id, "nato-origins", "practice", None)
    queue = ReviewQueue(ReviewStore(store.engine, store.where), default_scheduler(fuzzing=False))
    answer = StoredAnswer("q1", "h" * 64, Response.of("a"), 1.0, True)

    store.record_answer(attempt.id, answer, 12_000, queue.pending(profile.id, "nato-origins", "q1", 1.0, 12_000, NOW))
    first = queue.store.card(profile.id, "nato-origins", "q1")
    later = NOW.replace(day=5)
    store.record_answer(attempt.id, answer, 12_000, queue.pending(profile.id, "nato-origins", "q1", 1.0, 12_000, later))

    card = queue.store.card(profile.id, "nato-origins", "q1")
    assert first is not None and card is not None
    assert card.schedule.due > first.schedule.due  # a second right answer spaces the next review further out
    assert [entry.reviewed_at for entry in queue.store.history(profile.id, "nato-origins", "q1")] == [NOW, later]
