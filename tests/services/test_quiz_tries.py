"""Tries that hide the right answer until they are over, and a test's deadline kept with the attempt."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from irtutor.content.lesson_loader import load_lesson
from irtutor.core.lesson import Lesson
from irtutor.core.questions import Response
from irtutor.core.quiz_settings import QuizMode, QuizSettings
from irtutor.core.verdicts import Verdict
from irtutor.services.quiz_session import QuizSession
from irtutor.storage.database import open_store
from tests.conftest import LESSONS


def lesson_with(settings: QuizSettings) -> Lesson:
    lesson, problems = load_lesson(LESSONS / "nato-origins")
    assert lesson is not None, problems
    return replace(lesson, quiz_settings=settings)


def test_tries_hide_the_answer_until_they_run_out(tmp_path: Path) -> None:
    lesson = lesson_with(QuizSettings(tries=2))
    store = open_store(tmp_path / "db.sqlite3")
    session = QuizSession.start(store, lesson, store.add_profile("Ana"), QuizMode.PRACTICE, seed=1)
    question = next(q for q in session.questions if q.kind == "single_choice")
    wrong = [o.id for o in question.options if not o.correct]

    session.submit(question.id, Response(selected=frozenset({wrong[0]})), 1000)
    shown = session.shown_outcome(question.id)
    assert shown is not None and shown.explanation == ""
    assert Verdict.MISSED not in {p.verdict for p in shown.parts} and session.tries_left(question.id) == 1
    assert session.can_retry(question.id) and not session.reveals(question.id)

    session.submit(question.id, Response(selected=frozenset({wrong[1]})), 1000)
    assert not session.can_retry(question.id) and session.reveals(question.id)
    assert session.shown_outcome(question.id).explanation == question.explanation


def test_show_answer_ends_the_tries(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3")
    session = QuizSession.start(store, lesson_with(QuizSettings()), store.add_profile("Ana"), QuizMode.PRACTICE)
    question = next(q for q in session.questions if q.kind == "single_choice")
    session.submit(question.id, Response(selected=frozenset({next(o.id for o in question.options
                                                                      if not o.correct)})), 1000)
    session.reveal(question.id)
    assert not session.can_retry(question.id) and session.reveals(question.id)


def test_a_timed_test_keeps_its_deadline_when_resumed(tmp_path: Path) -> None:
    lesson = lesson_with(QuizSettings(time_limit_minutes=20))
    store = open_store(tmp_path / "db.sqlite3")
    profile = store.add_profile("Ana")
    started = QuizSession.start(store, lesson, profile, QuizMode.TEST)
    left = started.seconds_left()
    assert left is not None and 20 * 60 - 5 < left <= 20 * 60
    resumed = QuizSession.resume(open_store(tmp_path / "db.sqlite3"), lesson, profile)
    assert resumed is not None and resumed.layout.deadline == started.layout.deadline
    assert resumed.seconds_left(datetime.now(UTC) + timedelta(hours=1)) == 0.0
    assert resumed.unanswered() == list(range(1, len(resumed.questions) + 1))
    practice = QuizSession.start(store, lesson_with(QuizSettings(time_limit_minutes=20)), store.add_profile("Bo"),
                                 QuizMode.PRACTICE)
    assert practice.seconds_left() is None  # the limit is a test's


def test_tries_and_time_limit_are_read_from_quiz_yaml(tmp_path: Path) -> None:
    from tests.content.minimal_lesson import QUIZ_YAML, write_lesson

    quiz = "settings:\n  tries: 2\n  time_limit_minutes: 45\n" + QUIZ_YAML
    lesson, problems = load_lesson(write_lesson(tmp_path / "ok", {"quiz.yaml": quiz}))
    assert problems == [] and lesson is not None
    assert (lesson.quiz_settings.tries, lesson.quiz_settings.time_limit_minutes) == (2, 45)
    bad, problems = load_lesson(write_lesson(tmp_path / "bad", {"quiz.yaml": "settings:\n  tries: 0\n" + QUIZ_YAML}))
    assert bad is None and [p.line for p in problems] == [2]
