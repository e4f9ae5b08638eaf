"""Command-line tools for instructors. Never imports Qt, so `irtutor check` runs anywhere."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from irtutor.content.catalog import load_lessons
from irtutor.content.summaries import LESSON_FILE, lesson_folders
from irtutor.paths import builtin_lessons_dir


def check(paths: list[str], out: TextIO = sys.stdout) -> int:
    """Print every problem as file:line:col: message; 0 when all lessons are clean, 1 otherwise."""
    roots = [Path(p) for p in paths] or [builtin_lessons_dir()]
    unusable = {root: why for root in roots if (why := _not_lessons(root))}
    for root, why in unusable.items():
        print(f"{root}:1:1: {why}", file=out)
    loaded = load_lessons([r for r in roots if r not in unusable], strict=True)
    for problem in sorted(loaded.problems):
        print(problem, file=out)
    problems = len(loaded.problems) + len(unusable)
    summary = f"{len(loaded.lessons)} lesson(s) OK, {problems} problem(s)"
    print(summary, file=out if problems else sys.stdout)
    return 1 if problems else 0


def _not_lessons(root: Path) -> str:
    """Why `root` holds no lesson to check; empty when it does."""
    if not root.exists():
        return "no such file or folder"
    if not root.is_dir():
        return f"this is a file; give the lesson folder that holds it (the folder with {LESSON_FILE})"
    if not lesson_folders([root]):
        return f"no lesson here: a lesson is a folder with a {LESSON_FILE}, or give a folder of such folders"
    return ""
