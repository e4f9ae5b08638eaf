"""Crash tests of the storage API: SIGKILL a process that is starting up or recording answers, then
check nothing acknowledged is lost and the file opens.

Kill trials: a child (tests/durability_child.py, forked by its `--serve` fork server, so a trial
costs a fork rather than a Python start-up) records answers through `Store.record_answer` and prints
each answer id only after the call returned, i.e. after its commit. The parent kills it with SIGKILL
after a random number of acknowledged answers plus a random delay of up to a few milliseconds, so
kills also land in the middle of the next transaction. After every kill the database must pass
`PRAGMA integrity_check`, hold every acknowledged answer with the right question id, and open again
through `open_store` (migrations included).

Trials run in two lanes in parallel, each lane killing child after child on its own database file,
so later trials also start from a file that an earlier trial left crashed. Set
IRTUTOR_DURABILITY_SEED to replay a run and IRTUTOR_DURABILITY_TRIALS to run more (or fewer) trials.

First-start kills: a child started afresh stops at a start-up phase named in its environment and
says so; the parent kills it there, checks the file is as that phase leaves it, and starts afresh.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from irtutor.storage.migrate import known_revisions

if TYPE_CHECKING:
    from irtutor.storage.stores import Store

REPO = Path(__file__).resolve().parent.parent
CHILD = "tests.durability_child"
# Started from the repository with PYTHONPATH naming it: the code under test is this tree's, not
# whatever copy of irtutor happens to be installed.
CHILD_ENV = {**os.environ, "PYTHONPATH": str(REPO)}
TRIALS = int(os.environ.get("IRTUTOR_DURABILITY_TRIALS", "200"))
LANES = 2
MAX_ACKS = 40
MAX_DELAY_S = 0.005
LANE_TIMEOUT_S = 300.0

# Alembic configures its `context` module globally while it runs, so two threads must not migrate at once.
_migrate_lock = threading.Lock()


def question_id(trial: int, n: int) -> str:
    # Same scheme as durability_child.question_id; not imported, so the test reads its own expectations.
    return f"t{trial}-q{n}"


@dataclass
class Lane:
    """One database file and the trials run against it, one after another."""

    db: Path
    rng: random.Random
    trials: list[int]
    acked: dict[int, str] = field(default_factory=dict)  # every acknowledged answer id -> its question id
    kills: int = 0
    extra: int = 0  # answers committed but killed before the child could print their id (allowed)
    lost: int = 0
    failures: list[str] = field(default_factory=list)


def start_server(stderr_path: Path) -> subprocess.Popen[bytes]:
    with stderr_path.open("wb") as stderr:
        return subprocess.Popen([sys.executable, "-m", CHILD, "--serve"], cwd=REPO, env=CHILD_ENV,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)


def run_child_until_killed(lane: Lane, trial: int, server: subprocess.Popen[bytes], stderr_path: Path) -> list[int]:
    """Fork a child, kill it after a random number of acknowledgements, return every id it printed."""
    target = lane.rng.randint(1, MAX_ACKS)
    delay = lane.rng.uniform(0.0, MAX_DELAY_S)
    assert server.stdin is not None and server.stdout is not None
    server.stdin.write(f"{lane.db} {trial}\n".encode())
    server.stdin.flush()
    first = server.stdout.readline()
    if not first.startswith(b"pid "):
        raise AssertionError(f"trial {trial}: no child forked ({first!r}): {_tail(stderr_path)}")
    pid = int(first.split()[1])
    lines: list[bytes] = []
    while len(lines) < target:
        line = server.stdout.readline()
        if not line or line.startswith(b"end "):
            raise AssertionError(f"trial {trial}: child ended after {len(lines)} of {target} answers "
                                 f"({line!r}): {_tail(stderr_path)}")
        lines.append(line)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)  # no atexit, no finally, no flush; just what the kernel and disk hold
    rest: list[bytes] = []  # ids printed between reaching the target and the kill count too
    while not (line := server.stdout.readline()).startswith(b"end "):
        if not line:
            raise AssertionError(f"trial {trial}: the fork server died: {_tail(stderr_path)}")
        rest.append(line)
    if line.split()[1] != b"-9":
        raise AssertionError(f"trial {trial}: child was not killed by SIGKILL ({line!r}): {_tail(stderr_path)}")
    text = b"".join(lines + rest)
    complete = text[: text.rfind(b"\n") + 1]  # a line cut off by the kill was never acknowledged
    return [int(x) for x in complete.decode("ascii").split()]


def _tail(path: Path) -> str:
    return path.read_text(errors="replace")[-2000:]


def check_with_sqlite(lane: Lane, trial: int, ids: list[int]) -> list[str]:
    """Open the crashed file with the sqlite3 module: integrity, every acknowledged answer, a clean prefix."""
    problems: list[str] = []
    conn = sqlite3.connect(lane.db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:5]}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk[:5]}")
        stored = dict(conn.execute("SELECT id, question_id FROM answer").fetchall())
        this_trial = [row[0] for row in conn.execute(
            "SELECT answer.question_id FROM answer JOIN attempt ON answer.attempt_id = attempt.id "
            "WHERE attempt.lesson_id = ? ORDER BY answer.id", (f"lesson-{trial}",))]
    finally:
        conn.close()
    for answer_id, qid in lane.acked.items():  # this trial's and every earlier trial's on the same file
        if stored.get(answer_id) != qid:
            lane.lost += 1
            problems.append(f"acknowledged answer {answer_id} ({qid}) is {stored.get(answer_id)!r} after the kill")
    # Commits are sequential and atomic: the trial's answers are q0..q(m-1), and at most one of them
    # (the one committed just before the kill) may be missing its printed acknowledgement.
    expected_prefix = [question_id(trial, n) for n in range(len(this_trial))]
    if this_trial != expected_prefix:
        problems.append(f"answers stored for trial {trial} are not a clean prefix: {this_trial[:50]}")
    elif not len(ids) <= len(this_trial) <= len(ids) + 1:
        problems.append(f"{len(this_trial)} answers stored for {len(ids)} acknowledged")
    else:
        lane.extra += len(this_trial) - len(ids)
    return problems


def check_with_open_store(lane: Lane, trial: int, ids: list[int]) -> list[str]:
    """Open the crashed file the way the app does (migrations run) and read the attempt back."""
    from irtutor.storage.database import open_store

    with _migrate_lock:
        store = open_store(lane.db)
    try:
        profiles = {p.name: p for p in store.profiles()}
        profile = profiles.get(f"student-{trial}")
        if profile is None:
            return [f"profile student-{trial} missing after the kill"]
        attempt = store.open_attempt(profile.id, f"lesson-{trial}")
        got = [a.question_id for a in attempt.answers]
        want = [question_id(trial, n) for n in range(len(ids))]
        if got[: len(want)] != want:
            return [f"open_store reads back {got[:50]} for trial {trial}, expected to start with {want}"]
        return []
    finally:
        store.engine.dispose()


def run_lane(lane: Lane, logs: Path) -> Lane:
    stderr_path = logs / f"{lane.db.stem}-server.stderr"
    server = start_server(stderr_path)
    # A child that hangs would hang the lane: the watchdog ends the server, and its pipe with it.
    watchdog = threading.Timer(LANE_TIMEOUT_S, server.kill)
    watchdog.start()
    try:
        return run_trials(lane, server, stderr_path)
    finally:
        watchdog.cancel()
        server.kill()
        server.wait()
        for pipe in (server.stdin, server.stdout):
            if pipe is not None:
                pipe.close()


def run_trials(lane: Lane, server: subprocess.Popen[bytes], stderr_path: Path) -> Lane:
    for trial in lane.trials:
        try:
            ids = run_child_until_killed(lane, trial, server, stderr_path)
        except AssertionError as exc:
            lane.failures.append(str(exc))
            return lane
        lane.kills += 1
        for n, answer_id in enumerate(ids):
            lane.acked[answer_id] = question_id(trial, n)
        problems = check_with_sqlite(lane, trial, ids) or check_with_open_store(lane, trial, ids)
        if problems:
            lane.failures.extend(f"trial {trial} ({lane.db.name}): {p}" for p in problems)
            return lane  # later trials on a broken file would only repeat the news
    return lane


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL, which Windows does not have")
def test_acknowledged_answers_survive_sigkill(tmp_path: Path) -> None:
    seed = int(os.environ.get("IRTUTOR_DURABILITY_SEED") or random.SystemRandom().randrange(2**32))
    lanes = [Lane(tmp_path / f"lane{i}.sqlite3", random.Random(f"{seed}:{i}"), list(range(i, TRIALS, LANES)))
             for i in range(LANES)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=LANES) as pool:
        done = list(pool.map(lambda lane: run_lane(lane, tmp_path), lanes))
    elapsed = time.perf_counter() - started

    kills = sum(lane.kills for lane in done)
    acked = sum(len(lane.acked) for lane in done)
    lost = sum(lane.lost for lane in done)
    extra = sum(lane.extra for lane in done)
    failures = [f for lane in done for f in lane.failures]
    integrity = "integrity ok" if not any("integrity_check" in f for f in failures) else "INTEGRITY FAILED"
    summary = (f"durability: {kills} kills, {acked} acknowledged answers, {lost} lost, {integrity} "
               f"({extra} committed but unacknowledged; seed {seed}; {elapsed:.1f} s; "
               f"replay with IRTUTOR_DURABILITY_SEED={seed})")
    print(f"\n{summary}")
    assert not failures, summary + "\n" + "\n".join(failures[:20])
    assert kills == TRIALS, summary


def killed_at(phase: str, db: Path, trial: int, acks: int = 0) -> list[int]:
    """Start a child afresh, let it run to `phase` (and `acks` answers past it), SIGKILL it there.
    Returns the acknowledged answer ids."""
    env = CHILD_ENV | {"IRTUTOR_DURABILITY_PAUSE": phase if not acks else "none"}
    proc = subprocess.Popen([sys.executable, "-m", CHILD, str(db), str(trial)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    try:
        seen = []
        while f"phase {phase}" not in seen:
            line = proc.stdout.readline().decode().strip()
            assert line, f"the child ended before {phase}, after {seen}: {proc.stderr.read().decode()[-2000:]}"
            seen.append(line)
        ids = [int(proc.stdout.readline()) for _ in range(acks)]
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return ids


def revision_and_tables(db: Path) -> tuple[str | None, set[str]]:
    """What the killed child left, read without migrating anything."""
    with closing(sqlite3.connect(db)) as conn:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone() if tables else None
    return (revision[0] if revision else None), tables


def assert_a_fresh_start_finds_everything(db: Path, trial: int, acked: list[int]) -> Store:
    from irtutor.storage.database import open_store
    from irtutor.storage.migrate import current_revision, head_revision

    store = open_store(db)
    assert current_revision(store.engine) == head_revision()
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = dict(conn.execute("SELECT id, question_id FROM answer").fetchall())
    assert [stored.get(i) for i in acked] == [question_id(trial, n) for n in range(len(acked))]
    return store


FIRST_START_PHASES = ["start", *(f"migrating:{r}" for r in known_revisions()), "opened", "answering"]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL, which Windows does not have")
@pytest.mark.parametrize("phase", FIRST_START_PHASES)
def test_killed_during_first_start_leaves_a_database_that_opens(tmp_path: Path, phase: str) -> None:
    db = tmp_path / "irtutor.sqlite3"

    acked = killed_at("opened", db, 1, acks=5) if phase == "answering" else killed_at(phase, db, 1)

    if phase == "start":
        assert not db.exists()
    elif phase.startswith("migrating:"):
        # Each revision is applied in its own transaction (Alembic commits per revision on SQLite):
        # killed inside one, the file is left whole at the revision before it.
        revisions = known_revisions()
        before = revisions.index(phase.split(":")[1]) - 1
        revision, tables = revision_and_tables(db)
        assert revision == (revisions[before] if before >= 0 else None)
        assert tables if before >= 0 else tables == set()
    else:
        revision, tables = revision_and_tables(db)
        assert revision == known_revisions()[-1] and {"profile", "attempt", "answer"} <= tables
    assert len(acked) == (5 if phase == "answering" else 0)
    assert_a_fresh_start_finds_everything(db, 1, acked).engine.dispose()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL, which Windows does not have")
def test_killed_while_upgrading_an_older_database_loses_nothing(tmp_path: Path) -> None:
    from tests.storage.old_database import EXPECTED, fixture_lessons, restore_old_database, summary

    db = tmp_path / "irtutor.sqlite3"
    restore_old_database(db)
    newest = known_revisions()[-1]

    killed_at(f"migrating:{newest}", db, 1)

    assert revision_and_tables(db)[0] == known_revisions()[-2]  # the cut-short revision rolled back whole
    store = assert_a_fresh_start_finds_everything(db, 1, [])
    try:
        assert summary(store, fixture_lessons()) == json.loads(EXPECTED.read_text())
    finally:
        store.engine.dispose()
