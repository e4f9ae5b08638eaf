"""The lessons the app has loaded, and the problems that kept others out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from irtutor.content.catalog import load_lessons
from irtutor.core.lesson import Lesson
from irtutor.core.problems import Problem


class Library:
    def __init__(self, roots: list[Path], cache_file: Path | None = None, *,
                 read_only: Sequence[Path] = ()) -> None:
        """`roots` in order of precedence, shipped first: a later root's lesson replaces an earlier
        root's lesson of the same id. `read_only` roots (the installed lessons) are never saved into."""
        self.roots = roots
        self.cache_file = cache_file
        self.read_only = tuple(read_only)
        self.lessons: list[Lesson] = []
        self.problems: list[Problem] = []

    def load(self) -> None:
        """Read every lesson folder again; a bad folder only adds problems."""
        loaded = load_lessons(self.roots, self.cache_file, read_only=self.read_only)
        self.lessons, self.problems = loaded.lessons, loaded.problems

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)
