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

# One question of every kind beyond the choice kinds, each in its quiz.yaml form.
ALL_KINDS_QUIZ = """\
questions:
  - id: members
    kind: numeric
    prompt: How many members does NATO have?
    answer: 32
    tolerance: 0
    unit: members
    explanation: Sweden became the 32nd in 2024.
    page: 01-intro
  - id: rival
    kind: short_text
    prompt: Which state led the Warsaw Pact?
    answers:
      - USSR
      - Soviet Union
      - {text: Russia, credit: 0.5}
    explanation: The Soviet Union led it.
    page: 01-intro
  - id: joined
    kind: matching
    prompt: When did each state join?
    pairs:
      - {left: Finland, right: "2023"}
      - {left: Sweden, right: 2024}
    distractors: ["2022"]
    explanation: Finland joined first.
    page: 01-intro
  - id: chronology
    kind: ordering
    prompt: Put these in order, earliest first.
    items: [Brussels Treaty, Berlin blockade, Washington Treaty]
    grading: absolute_position
    explanation: March 1948, June 1948, April 1949.
    page: 01-intro
  - id: founding
    kind: cloze
    prompt: Fill the gaps.
    text: "NATO was founded in {{1949}} by {{twelve|twenty|eight}} states."
    explanation: Twelve states signed in 1949.
    page: 01-intro
  - id: founders
    kind: multiple_choice
    prompt: Which were founding members?
    options:
      - {text: France, correct: true, weight: 50}
      - {text: Norway, correct: true, weight: 50}
      - {text: Sweden, weight: -50}
    explanation: Sweden joined in 2024.
    page: 01-intro
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
