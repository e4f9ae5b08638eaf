"""ReviewQueue on a real SQLite file with the real FSRS scheduler; the tests choose the time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from irtutor.core.review import CardPhase, ReviewRating, ReviewSource
from irtutor.services.review_queue import ReviewQueue, default_scheduler
from irtutor.storage.database import open_store
from irtutor.storage.review_store import ReviewStore

START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
RIGHT, WRONG = 1.0, 0.0
SLOW, FAST = 20_000, 3_000
LESSON = "nato-origins"


def open_queue(path: Path) -> tuple[ReviewQueue, list[int]]:
    """A queue on the database file at `path` (made at head if new), and two students' ids."""
    store = open_store(path)
    profiles = store.profiles() or [store.add_profile("Ana"), store.add_profile("Ben")]
    # Without fuzzing, FSRS's intervals are exact, so the tests can name each due date.
    pinned = ReviewQueue(ReviewStore(store.engine, store.where), default_scheduler(fuzzing=False))
    return pinned, [p.id for p in profiles]


@pytest.fixture
def queue(tmp_path: Path) -> tuple[ReviewQueue, list[int]]:
    return open_queue(tmp_path / "irtutor.sqlite3")


def test_a_wrong_answer_comes_back_sooner_than_a_right_one(queue: tuple[ReviewQueue, list[int]]) -> None:
    reviews, (ana, _) = queue
    wrong_due = reviews.record(ana, LESSON, "q-wrong", WRONG, SLOW, START)
    right_due = reviews.record(ana, LESSON, "q-right", RIGHT, SLOW, START)
    assert START < wrong_due < right_due
    assert wrong_due - START <= timedelta(hours=1)
    assert right_due - START >= timedelta(days=1)


def test_each_rating_brings_the_card_back_after_its_own_interval(queue: tuple[ReviewQueue, list[int]]) -> None:
    reviews, (ana, _) = queue
    # Wrong (AGAIN) and partly right (HARD) repeat the 10-minute learning step (HARD at 1.5 times);
    # right and slow (GOOD) and right and fast (EASY) go straight to spaced review.
    assert [reviews.record(ana, LESSON, q, score, time, START) - START
            for q, score, time in [("q-again", WRONG, SLOW), ("q-hard", 0.6, SLOW), ("q-good", RIGHT, SLOW),
                                   ("q-easy", RIGHT, FAST)]] == [
        timedelta(minutes=10), timedelta(minutes=15), timedelta(days=2), timedelta(days=8)]


def test_intervals_grow_with_each_right_answer_and_a_lapse_restarts_them(
        queue: tuple[ReviewQueue, list[int]]) -> None:
    reviews, (ana, _) = queue
    due, intervals = START, []
    for score in (RIGHT, RIGHT, RIGHT, RIGHT, WRONG):  # reviewed each time it falls due
        now, due = due, reviews.record(ana, LESSON, "q1", score, SLOW, due)
        intervals.append(due - now)
    assert intervals == [timedelta(days=2), timedelta(days=11), timedelta(days=46), timedelta(days=163),
                         timedelta(minutes=10)]


def test_right_and_fast_is_due_later_than_right_and_slow(queue: tuple[ReviewQueue, list[int]]) -> None:
    reviews, (ana, _) = queue
    slow_due = reviews.record(ana, LESSON, "q-slow", RIGHT, SLOW, START)
    fast_due = reviews.record(ana, LESSON, "q-fast", RIGHT, FAST, START)
    assert fast_due > slow_due


def test_card_state_survives_reopening_the_database(tmp_path: Path) -> None:
    path = tmp_path / "irtutor.sqlite3"
    reviews, (ana, _) = open_queue(path)
    first_due = reviews.record(ana, LESSON, "q1", RIGHT, SLOW, START)
    before = reviews.store.card(ana, LESSON, "q1")
    reviews.store.engine.dispose()

    reopened, _ = open_queue(path)
    after = reopened.store.card(ana, LESSON, "q1")
    assert after == before
    assert after is not None and after.schedule.due == first_due and after.schedule.state is CardPhase.REVIEW
    # The next review starts from the stored stability, so the interval grows.
    second_due = reopened.record(ana, LESSON, "q1", RIGHT, SLOW, first_due)
    assert second_due - first_due > first_due - START
    assert [e.rating for e in reopened.store.history(ana, LESSON, "q1")] == [ReviewRating.GOOD] * 2


def test_due_count_counts_only_this_students_cards_due_now(queue: tuple[ReviewQueue, list[int]]) -> None:
    reviews, (ana, ben) = queue
    reviews.record(ana, LESSON, "q-wrong", WRONG, SLOW, START)   # due in minutes
    reviews.record(ana, LESSON, "q-right", RIGHT, SLOW, START)   # due in days
    reviews.record(ben, LESSON, "q-wrong", WRONG, SLOW, START)
    reviews.record(ben, LESSON, "q-other", WRONG, SLOW, START)
    an_hour_later = START + timedelta(hours=1)
    assert reviews.due_count(ana, START) == 0
    assert reviews.due_count(ana, an_hour_later) == 1
    assert reviews.due(ana, an_hour_later) == [(LESSON, "q-wrong")]
    assert reviews.due_count(ben, an_hour_later) == 2
    assert reviews.due_count(ana, START + timedelta(days=30)) == 2


def test_a_wrong_answer_after_several_right_ones_brings_the_card_back_close(
        queue: tuple[ReviewQueue, list[int]]) -> None:
    reviews, (ana, _) = queue
    now, due = START, START
    for _ in range(4):
        now, due = due, reviews.record(ana, LESSON, "q1", RIGHT, SLOW, due)  # reviewed each time it falls due
    assert due - now > timedelta(days=30)
    right_interval = reviews.record(ana, LESSON, "q2", RIGHT, SLOW, due) - due

    lapse_due = reviews.record(ana, LESSON, "q1", WRONG, SLOW, due)  # forgotten when it next falls due
    assert lapse_due - due <= timedelta(hours=1)
    assert lapse_due - due < right_interval
    card = reviews.store.card(ana, LESSON, "q1")
    assert card is not None and card.schedule.state is CardPhase.RELEARNING


def test_due_lists_the_most_overdue_first(queue: tuple[ReviewQueue, list[int]]) -> None:
    reviews, (ana, _) = queue
    for minutes, question in [(0, "q-first"), (5, "q-second"), (9, "q-third")]:
        reviews.record(ana, "lesson-" + question, question, WRONG, SLOW, START + timedelta(minutes=minutes))
    assert reviews.due(ana, START + timedelta(hours=1)) == [
        ("lesson-q-first", "q-first"), ("lesson-q-second", "q-second"), ("lesson-q-third", "q-third"),
    ]


def test_each_answer_is_logged_with_its_rating_and_source(queue: tuple[ReviewQueue, list[int]]) -> None:
    reviews, (ana, _) = queue
    reviews.record(ana, LESSON, "q1", 0.6, SLOW, START)
    reviews.record(ana, LESSON, "q1", RIGHT, FAST, START + timedelta(hours=1), ReviewSource.REVIEW)
    logged = [(e.rating, e.reviewed_at, e.duration_ms, e.source) for e in reviews.store.history(ana, LESSON, "q1")]
    assert logged == [
        (ReviewRating.HARD, START, SLOW, ReviewSource.QUIZ),
        (ReviewRating.EASY, START + timedelta(hours=1), FAST, ReviewSource.REVIEW),
    ]


def test_a_time_without_a_zone_is_refused(queue: tuple[ReviewQueue, list[int]]) -> None:
    reviews, (ana, _) = queue
    with pytest.raises(ValueError, match="timezone-aware"):
        reviews.record(ana, LESSON, "q1", RIGHT, SLOW, datetime(2026, 11, 24, 9, 0))
    assert reviews.store.card(ana, LESSON, "q1") is None


def test_the_default_time_is_now(queue: tuple[ReviewQueue, list[int]]) -> None:
    reviews, (ana, _) = queue
    before = datetime.now(UTC)
    due = reviews.record(ana, LESSON, "q1", WRONG, SLOW)
    assert before < due <= datetime.now(UTC) + timedelta(hours=1)
    assert reviews.due_count(ana) == 0
