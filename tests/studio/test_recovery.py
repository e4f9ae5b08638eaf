"""Unsaved editor text survives a crash in the recovery folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from irtutor.content.recovery import RecoveryFolder
from irtutor.paths import data_dir, recovery_dir
from tests.conftest import REPO

CHILD = """
import sys, time
from pathlib import Path
from irtutor.content.recovery import RecoveryFolder
folder = RecoveryFolder(Path(sys.argv[1]))
folder.save(Path(sys.argv[2]), "unsaved: ü\\n" * 3)
print("saved", flush=True)
time.sleep(60)
"""


def test_save_pending_discard(tmp_path: Path) -> None:
    assert recovery_dir() == data_dir() / "recovery"
    folder = RecoveryFolder(recovery_dir())
    assert folder.pending() == []
    page, quiz = tmp_path / "lesson" / "01-a.md", tmp_path / "lesson" / "quiz.yaml"
    folder.save(page, "first")
    folder.save(quiz, "quiz text")
    folder.save(page, "second")
    pending = folder.pending()
    assert [(r.original, r.text) for r in pending] == [(quiz, "quiz text"), (page, "second")]
    assert all(abs((datetime.now(UTC) - r.saved_at).total_seconds()) < 60 for r in pending)
    folder.discard(page)
    folder.discard(page)  # twice is fine
    assert [r.original for r in RecoveryFolder(recovery_dir()).pending()] == [quiz]


def test_a_damaged_entry_is_skipped(tmp_path: Path) -> None:
    folder = RecoveryFolder(tmp_path / "recovery")
    folder.save(tmp_path / "quiz.yaml", "kept")
    (tmp_path / "recovery" / "broken.json").write_text("{not json", encoding="utf-8")
    assert [r.text for r in folder.pending()] == ["kept"]


def test_text_saved_by_a_process_that_is_then_killed_is_found(tmp_path: Path) -> None:
    root, original = tmp_path / "recovery", tmp_path / "lesson" / "03-page.md"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(root), str(original)],
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "saved"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    recovered = RecoveryFolder(root).pending()
    assert [(r.original, r.text) for r in recovered] == [(original, "unsaved: ü\n" * 3)]
