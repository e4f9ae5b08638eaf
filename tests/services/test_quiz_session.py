"""Attempts keep their shuffled layout, retries and history across restarts (real SQLite file)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from irtutor.content.lesson_loader import load_lesson
from irtutor.core.lesson import Lesson
from irtutor.core.questions import Response
from irtutor.core.quiz_settings import QuizMode, QuizSettings
from irtutor.services.attempt_history import attempt_history
from irtutor.services.quiz_session import QuizSession
from irtutor.storage.database import open_store
from tests.conftest import LESSONS


def shuffled_lesson() -> Lesson:
    lesson, problems = load_lesson(LESSONS / "nato-origins")
    assert lesson is not None, problems
    return replace(lesson, quiz_settings=QuizSettings(shuffle_questions=True, shuffle_options=True))


def test_a_resumed_attempt_keeps_its_shuffled_order(tmp_path: Path) -> None:
    lesson = shuffled_lesson()
    store = open_store(tmp_path / "db.sqlite3")
    profile = store.add_profile("Ana")
    started = QuizSession.start(store, lesson, profile, QuizMode.PRACTICE, seed=12345)
    order = [q.id for q in started.questions]
    assert sorted(order) == sorted(q.id for q in lesson.questions)
    assert order != [q.id for q in lesson.questions]  # seed 12345 does reorder 13 questions
    first = started.questions[0]
    option_order = started.layout.arrange(first.id, tuple(o.id for o in first.options))

    resumed = QuizSession.resume(open_store(tmp_path / "db.sqlite3"), lesson, profile)
    assert resumed is not None and resumed.state.attempt_id == started.state.attempt_id
    assert [q.id for q in resumed.questions] == order
    assert resumed.layout.arrange(first.id, tuple(o.id for o in first.options)) == option_order


def test_two_attempts_get_different_layouts(tmp_path: Path) -> None:
    lesson = shuffled_lesson()
    store = open_store(tmp_path / "db.sqlite3")
    profile = store.add_profile("Ana")
    one = QuizSession.start(store, lesson, profile, QuizMode.TEST, seed=1)
    one.finish()
    two = QuizSession.start(store, lesson, profile, QuizMode.TEST, seed=2)
    assert [q.id for q in one.questions] != [q.id for q in two.questions]


def test_history_lists_finished_attempts_with_their_scores(tmp_path: Path) -> None:
    lesson, _ = load_lesson(LESSONS / "nato-origins")
    store = open_store(tmp_path / "db.sqlite3")
    profile = store.add_profile("Ana")
    session = QuizSession.start(store, lesson, profile, QuizMode.PRACTICE)
    first = session.questions[0]
    wrong = next(o.id for o in first.options if not o.correct)
    session.submit(first.id, Response.of(wrong), 1000)
    session.submit(first.id, Response(first.correct_ids), 1000)
    session.finish()
    QuizSession.start(store, lesson, profile, QuizMode.TEST)  # unfinished: not in the history

    [review] = attempt_history(store, lesson, profile)
    assert review.mode is QuizMode.PRACTICE
    assert round(review.score, 2) == 0.67
    item = review.items[0]
    assert item.question.id == first.id and item.tries == 2 and item.answer.outcome.correct
    assert all(i.answer is None for i in review.items[1:])


def test_answers_schedule_review_cards_practice_at_once_and_test_on_submit(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from irtutor.services.review_queue import ReviewQueue
    from irtutor.storage.review_store import ReviewStore

    lesson, _ = load_lesson(LESSONS / "nato-origins")
    store = open_store(tmp_path / "db.sqlite3")
    queue = ReviewQueue(ReviewStore(store.engine, store.where))
    ana, ben = store.add_profile("Ana"), store.add_profile("Ben")
    later = datetime.now(UTC) + timedelta(days=60)
    question = lesson.questions[0]

    practice = QuizSession.start(store, lesson, ana, QuizMode.PRACTICE, review_queue=queue)
    practice.submit(question.id, Response(question.correct_ids), 20_000)
    assert queue.due(ana.id, later) == [(lesson.id, question.id)]

    test = QuizSession.start(store, lesson, ben, QuizMode.TEST, review_queue=queue)
    test.submit(question.id, Response(question.correct_ids), 20_000)
    assert queue.due(ben.id, later) == []
    test.finish()
    assert queue.due(ben.id, later) == [(lesson.id, question.id)]
