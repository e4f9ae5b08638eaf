"""Checks on sources that a schema cannot express.

A source defined in lesson.yaml and cited nowhere is invisible to students (the reader lists only
the sources a page cites), so it is reported unless the lesson offers it as `further_reading`.
One web address carries one title across the course, so a student meeting it in two lessons
is not left wondering whether they are two documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from irtutor.content.summaries import LESSON_FILE
from irtutor.content.text_files import read_lesson_text
from irtutor.core.lesson import Lesson, Page
from irtutor.core.problems import LessonError, Problem
from irtutor.core.questions import Question

if TYPE_CHECKING:
    from irtutor.content.located_yaml import LocatedYaml

FURTHER_READING = "further_reading"


def uncited_source_problems(meta: LocatedYaml, pages: Iterable[Page], questions: Iterable[Question]) -> list[Problem]:
    """Sources no page or question cites and the lesson does not list as further reading;
    further-reading entries that name no source."""
    sources: dict[str, Any] = meta.data["sources"]
    further: list[str] = meta.data.get(FURTHER_READING, [])
    problems = [meta.problem((FURTHER_READING, i), f"further reading '{sid}' names no source in lesson.yaml "
                                                   f"(sources: {', '.join(sorted(sources))})")
                for i, sid in enumerate(further) if sid not in sources]
    cited = {sid for page in pages for sid in page.citations} | {q.source for q in questions if q.source}
    problems += [meta.problem(("sources", sid), f"source '{sid}' is cited on no page and by no question, so "
                                                "students never see it; cite it with [^" + sid + "] where it "
                                                f"supports the text, or list it under {FURTHER_READING}",
                              key=True)
                 for sid in sources if sid not in cited and sid not in further]
    return problems


def url_title_problems(lessons: Iterable[Lesson]) -> list[Problem]:
    """An address given a title different from the one it first had, reported where the second is
    written (lessons in course order, sources in file order)."""
    first: dict[str, tuple[Lesson, str, str]] = {}
    problems = []
    for lesson in lessons:
        for source in lesson.sources:
            address = source.url.strip().rstrip("/")
            if not address:
                continue
            if address not in first:
                first[address] = (lesson, source.id, source.title)
                continue
            earlier, earlier_id, title = first[address]
            if source.title != title:
                path, line, column = _title_position(lesson, source.id)
                where = "{}:{}".format(*_title_position(earlier, earlier_id)[:2])
                problems.append(Problem(path, line, column,
                                        f"{source.url} is titled '{source.title}' here but '{title}' at {where}; "
                                        "give one address one title"))
    return problems


def _title_position(lesson: Lesson, source_id: str) -> tuple[str, int, int]:
    """Where a source's title is written; read again only for the few sources that clash."""
    from irtutor.content.located_yaml import load_located_yaml  # YAML only when two titles clash

    path = str(Path(lesson.folder) / LESSON_FILE)
    try:
        meta = load_located_yaml(read_lesson_text(Path(path)), path)
    except (OSError, LessonError):
        return path, 1, 1
    return (path, *meta.position(("sources", source_id, "title")))
