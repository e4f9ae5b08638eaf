"""The victim process for tests/test_durability.py: records answers until it is killed.

Usage: python durability_child.py DB_PATH TRIAL

Opens the store on DB_PATH (running migrations), creates a profile and an attempt for TRIAL, then
records answers `t<TRIAL>-q0`, `t<TRIAL>-q1`, ... one after another through `Store.record_answer`
and prints each returned answer id on its own line, flushed, only after record_answer returned,
that is after its commit. A printed id is therefore a promise that the answer is on disk.
"""

from __future__ import annotations

import sys
from pathlib import Path

from irtutor.core.attempts import StoredAnswer
from irtutor.core.questions import Response
from irtutor.storage.database import open_store

LIMIT = 100_000  # far more than any trial waits for: the parent kills the child long before


def question_id(trial: int, n: int) -> str:
    return f"t{trial}-q{n}"


def main(argv: list[str]) -> int:
    db_path, trial = Path(argv[0]), int(argv[1])
    store = open_store(db_path)
    profile = store.add_profile(f"student-{trial}")
    attempt = store.open_attempt(profile.id, f"lesson-{trial}")
    out = sys.stdout
    for n in range(LIMIT):
        answer = StoredAnswer(question_id(trial, n), f"{n:064x}", Response.of("a", str(n % 3)), 1.0, n % 2 == 0)
        answer_id = store.record_answer(attempt.id, answer, duration_ms=n)
        out.write(f"{answer_id}\n")
        out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
