"""Answer path and dashboard queries against raw sqlite3, on a database of 1,000,000 answers.

    .venv/bin/python tests/benchmarks/bench_answers.py [--answers 1000000] [--commits 300]

Prints medians; goals: answer path <= 2x raw sqlite3 insert+commit; statistics queries < 0.5 s.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from irtutor.content.lesson_loader import load_lesson
from irtutor.core.attempts import StoredAnswer
from irtutor.core.grading import grade
from irtutor.core.questions import Response
from irtutor.services.progress import ProgressReport
from irtutor.storage.database import open_store
from irtutor.storage.running_stats import rebuild_running_sums
from irtutor.storage.stats import Statistics
from irtutor.storage.tables import AnswerRow, AttemptRow, ProfileRow

REPO = Path(__file__).resolve().parents[2]
QUESTIONS_PER_ATTEMPT = 13
LESSONS = [f"lesson-{n}" for n in range(7)]


def populate(path: Path, answers: int, rng: random.Random) -> float:
    """Bulk-load profiles, finished attempts and answers with Core executemany; returns seconds."""
    store = open_store(path)
    started = time.perf_counter()
    attempts = answers // QUESTIONS_PER_ATTEMPT
    profiles = max(1, attempts // 20)
    base = datetime(2026, 1, 1)
    with store.engine.begin() as conn:
        conn.execute(insert(ProfileRow.__table__), [{"id": p + 1, "name": f"student {p}", "created_at": base}
                                                    for p in range(profiles)])
        conn.execute(insert(AttemptRow.__table__), [
            {"id": a + 1, "profile_id": a % profiles + 1, "lesson_id": LESSONS[a % len(LESSONS)], "mode": "test",
             "position": 0, "layout": None, "started_at": base + timedelta(minutes=a),
             "finished_at": base + timedelta(minutes=a, seconds=600), "score": None} for a in range(attempts)])
        batch = []
        for a in range(attempts):
            skill = rng.random()
            for q in range(QUESTIONS_PER_ATTEMPT):
                right = rng.random() < (skill + q / 40) / 1.3
                batch.append({"attempt_id": a + 1, "question_id": f"q{q}", "question_hash": "h" * 64,
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

    raw = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE answer (id INTEGER PRIMARY KEY, attempt_id INT, question_id TEXT, question_hash TEXT,"
                " response TEXT, correct INT, score REAL, duration_ms INT, answered_at TEXT, try_number INT)")

    def bare() -> None:
        raw.execute("BEGIN")
        raw.execute("INSERT INTO answer (attempt_id, question_id, question_hash, response, correct, score, "
                    "duration_ms, answered_at, try_number) VALUES (?,?,?,?,?,?,?,?,?)",
                    (1, "q", "h" * 64, '{"selected": ["a"]}', 1, 1.0, 1234, "2026-01-01 00:00:00", 1))
        raw.execute("COMMIT")

    for fn in (ours, bare):  # warm up
        fn()
    ours_ms, bare_ms = [], []
    for _ in range(commits):  # alternate so that disk weather hits both alike
        ours_ms.append(median_ms(ours, 1))
        bare_ms.append(median_ms(bare, 1))
    return statistics.median(ours_ms), statistics.median(bare_ms)


def raw_item_query(path: Path) -> None:
    """The same two aggregates as Statistics.item_aggregates, written by hand for sqlite3."""
    conn = sqlite3.connect(path)
    conn.execute("SELECT lesson_id, COUNT(*), SUM(score), SUM(score * score) FROM attempt "
                 "WHERE finished_at IS NOT NULL GROUP BY lesson_id").fetchall()
    conn.execute("SELECT t.lesson_id, a.question_id, COUNT(*), SUM(a.score), SUM(a.score * t.score), "
                 "SUM(a.score * a.score) FROM answer a JOIN attempt t ON t.id = a.attempt_id "
                 "WHERE a.is_final AND t.finished_at IS NOT NULL GROUP BY t.lesson_id, a.question_id").fetchall()
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours, bare = answer_path(folder, args.commits)
        print(f"answer path (grade + durable commit), median of {args.commits}: "
              f"ours {ours * 1000:.0f} us, raw sqlite3 {bare * 1000:.0f} us, ratio {ours / bare:.2f}x (goal <= 2x)")
        big = folder / "big.sqlite3"
        seconds = populate(big, args.answers, random.Random(1))
        print(f"populated {args.answers:,} answers with Core executemany in {seconds:.1f} s")
        store = open_store(big)
        stats = Statistics(store.engine, str(big))
        report = ProgressReport(stats, [])
        rows = [
            ("item statistics (facility, discrimination)", report.item_statistics, lambda: raw_item_query(big)),
            ("one student's latest answers", lambda: stats.latest_answers(7), None),
            ("one student's finished attempts", lambda: stats.finished_attempts(7), None),
        ]
        print(f"{'query':46} {'ours ms':>9} {'raw sqlite3 ms':>15}")
        for name, fn, raw in rows:
            ours_q = median_ms(fn, args.runs)
            raw_q = f"{median_ms(raw, args.runs):15.0f}" if raw else f"{'-':>15}"
            print(f"{name:46} {ours_q:9.0f} {raw_q}")
        print("goal: every statistics query < 500 ms")


if __name__ == "__main__":
    main()
