"""A second app instance for tests/storage/test_concurrency.py: writes answers and settings as fast as it can.

Usage: python concurrent_writer.py DB_PATH NAME COUNT

Opens the store on DB_PATH, creates profile NAME and an attempt, prints "ready" and waits for a line
on stdin, so that every writer starts at the same moment. Then, COUNT times, records an answer with
the review-card update it causes (the card is read before it is written, as in the quiz) and saves a
setting. A SaveFailed ends the process with exit code 1 and the message on stderr.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from irtutor.core.attempts import StoredAnswer
from irtutor.core.errors import SaveFailed
from irtutor.core.questions import Response
from irtutor.core.review import CardPhase, ReviewCardState, ReviewLogEntry, ReviewRating, ReviewSource, ReviewUpdate
from irtutor.storage.database import open_store


def review(profile_id: int, lesson_id: str, question_id: str) -> ReviewUpdate:
    now = datetime.now(UTC)
    return ReviewUpdate(profile_id, lesson_id, question_id, ReviewCardState(CardPhase.LEARNING, 0, 1.0, 5.0, now, now),
                        ReviewLogEntry(ReviewRating.GOOD, now, 1000, ReviewSource.QUIZ))


def main(argv: list[str]) -> int:
    db_path, name, count = Path(argv[0]), argv[1], int(argv[2])
    store = open_store(db_path)
    profile = store.add_profile(name)
    attempt = store.open_attempt(profile.id, f"lesson-{name}")
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        for n in range(count):
            answer = StoredAnswer(f"{name}-q{n}", f"{n:064x}", Response.of("a", str(n % 3)), 1.0, True)
            store.record_answer(attempt.id, answer, 1000, review(profile.id, attempt.lesson_id, f"{name}-q{n % 7}"))
            store.set_setting(f"{name}-{n}", str(n))
    except SaveFailed as exc:
        print(f"{name}: write {n} failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
