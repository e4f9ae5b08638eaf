"""Shared test set-up: headless Qt, a private data folder per test, no leaked windows."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

# Before any Qt import, so the suite runs headless; .ci/run also runs some tests under Xvfb with "xcb".
os.environ["QT_QPA_PLATFORM"] = os.environ.get("IRTUTOR_TEST_QT_PLATFORM", "offscreen")

import pytest

REPO = Path(__file__).resolve().parent.parent
LESSONS = REPO / "lessons"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data folder; nothing touches the real user's answers."""
    folder = tmp_path / "data"
    monkeypatch.setenv("IRTUTOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_leaked_windows(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a visible top-level window behind (qtbot.addWidget closes them)."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    app.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in leaked:
        widget.close()
    assert not leaked, f"test left windows open: {[type(w).__name__ for w in leaked]}"


@pytest.fixture
def lesson_copy(tmp_path: Path) -> Path:
    """A writable copy of the real lessons folder, for tests that edit or break a lesson."""
    target = tmp_path / "lessons"
    shutil.copytree(LESSONS, target)
    return target
