"""README.md keeps its promises: CI runs its test line, and its lesson example is a valid lesson."""

from __future__ import annotations

import re
from pathlib import Path

from irtutor.content.lesson_loader import load_lesson
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def command_after(heading: str) -> str:
    section = README.split(f"## {heading}", 1)[1]
    return next(line.strip() for line in section.splitlines() if line.startswith("    "))


def test_ci_runs_the_readme_test_line_verbatim() -> None:
    test_line = command_after("Run the whole test suite")
    assert "pytest" in test_line
    ci_lines = [line.strip() for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert test_line in ci_lines


def test_the_run_line_installs_and_starts_the_app() -> None:
    run_line = command_after("Install and start")
    assert "pip install ." in run_line and run_line.endswith("irtutor")


def test_the_five_minute_lesson_example_loads(tmp_path: Path) -> None:
    section = README.split("## Write a lesson in five minutes", 1)[1].split("\n## ", 1)[0]
    blocks = dict(zip(["lesson.yaml", "01-first-page.md", "quiz.yaml"],
                      re.findall(r"```(?:yaml|markdown)\n(.*?)```", section, re.S), strict=True))
    folder = tmp_path / "my-lesson"
    folder.mkdir()
    for name, text in blocks.items():
        (folder / name).write_text(text, encoding="utf-8")
    lesson, problems = load_lesson(folder)
    assert problems == []
    assert lesson is not None and [q.id for q in lesson.questions] == ["blockade-start", "airlift-true"]
