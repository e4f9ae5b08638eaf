"""A student outside UTC sees their own clock times in the attempts list, the review and the chart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import REPO

WINTER = datetime(2026, 1, 15, 20, 0, tzinfo=UTC)  # a Thursday
SUMMER = datetime(2026, 7, 1, 20, 0, tzinfo=UTC)  # a Wednesday; Los Angeles is on daylight time


def shown_in(zone: str, folder: Path) -> dict:
    env = {**os.environ, "TZ": zone, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "tests.ui.local_times_child", str(folder), WINTER.isoformat(),
                           SUMMER.isoformat()], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.skipif(sys.platform == "win32", reason="TZ names a zone only on POSIX")
@pytest.mark.parametrize(("zone", "winter", "summer", "winter_label", "summer_label"), [
    ("America/Los_Angeles", "15 Jan 2026, 12:00", "01 Jul 2026, 13:00", "Thu 15 12:00", "Wed 01 13:00"),
    ("Asia/Kolkata", "16 Jan 2026, 01:30", "02 Jul 2026, 01:30", "Fri 16 01:30", "Thu 02 01:30"),
])
def test_times_are_shown_on_the_students_clock(tmp_path: Path, zone: str, winter: str, summer: str,
                                               winter_label: str, summer_label: str) -> None:
    shown = shown_in(zone, tmp_path)

    # Newest attempt first; the review of the newest names its own time.
    assert [row.split(" · ")[0] for row in shown["list"]] == [summer, winter]
    assert shown["review"] == f"Practice attempt, {summer}"
    assert shown["chart_x"] == [WINTER.timestamp(), SUMMER.timestamp()]
    assert shown["chart_labels"] == [winter_label, summer_label]
