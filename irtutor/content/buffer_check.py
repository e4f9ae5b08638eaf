"""The checks of `irtutor check`, run on what the instructor sees in the studio's editors.

The studio underlines problems as the instructor types, long before anything is saved. Rather
than a second checker that could drift from the real one, the real loader runs with the unsaved
texts laid over the files (text_files.unsaved_texts), so each problem is exactly the one
`irtutor check` would print after a save, at the real file's path, line and column.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from irtutor.content.catalog import cross_lesson_link_problems
from irtutor.content.lesson_loader import load_lesson
from irtutor.content.source_checks import url_title_problems
from irtutor.content.text_files import unsaved_texts
from irtutor.core.lesson import Lesson
from irtutor.core.problems import Problem


def check_unsaved(folder: Path, unsaved: Mapping[str, str], others: Sequence[Lesson] = ()) -> list[Problem]:
    """The problems of the lesson in `folder`, reading the files named in `unsaved` (a file name in
    the folder -> its text) from memory. Nothing is written.

    With `others` (the rest of the course, as loaded), the catalog's cheap checks across lessons
    also run: links to another lesson's page, and one title per web address. Safe on a worker thread.
    """
    with unsaved_texts({folder / name: text for name, text in unsaved.items()}):
        lesson, problems = load_lesson(folder)
        if lesson is not None and others:
            course = sorted([*(other for other in others if other.id != lesson.id), lesson],
                            key=lambda each: (each.order, each.title))  # the catalog's order
            across = cross_lesson_link_problems(course) + url_title_problems(course)
            problems += [p for p in across if Path(p.path).parent == folder]
    return sorted(problems)
