"""A keen student's attempts list: every finished attempt, with its score, and each one's review."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from irtutor.content.lesson_loader import load_lesson
from irtutor.core.lesson import Lesson
from irtutor.core.quiz_settings import QuizMode
from irtutor.services.attempt_history import attempt_history
from irtutor.services.quiz_session import CHANGED_NOTE, QuizSession
from irtutor.storage.database import open_store
from irtutor.storage.stores import Store
from irtutor.storage.tables import AnswerRow, AttemptRow
from tests.conftest import LESSONS
from tests.right_answers import right_response

ATTEMPTS = 750


def right(attempt: int, number: int) -> bool:
    return (attempt + number) % 3 == 0


def load_attempts(store: Store, lesson: Lesson, profile_id: int) -> None:
    """750 finished practice attempts, bulk-loaded: attempt a answers question i right when
    (a + i) % 3 == 0; every fifth attempt got its first question wrong first and right on try 2."""
    base = datetime(2025, 1, 1, tzinfo=UTC)
    answers = []
    for a in range(ATTEMPTS):
        for i, q in enumerate(lesson.questions):
            row = {"attempt_id": a + 1, "question_id": q.id, "question_hash": q.content_hash(), "duration_ms": 1000,
                   "answered_at": base, "try_number": 1, "is_final": True}
            if i == 0 and a % 5 == 0:
                answers.append(row | {"response": {"selected": []}, "correct": False, "score": 0.0, "is_final": False})
                row = row | {"try_number": 2, "response": right_response(q).to_json(), "correct": True,
                             "score": 2 / 3}
            elif right(a, i):
                row = row | {"response": right_response(q).to_json(), "correct": True, "score": 1.0}
            else:
                row = row | {"response": {"selected": []}, "correct": False, "score": 0.0}
            answers.append(row)
    with store.engine.begin() as conn:
        conn.execute(insert(AttemptRow.__table__), [
            {"id": a + 1, "profile_id": profile_id, "lesson_id": lesson.id, "mode": "practice", "position": 0,
             "layout": None, "started_at": base + timedelta(hours=a),
             "finished_at": base + timedelta(hours=a, minutes=9)}
            for a in range(ATTEMPTS)])
        conn.execute(insert(AnswerRow.__table__), answers)


def expected_score(lesson: Lesson, attempt: int) -> float:
    retried = 2 / 3 if attempt % 5 == 0 else None
    return sum((retried if i == 0 and retried else float(right(attempt, i))) for i in range(len(lesson.questions)))


def test_history_lists_all_750_attempts_newest_first_with_their_scores(tmp_path: Path) -> None:
    lesson, _ = load_lesson(LESSONS / "nato-origins")
    assert lesson is not None
    store = open_store(tmp_path / "db.sqlite3")
    profile = store.add_profile("Ana")
    load_attempts(store, lesson, profile.id)
    QuizSession.start(store, lesson, profile, QuizMode.TEST)  # unfinished: not listed

    history = attempt_history(store, lesson, profile)

    assert [r.attempt_id for r in history] == list(range(ATTEMPTS, 0, -1))
    assert [round(r.score, 6) for r in history] == [round(expected_score(lesson, a), 6)
                                                     for a in range(ATTEMPTS - 1, -1, -1)]
    assert {r.total for r in history} == {len(lesson.questions)}
    assert history[-1].finished_at == datetime(2025, 1, 1, 0, 9, tzinfo=UTC)
    retried = next(r for r in history if r.attempt_id == 601)  # attempt 600 counting from 0: retried
    first = retried.items[0]
    assert first.tries == 2 and first.answer is not None and first.answer.outcome.correct
    assert round(first.answer.outcome.score, 2) == 0.67
    assert [item.answer.outcome.correct for item in retried.items[1:]] == [
        right(600, i) for i in range(1, len(lesson.questions))]


def test_an_answer_to_a_since_edited_question_keeps_its_score_and_says_so(tmp_path: Path) -> None:
    lesson, _ = load_lesson(LESSONS / "nato-origins")
    assert lesson is not None
    store = open_store(tmp_path / "db.sqlite3")
    profile = store.add_profile("Ana")
    session = QuizSession.start(store, lesson, profile, QuizMode.PRACTICE)
    question = session.questions[0]
    session.submit(question.id, right_response(question), 1000)
    session.finish()
    edited = replace(question, prompt=question.prompt + " (reworded)")
    relesson = replace(lesson, questions=tuple(edited if q.id == question.id else q for q in lesson.questions))

    [review] = attempt_history(store, relesson, profile)

    assert review.score == 1.0
    answer = next(i.answer for i in review.items if i.question.id == question.id)
    assert answer is not None and answer.outcome.feedback == (CHANGED_NOTE,)
