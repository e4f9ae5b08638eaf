"""Loading every lesson folder, collecting the problems of those that fail."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from irtutor.content.lesson_loader import load_lesson
from irtutor.content.summaries import LESSON_FILE, lesson_folders
from irtutor.core.lesson import Lesson
from irtutor.core.problems import Problem


@dataclass
class LoadedLessons:
    lessons: list[Lesson] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_lessons(roots: list[Path]) -> LoadedLessons:
    """Every lesson under the roots; one bad folder adds problems and never stops the others."""
    loaded = LoadedLessons()
    seen: dict[str, str] = {}
    for folder in lesson_folders(roots):
        lesson, problems = load_lesson(folder)
        loaded.problems.extend(problems)
        if lesson is None:
            continue
        if lesson.id in seen:
            loaded.problems.append(Problem(str(folder / LESSON_FILE), 1, 1,
                                           f"lesson id '{lesson.id}' is already used by {seen[lesson.id]}"))
            continue
        seen[lesson.id] = lesson.folder
        loaded.lessons.append(lesson)
    loaded.lessons.sort(key=lambda lesson: (lesson.order, lesson.title))
    return loaded
