"""The lesson list's titles, read from each lesson.yaml alone: cheap enough for start-up."""

from __future__ import annotations

from pathlib import Path

from irtutor.content.located_yaml import load_located_yaml
from irtutor.content.text_files import read_lesson_text
from irtutor.core.lesson import LessonSummary
from irtutor.core.problems import LessonError

LESSON_FILE = "lesson.yaml"


def lesson_folders(roots: list[Path]) -> list[Path]:
    """Each root that is a lesson folder itself, and each visible folder directly under the others."""
    folders: list[Path] = []
    for root in roots:
        if (root / LESSON_FILE).is_file():
            folders.append(root)
        elif root.is_dir():
            folders.extend(p for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith((".", "_")))
    return folders


def quick_summaries(roots: list[Path]) -> list[LessonSummary]:
    """Titles for the lesson list; a file that fails here is reported by the full load instead."""
    summaries = []
    for folder in lesson_folders(roots):
        path = folder / LESSON_FILE
        try:
            data = load_located_yaml(read_lesson_text(path), str(path)).data
            summaries.append(LessonSummary(str(data["id"]), str(data["title"]), str(data.get("summary", "")),
                                           int(data.get("order", 0)), str(folder)))
        except (OSError, LessonError, TypeError, KeyError, ValueError):
            continue
    return sorted(summaries, key=lambda s: (s.order, s.title))
