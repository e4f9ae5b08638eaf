"""One practice answer, submitted through the real QuizSession, against raw sqlite3 doing the same writes.

    .venv/bin/python tests/benchmarks/bench_submit.py [--submits 300] [--dir DIR]

Both sides write to their own SQLite file (in DIR, default the system temp folder; use a real disk,
since fsync is most of the cost) at the current schema, with the app's pragmas (WAL, synchronous=FULL).
A submit on our side is `QuizSession.submit` in practice mode with the review queue attached, as the
app runs it: grade, plan the question's review card with FSRS, and commit the answer with its card.
The raw side does the same grading and FSRS scheduling and, in one transaction, the same statements:
read the card, upsert it, log the review, supersede the earlier try, insert the answer. The two
alternate, cycling through the questions of one lesson, so that disk weather hits both alike.
Prints median and p90 of each and the ratio of medians. Goal: ours <= 3x raw.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from fsrs import Card, Rating, State

from irtutor.content.lesson_loader import load_lesson
from irtutor.core.grading import grade
from irtutor.core.questions import Question
from irtutor.core.quiz_settings import QuizMode
from irtutor.core.review import rating_for
from irtutor.services.quiz_session import QuizSession
from irtutor.services.review_queue import ReviewQueue, default_scheduler
from irtutor.storage.database import open_store
from irtutor.storage.review_store import ReviewStore

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # for tests.right_answers when run as a script

from tests.right_answers import right_response  # noqa: E402

_READ_CARD = ("SELECT state, step, stability, difficulty, due, last_review FROM review_card "
              "WHERE profile_id = ? AND lesson_id = ? AND question_id = ?")
_UPSERT_CARD = ("INSERT INTO review_card (profile_id, lesson_id, question_id, state, step, stability, difficulty, "
                "due, last_review) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (profile_id, lesson_id, question_id) "
                "DO UPDATE SET state = excluded.state, step = excluded.step, stability = excluded.stability, "
                "difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review "
                "RETURNING id")
_LOG = "INSERT INTO review_log (card_id, rating, reviewed_at, duration_ms, source) VALUES (?,?,?,?,?)"
_SUPERSEDE = "UPDATE answer SET is_final = 0 WHERE attempt_id = ? AND question_id = ? AND is_final"
_ANSWER = ("INSERT INTO answer (attempt_id, question_id, question_hash, response, correct, score, duration_ms, "
           "answered_at, try_number, is_final) VALUES (?,?,?,?,?,?,?,?,?,1)")


_STATES = {state.name.lower(): state for state in State}


def _aware(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def ours(folder: Path) -> Callable[[Question], None]:
    lesson, _ = load_lesson(REPO / "lessons" / "nato-origins")
    assert lesson is not None
    store = open_store(folder / "ours.sqlite3")
    queue = ReviewQueue(ReviewStore(store.engine, store.where))
    session = QuizSession.start(store, lesson, store.add_profile("bench"), QuizMode.PRACTICE, seed=1,
                                review_queue=queue)
    return lambda question: session.submit(question.id, right_response(question), 4000) and None


def raw(folder: Path) -> Callable[[Question], None]:
    """The same writes by hand: the schema comes from our migrations, the rest is sqlite3."""
    store = open_store(folder / "raw.sqlite3")
    profile = store.add_profile("bench")
    attempt = store.start_attempt(profile.id, "nato-origins", "practice", None)
    store.engine.dispose()
    conn = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
        conn.execute(f"PRAGMA {pragma}")
    scheduler = default_scheduler()
    tries: dict[str, int] = {}

    def submit(question: Question) -> None:
        response = right_response(question)
        outcome = grade(question, response)
        now = datetime.now(UTC)
        stamp = now.replace(tzinfo=None).isoformat(" ")
        tries[question.id] = tries.get(question.id, 0) + 1
        key = (profile.id, "nato-origins", question.id)
        conn.execute("BEGIN IMMEDIATE")
        row = conn.execute(_READ_CARD, key).fetchone()
        card = Card(card_id=0, due=now) if row is None else Card(
            card_id=0, state=_STATES[row[0]], step=row[1], stability=row[2], difficulty=row[3],
            due=_aware(row[4]), last_review=_aware(row[5]) if row[5] else None)
        rating = rating_for(outcome.score, 4000)
        card, _log = scheduler.review_card(card, Rating(int(rating)), now, 4000)
        last = card.last_review.replace(tzinfo=None).isoformat(" ") if card.last_review else None
        card_id = conn.execute(_UPSERT_CARD, (*key, card.state.name.lower(), card.step, card.stability,
                                              card.difficulty, card.due.replace(tzinfo=None).isoformat(" "),
                                              last)).fetchone()[0]
        conn.execute(_LOG, (card_id, int(rating), stamp, 4000, "quiz"))
        conn.execute(_SUPERSEDE, (attempt.id, question.id))
        conn.execute(_ANSWER, (attempt.id, question.id, question.content_hash(), json.dumps(response.to_json()),
                               outcome.correct, outcome.score, 4000, stamp, tries[question.id]))
        conn.execute("COMMIT")

    return submit


def summary(name: str, times: list[float]) -> str:
    p90 = statistics.quantiles(times, n=10)[-1]
    return f"{name:36} median {statistics.median(times):6.2f} ms   p90 {p90:6.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submits", type=int, default=300)
    parser.add_argument("--dir", type=Path, default=None, help="where the two database files go")
    args = parser.parse_args()
    lesson, _ = load_lesson(REPO / "lessons" / "nato-origins")
    assert lesson is not None
    questions = lesson.questions
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        sides = {"ours (QuizSession.submit, practice)": ours(Path(tmp)), "raw sqlite3": raw(Path(tmp))}
        times: dict[str, list[float]] = {name: [] for name in sides}
        for n in range(args.submits + len(questions)):
            for name, submit in sides.items():
                started = time.perf_counter()
                submit(questions[n % len(questions)])
                if n >= len(questions):  # the first round creates the cards: warm-up, not timed
                    times[name].append((time.perf_counter() - started) * 1000)
        print(f"{args.submits} practice submits each, alternating, in {tmp}")
        for name, measured in times.items():
            print(summary(name, measured))
        ratio = statistics.median(times[next(iter(sides))]) / statistics.median(times["raw sqlite3"])
        print(f"ratio of medians: {ratio:.2f}x (goal <= 3x)")


if __name__ == "__main__":
    main()
