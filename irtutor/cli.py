"""Command-line tools for instructors. Never imports Qt, so `irtutor check` runs anywhere."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from irtutor.content.catalog import load_lessons
from irtutor.paths import builtin_lessons_dir


def check(paths: list[str], out: TextIO = sys.stdout) -> int:
    """Print every problem as file:line:col: message; 0 when all lessons are clean, 1 otherwise."""
    roots = [Path(p) for p in paths] or [builtin_lessons_dir()]
    missing = [r for r in roots if not r.exists()]
    for root in missing:
        print(f"{root}:1:1: no such file or folder", file=out)
    loaded = load_lessons([r for r in roots if r.exists()])
    for problem in sorted(loaded.problems):
        print(problem, file=out)
    problems = len(loaded.problems) + len(missing)
    summary = f"{len(loaded.lessons)} lesson(s) OK, {problems} problem(s)"
    print(summary, file=out if problems else sys.stdout)
    return 1 if problems else 0
