"""The victim process for tests/test_durability.py: records answers until it is killed.

Usage (from the repository root, with PYTHONPATH naming it, so the code under test is this tree's):

    python -m tests.durability_child DB_PATH TRIAL
    python -m tests.durability_child --serve

Opens the store on DB_PATH (running migrations), creates a profile and an attempt for TRIAL, then
records answers `t<TRIAL>-q0`, `t<TRIAL>-q1`, ... one after another through `Store.record_answer`
and prints each returned answer id on its own line, flushed, only after record_answer returned,
that is after its commit. A printed id is therefore a promise that the answer is on disk.

With IRTUTOR_DURABILITY_PAUSE set, the child also prints `phase <name>` as it reaches each
start-up phase, and stops for good (until killed) at the one named: `start` (before the database
is opened), `migrating:<revision>` (inside the migration transaction, just as Alembic records that
revision as done) or `opened` (open_store returned). The parent reads the line, then kills: the
phase of the kill is chosen, not guessed from a delay.

`--serve` is a fork server for the many kill trials: it imports everything once, then for each
"DB_PATH TRIAL" line on stdin forks a child that prints `pid <n>` and runs as above; when that
child has died it prints `end <signal>`. A trial then costs a fork, not a Python start-up.
"""

from __future__ import annotations

import os
import re
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from irtutor.core.attempts import StoredAnswer
from irtutor.core.questions import Response
from irtutor.storage.database import open_store

LIMIT = 100_000  # far more than any trial waits for: the parent kills the child long before
PAUSE = "IRTUTOR_DURABILITY_PAUSE"


def question_id(trial: int, n: int) -> str:
    return f"t{trial}-q{n}"


def reach(phase: str) -> None:
    """Announce a phase when asked to, and stop there if it is the chosen one."""
    chosen = os.environ.get(PAUSE)
    if chosen is None:
        return
    print(f"phase {phase}", flush=True)
    if phase == chosen:
        threading.Event().wait()  # until SIGKILL


def _watch_migrations(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
    # Alembic records each applied revision in alembic_version as a literal, the new one first:
    # INSERT ... VALUES ('0001'), then UPDATE ... SET version_num='0002' WHERE ... = '0001'.
    recorded = re.match(r"\s*(INSERT INTO|UPDATE) alembic_version\b[^']*'([^']+)'", statement)
    if recorded:
        reach(f"migrating:{recorded.group(2)}")


def main(db_path: Path, trial: int) -> int:
    if os.environ.get(PAUSE):
        event.listen(Engine, "before_cursor_execute", _watch_migrations)
    reach("start")
    store = open_store(db_path)
    reach("opened")
    profile = store.add_profile(f"student-{trial}")
    attempt = store.open_attempt(profile.id, f"lesson-{trial}")
    out = sys.stdout
    for n in range(LIMIT):
        answer = StoredAnswer(question_id(trial, n), f"{n:064x}", Response.of("a", str(n % 3)), 1.0, n % 2 == 0)
        answer_id = store.record_answer(attempt.id, answer, duration_ms=n)
        out.write(f"{answer_id}\n")
        out.flush()
    return 0


def serve() -> int:
    for request in sys.stdin:
        db_path, trial = request.split()
        pid = os.fork()
        if pid == 0:
            print(f"pid {os.getpid()}", flush=True)
            try:
                main(Path(db_path), int(trial))
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            os._exit(1)
        _, status = os.waitpid(pid, 0)
        print(f"end {-os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(serve() if sys.argv[1:] == ["--serve"] else main(Path(sys.argv[1]), int(sys.argv[2])))
