"""Opening the largest shipped lesson's quiz tab for a student with 750 finished attempts at it.

    .venv/bin/python tests/benchmarks/bench_lesson_open.py [--attempts 750] [--runs 15] [--distinct]

Bulk-loads a real SQLite file (Core executemany) with one student's finished attempts at the lesson
with the most questions, each answering every question (right or wrong, scored as grading scores it)
with the real content hash, then prints median/p90 of:
- the service calls the quiz tab makes on open: resume (no unfinished attempt) + attempt history;
- the real LessonView built offscreen with its quiz tab bound to the student (the same calls, plus
  filling the attempts list).
Goal: both under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert

from irtutor.content.catalog import load_lessons
from irtutor.core.attempts import Profile
from irtutor.core.grading import grade
from irtutor.core.lesson import Lesson
from irtutor.core.questions import Response
from irtutor.services.attempt_history import attempt_history
from irtutor.services.quiz_session import QuizSession
from irtutor.services.review_queue import ReviewQueue
from irtutor.storage.database import open_store
from irtutor.storage.practice_history import PracticeHistory
from irtutor.storage.review_store import ReviewStore
from irtutor.storage.stores import Store
from irtutor.storage.tables import AnswerRow, AttemptRow

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # for tests.right_answers when run as a script

from tests.right_answers import right_response  # noqa: E402


def largest_lesson() -> Lesson:
    lessons = load_lessons([REPO / "lessons"]).lessons
    return max(lessons, key=lambda lesson: len(lesson.questions))


def populate(store: Store, lesson: Lesson, attempts: int, rng: random.Random, distinct: bool) -> Profile:
    """One student's finished practice attempts, every question answered right or wrong (left
    empty; with `distinct`, a different typed guess each time, so no two wrong answers are alike)."""
    profile = store.add_profile("Heavy user")
    # Each question's two stored forms (right, wrong), graded once, as submit would have stored them.
    forms = {q.id: [(r, grade(q, r)) for r in (right_response(q), Response())] for q in lesson.questions}
    base = datetime(2025, 1, 1, tzinfo=UTC)
    with store.engine.begin() as conn:
        conn.execute(insert(AttemptRow.__table__), [
            {"id": a + 1, "profile_id": profile.id, "lesson_id": lesson.id, "mode": "practice", "position": 0,
             "layout": None, "started_at": base + timedelta(hours=a),
             "finished_at": base + timedelta(hours=a, minutes=10), "score": None} for a in range(attempts)])
        rows = []
        for a in range(attempts):
            for q in lesson.questions:
                response, outcome = forms[q.id][rng.random() < 0.3]  # right 70 % of the time
                if distinct and not outcome.correct:
                    response = Response(text=f"no idea {a}-{q.id}")
                rows.append({"attempt_id": a + 1, "question_id": q.id, "question_hash": q.content_hash(),
                             "response": response.to_json(), "correct": outcome.correct, "score": outcome.score,
                             "duration_ms": 4000, "answered_at": base + timedelta(hours=a), "try_number": 1,
                             "is_final": True})
        conn.execute(insert(AnswerRow.__table__), rows)
        conn.exec_driver_sql("UPDATE attempt SET score = (SELECT SUM(score) FROM answer "
                             "WHERE answer.attempt_id = attempt.id AND is_final)")
    return profile


def timed(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    fn()  # warm up: first queries, imports
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    p90 = statistics.quantiles(times, n=10)[-1] if len(times) > 1 else times[0]
    print(f"{name:58} median {statistics.median(times):7.1f} ms   p90 {p90:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--attempts", type=int, default=750)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--distinct", action="store_true",
                        help="every wrong answer a different typed guess (the worst case for sharing equal answers)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from irtutor.ui.lesson_view import LessonView
    from irtutor.ui.ops import Operations
    from irtutor.ui.quiz_view import QuizActions

    lesson = largest_lesson()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "lesson_open.sqlite3")
        profile = populate(store, lesson, args.attempts, random.Random(1), args.distinct)
        queue = ReviewQueue(ReviewStore(store.engine, store.where))
        variety = ", every wrong one different" if args.distinct else ""
        print(f"{lesson.id}: {len(lesson.questions)} questions, {args.attempts} finished attempts "
              f"({args.attempts * len(lesson.questions):,} answers{variety})")

        history = PracticeHistory(store.engine, store.where)

        def services() -> None:
            assert QuizSession.resume(store, lesson, profile, queue) is None
            assert len(attempt_history(store, lesson, profile)) == args.attempts
            assert history.records(profile.id, lesson.id)  # the start page's practice choices

        ops = Operations()

        def lesson_view() -> None:
            view = LessonView(lesson, ops)
            view.quiz.set_actions(QuizActions(
                resume=lambda: QuizSession.resume(store, lesson, profile, queue),
                start=lambda mode, focus: QuizSession.start(store, lesson, profile, mode, review_queue=queue),
                history=lambda: attempt_history(store, lesson, profile),
                records=lambda: history.records(profile.id, lesson.id)))
            while ops.busy:  # the reads run on the funnel's worker; the time counts until they are shown
                app.processEvents()
                time.sleep(0.0002)  # as the event loop would: a busy spin here would hold the GIL from the worker
            assert view.quiz.start_page.history.count() == args.attempts
            view.deleteLater()
            # processEvents alone leaves deferred deletes outside an event loop: the views would pile up
            # and every later run would pay for garbage collections over all of them.
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        report("services: resume + attempt history + practice records", timed(services, args.runs))
        report("  of which: attempt history", timed(lambda: attempt_history(store, lesson, profile), args.runs))
        report("  of which: practice records", timed(lambda: history.records(profile.id, lesson.id), args.runs))
        report("LessonView built, quiz tab bound (offscreen)", timed(lesson_view, args.runs))
        print("goal: < 100 ms")
        store.engine.dispose()


if __name__ == "__main__":
    main()
