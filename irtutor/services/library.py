"""The lessons the app has loaded, and the problems that kept others out."""

from __future__ import annotations

from pathlib import Path

from irtutor.content.catalog import load_lessons
from irtutor.core.lesson import Lesson
from irtutor.core.problems import Problem


class Library:
    def __init__(self, roots: list[Path], cache_file: Path | None = None) -> None:
        self.roots = roots
        self.cache_file = cache_file
        self.lessons: list[Lesson] = []
        self.problems: list[Problem] = []

    def load(self) -> None:
        """Read every lesson folder again; a bad folder only adds problems."""
        loaded = load_lessons(self.roots, self.cache_file)
        self.lessons, self.problems = loaded.lessons, loaded.problems

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)
