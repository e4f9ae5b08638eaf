"""Two copies of IR Tutor on one database (two windows, or a shared classroom folder): no write is refused."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from irtutor.storage.database import open_store

WRITER = Path(__file__).resolve().with_name("concurrent_writer.py")
REPO = Path(__file__).resolve().parents[2]
COUNT = 200


def start_writer(db: Path, name: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, str(WRITER), str(db), name, str(COUNT)], env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_processes_writing_at_once_both_save_everything(tmp_path: Path) -> None:
    db = tmp_path / "irtutor.sqlite3"
    open_store(db).engine.dispose()  # the file exists and is migrated before either copy starts
    writers = [start_writer(db, name) for name in ("ana", "ben")]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n", writer.communicate()[1]
    for writer in writers:  # release both at once, so that their writes interleave
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    results = [writer.communicate(timeout=120) for writer in writers]
    assert [w.returncode for w in writers] == [0, 0], [err[-2000:] for _out, err in results]
    with sqlite3.connect(db) as conn:
        answers = conn.execute("SELECT question_id FROM answer ORDER BY id").fetchall()
        settings = dict(conn.execute("SELECT key, value FROM setting").fetchall())
        logs = conn.execute("SELECT count(*) FROM review_log").fetchone()[0]
    for name in ("ana", "ben"):
        mine = [qid for (qid,) in answers if qid.startswith(f"{name}-")]
        assert mine == [f"{name}-q{n}" for n in range(COUNT)]
        assert all(settings[f"{name}-{n}"] == str(n) for n in range(COUNT))
    assert logs == 2 * COUNT
