"""A small valid lesson written into a folder, for tests that break one file at a time."""

from __future__ import annotations

from pathlib import Path

LESSON_YAML = """\
format: 1
id: mini
title: Mini lesson
summary: A tiny lesson used by the tests.
order: 1
objectives:
  - Learn one thing.
sources:
  src:
    title: A source
    publisher: Someone
terms:
  Article 5: Collective defence.
"""

PAGE = """\
# Introduction

Text about [[Article 5]] with a citation[^src].
"""

QUIZ_YAML = """\
questions:
  - id: q1
    kind: single_choice
    prompt: Pick A.
    options:
      - text: A
        correct: true
      - text: B
    explanation: A is right.
    page: 01-intro
    source: src
"""

FILES = {"lesson.yaml": LESSON_YAML, "01-intro.md": PAGE, "quiz.yaml": QUIZ_YAML}


def write_lesson(root: Path, overrides: dict[str, str | bytes] | None = None) -> Path:
    """Write the minimal lesson as root/mini, replacing any file named in `overrides`."""
    folder = root / "mini"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in {**FILES, **(overrides or {})}.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (folder / name).write_bytes(data)
    return folder
