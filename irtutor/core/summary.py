"""What the lesson list needs before any lesson is opened; kept apart so start-up imports little."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LessonSummary:
    id: str
    title: str
    summary: str
    order: int
    folder: str
