"""Loading every lesson folder, collecting the problems of those that fail."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from irtutor.content.datasets import reference_data_problem
from irtutor.content.lesson_loader import load_lesson
from irtutor.content.summaries import LESSON_FILE, lesson_folders
from irtutor.core.lesson import Lesson
from irtutor.core.problems import Problem
from irtutor.paths import resource_dir

log = logging.getLogger(__name__)


@dataclass
class LoadedLessons:
    lessons: list[Lesson] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_lessons(roots: list[Path]) -> LoadedLessons:
    """Every lesson under the roots; one bad folder adds problems and never stops the others."""
    loaded = LoadedLessons()
    seen: dict[str, str] = {}
    folders = lesson_folders(roots)
    for folder in folders:
        lesson, problems = _load_guarded(folder)
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
    if folders:
        data_problem = reference_data_problem(resource_dir() / "data")
        if data_problem is not None:
            loaded.problems.append(data_problem)
    return loaded


def _load_guarded(folder: Path) -> tuple[Lesson | None, list[Problem]]:
    """Every known fault is a positioned problem already; this catches a fault we did not foresee,
    so that one strange folder costs its own lesson and never the others (or the app)."""
    try:
        return load_lesson(folder)
    except Exception as exc:
        log.exception("lesson folder %s could not be read", folder)
        return None, [Problem(str(folder / LESSON_FILE), 1, 1,
                              f"IR Tutor could not read this lesson ({type(exc).__name__}: {exc}); "
                              "please report this with the folder attached")]
