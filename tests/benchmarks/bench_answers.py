"""Answer path and dashboard queries against raw sqlite3, on a database of 1,000,000 answers.

    .venv/bin/python tests/benchmarks/bench_answers.py [--answers 1000000] [--commits 300]

Prints medians; goals: answer path <= 2x raw sqlite3 (same schema and statements); queries < 0.5 s.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from irtutor.content.catalog import load_lessons
from irtutor.content.lesson_loader import load_lesson
from irtutor.core.attempts import StoredAnswer
from irtutor.core.grading import grade
from irtutor.core.lesson import Lesson
from irtutor.core.questions import Response
from irtutor.services.progress import ProgressReport
from irtutor.storage.database import open_store
from irtutor.storage.running_stats import rebuild_running_sums
from irtutor.storage.stats import Statistics
from irtutor.storage.tables import AnswerRow, AttemptRow, ProfileRow

REPO = Path(__file__).resolve().parents[2]
HEAVY_PROFILE = 1
"""Profile 1 takes one attempt in ten: years of daily practice, far more than any real student."""


def populate(path: Path, answers: int, lessons: list[Lesson], rng: random.Random) -> float:
    """Bulk-load profiles, finished attempts of the real lessons and their answers with Core
    executemany; returns seconds."""
    store = open_store(path)
    started = time.perf_counter()
    per_attempt = sum(len(lesson.questions) for lesson in lessons) / len(lessons)
    attempts = int(answers / per_attempt)
    profiles = max(2, attempts // 20)
    base = datetime(2026, 1, 1, tzinfo=UTC)
    with store.engine.begin() as conn:
        conn.execute(insert(ProfileRow.__table__), [{"id": p + 1, "name": f"student {p}", "created_at": base}
                                                    for p in range(profiles)])
        conn.execute(insert(AttemptRow.__table__), [
            {"id": a + 1, "profile_id": HEAVY_PROFILE if a % 10 == 0 else a % (profiles - 1) + 2,
             "lesson_id": lessons[a % len(lessons)].id, "mode": "test",
             "position": 0, "layout": None, "started_at": base + timedelta(minutes=a),
             "finished_at": base + timedelta(minutes=a, seconds=600), "score": None} for a in range(attempts)])
        batch: list[dict[str, object]] = []
        for a in range(attempts):
            skill = rng.random()
            for q, question in enumerate(lessons[a % len(lessons)].questions):
                right = rng.random() < (skill + q / 40) / 1.3
                batch.append({"attempt_id": a + 1, "question_id": question.id, "question_hash": "h" * 64,
                              "response": {"selected": ["a"]}, "correct": right, "score": 1.0 if right else 0.0,
                              "duration_ms": 5000, "answered_at": base, "try_number": 1, "is_final": True})
            if len(batch) >= 50_000:
                conn.execute(insert(AnswerRow.__table__), batch)
                batch = []
        if batch:
            conn.execute(insert(AnswerRow.__table__), batch)
        # What finishing each attempt stores, done in one statement for the bulk load.
        conn.exec_driver_sql("UPDATE attempt SET score = (SELECT SUM(score) FROM answer "
                             "WHERE answer.attempt_id = attempt.id AND is_final)")
        started_rebuild = time.perf_counter()
        rebuild_running_sums(conn)
        print(f"full recomputation of the running sums: {(time.perf_counter() - started_rebuild) * 1000:.0f} ms")
    store.engine.dispose()
    return time.perf_counter() - started


def median_ms(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def answer_path(folder: Path, commits: int) -> tuple[float, float]:
    lesson, _ = load_lesson(REPO / "lessons" / "nato-origins")
    store = open_store(folder / "answers.sqlite3")
    profile = store.add_profile("bench")
    attempt = store.start_attempt(profile.id, lesson.id, "practice", None)
    question = lesson.questions[0]
    response = Response(question.correct_ids)

    def ours() -> None:
        outcome = grade(question, response)
        store.record_answer(attempt.id, StoredAnswer(question.id, question.content_hash(), response,
                                                     outcome.score, outcome.correct), 1234)

    # The same schema, pragmas and statements (supersede the earlier try, insert), minus SQLAlchemy.
    raw_store = open_store(folder / "raw.sqlite3")
    raw_attempt = raw_store.start_attempt(raw_store.add_profile("bench").id, lesson.id, "practice", None)
    raw_store.engine.dispose()
    raw = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        raw.execute(f"PRAGMA {pragma}")

    def bare() -> None:
        outcome = grade(question, response)
        raw.execute("BEGIN")
        raw.execute("UPDATE answer SET is_final = 0 WHERE attempt_id = ? AND question_id = ? AND is_final",
                    (raw_attempt.id, question.id))
        raw.execute("INSERT INTO answer (attempt_id, question_id, question_hash, response, correct, score, "
                    "duration_ms, answered_at, try_number, is_final) VALUES (?,?,?,?,?,?,?,?,?,1)",
                    (raw_attempt.id, question.id, question.content_hash(), json.dumps(response.to_json()),
                     outcome.correct, outcome.score, 1234, datetime.now().isoformat(" "), 1))
        raw.execute("COMMIT")

    for fn in (ours, bare):  # warm up
        fn()
    ours_ms, bare_ms = [], []
    for _ in range(commits):  # alternate so that disk weather hits both alike
        ours_ms.append(median_ms(ours, 1))
        bare_ms.append(median_ms(bare, 1))
    return statistics.median(ours_ms), statistics.median(bare_ms)


def raw_item_sums(conn: sqlite3.Connection) -> None:
    """What Statistics.item_aggregates reads (the running sums), by hand in sqlite3."""
    conn.execute("SELECT * FROM quiz_stat").fetchall()
    conn.execute("SELECT * FROM item_stat").fetchall()


def raw_item_recompute(conn: sqlite3.Connection) -> None:
    """The same aggregates recomputed from every answer, as a plain GROUP BY would."""
    conn.execute("SELECT lesson_id, COUNT(*), SUM(score), SUM(score * score) FROM attempt "
                 "WHERE finished_at IS NOT NULL GROUP BY lesson_id").fetchall()
    conn.execute("SELECT t.lesson_id, a.question_id, COUNT(*), SUM(a.score), SUM(a.score * t.score), "
                 "SUM(a.score * a.score) FROM answer a JOIN attempt t ON t.id = a.attempt_id "
                 "WHERE a.is_final AND t.finished_at IS NOT NULL GROUP BY t.lesson_id, a.question_id").fetchall()


def raw_dashboard(conn: sqlite3.Connection, profile_id: int) -> None:
    """The two queries behind one student's dashboard, by hand in sqlite3."""
    conn.execute("SELECT t.lesson_id, a.question_id, a.score, a.correct FROM answer a "
                 "JOIN attempt t ON t.id = a.attempt_id JOIN (SELECT MAX(a2.id) AS id FROM answer a2 "
                 "JOIN attempt t2 ON t2.id = a2.attempt_id WHERE t2.profile_id = ? "
                 "GROUP BY t2.lesson_id, a2.question_id) latest ON latest.id = a.id", (profile_id,)).fetchall()
    conn.execute("SELECT lesson_id, finished_at, score FROM attempt WHERE profile_id = ? "
                 "AND finished_at IS NOT NULL ORDER BY finished_at", (profile_id,)).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    lessons = [lesson for lesson in load_lessons([REPO / "lessons", REPO / "tests" / "fixtures" / "lessons"]).lessons
               if lesson.questions]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours, bare = answer_path(folder, args.commits)
        print(f"answer path (grade + durable commit), median of {args.commits}: "
              f"ours {ours * 1000:.0f} us, raw sqlite3 {bare * 1000:.0f} us, ratio {ours / bare:.2f}x (goal <= 2x)")
        big = folder / "big.sqlite3"
        seconds = populate(big, args.answers, lessons, random.Random(1))
        store = open_store(big)
        stats = Statistics(store.engine, str(big))
        report = ProgressReport(stats, lessons)
        raw = sqlite3.connect(big)
        heavy = store.profiles()[0]
        light = store.profiles()[1]
        counts = raw.execute("SELECT COUNT(*), (SELECT COUNT(*) FROM answer a JOIN attempt t ON t.id = a.attempt_id "
                             "WHERE t.profile_id = ?), (SELECT COUNT(*) FROM profile) FROM answer",
                             (heavy.id,)).fetchone()
        print(f"populated {counts[0]:,} answers ({counts[2]:,} students; the heaviest has {counts[1]:,}) "
              f"with Core executemany in {seconds:.1f} s")
        rows = [
            ("item statistics (facility, discrimination)", report.item_statistics, lambda: raw_item_sums(raw)),
            ("  the same recomputed from every answer", None, lambda: raw_item_recompute(raw)),
            (f"dashboard of the heaviest student ({counts[1]:,} answers)", lambda: report.dashboard(heavy),
             lambda: raw_dashboard(raw, heavy.id)),
            ("dashboard of a typical student", lambda: report.dashboard(light), lambda: raw_dashboard(raw, light.id)),
        ]
        print(f"{'query, median of ' + str(args.runs):52} {'ours ms':>9} {'raw sqlite3 ms':>15}")
        for name, fn, raw_fn in rows:
            ours_q = f"{median_ms(fn, args.runs):9.1f}" if fn else f"{'-':>9}"
            print(f"{name:52} {ours_q} {median_ms(raw_fn, args.runs):15.1f}")
        print("goal: every dashboard and statistics query < 500 ms")


if __name__ == "__main__":
    main()
