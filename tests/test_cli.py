"""`irtutor check`: file:line:col problems for instructors, exit 0 when clean and 1 when not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import LESSONS
from tests.content.minimal_lesson import QUIZ_YAML, write_lesson


def irtutor(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "irtutor", *args], capture_output=True, text=True)


def test_shipped_lessons_are_clean() -> None:
    result = irtutor("check", str(LESSONS))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("problem(s)") and ", 0 problem(s)" in result.stdout


def test_problems_are_listed_with_positions_and_exit_1(tmp_path: Path) -> None:
    write_lesson(tmp_path / "good")
    bad = write_lesson(tmp_path / "bad", {"quiz.yaml": QUIZ_YAML.replace("single_choice", "essay")})
    result = irtutor("check", str(tmp_path / "good"), str(tmp_path / "bad"))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{bad / 'quiz.yaml'}:3:11: unknown question kind 'essay'; use one of: single_choice, multiple_choice, "
        "true_false, numeric, short_text, matching, ordering, cloze, "
        "map_selection, timeline_placement",
        "1 lesson(s) OK, 1 problem(s)",
    ]


def test_a_missing_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    result = irtutor("check", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert f"{tmp_path / 'nowhere'}:1:1: no such file or folder" in result.stdout
