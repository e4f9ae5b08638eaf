"""Loading every lesson folder, collecting the problems of those that fail."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from irtutor.content.lesson_cache import CachedFolder, code_stamp, folder_stamp, read_cache, write_cache
from irtutor.content.source_checks import url_title_problems
from irtutor.content.summaries import LESSON_FILE, lesson_folders
from irtutor.core.lesson import Lesson
from irtutor.core.problems import Problem
from irtutor.paths import resource_dir

log = logging.getLogger(__name__)
_CONTENT_CODE = Path(__file__).resolve().parent


@dataclass
class LoadedLessons:
    lessons: list[Lesson] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    read_again: int = 0
    """How many folders were read from their files rather than taken from the cache."""


def load_lessons(roots: list[Path], cache_file: Path | None = None, *, strict: bool = False,
                 read_only: Sequence[Path] = ()) -> LoadedLessons:
    """Every lesson under the roots; one bad folder adds problems and never stops the others.

    Students get a lesson with a broken page or question, the broken part replaced by a notice;
    `strict` (for `irtutor check`) counts only the lessons with no problem at all. With
    `cache_file`, folders unchanged since the last run come from it (see lesson_cache).

    Roots come shipped first, then the instructor's: a lesson id found in a later root replaces
    the earlier root's lesson (the instructor's edited copy of a shipped lesson), marked
    `overrides_shipped` when the one replaced came from a `read_only` root. Lessons outside
    `read_only` roots are marked `editable`. The same id twice in one root is still a problem.
    """
    if strict:
        cache_file = None  # the cache holds what students get
    resources = resource_dir()
    stamp = code_stamp(_CONTENT_CODE, _CONTENT_CODE.parent / "core", resources / "schema", resources / "data")
    cache = read_cache(cache_file, stamp)
    loaded = LoadedLessons()
    seen: dict[str, tuple[int, Lesson]] = {}
    folders = [(n, folder) for n, root in enumerate(roots) for folder in lesson_folders([root])]
    fixed = {str(root.resolve()) for root in read_only}
    fresh: dict[str, CachedFolder] = {}
    for root_index, folder in folders:
        key, now = str(folder.resolve()), folder_stamp(folder)
        entry = cache.folders.get(key)
        if entry is None or entry.stamp != now:
            entry = CachedFolder(now, *_load_guarded(folder, spare_parts=not strict))
            loaded.read_again += 1
        fresh[key] = entry
        loaded.problems.extend(entry.problems)
        lesson = entry.lesson
        if lesson is None:
            continue
        editable = str(roots[root_index].resolve()) not in fixed
        earlier = seen.get(lesson.id)
        if earlier is not None and earlier[0] == root_index:
            loaded.problems.append(Problem(str(folder / LESSON_FILE), 1, 1,
                                           f"lesson id '{lesson.id}' is already used by {earlier[1].folder}"))
            continue
        overrides = earlier is not None and (earlier[1].overrides_shipped or not earlier[1].editable)
        if editable or overrides:
            lesson = replace(lesson, editable=editable, overrides_shipped=overrides)
        seen[lesson.id] = (root_index, lesson)
    loaded.lessons = sorted((lesson for _, lesson in seen.values()), key=lambda lesson: (lesson.order, lesson.title))
    loaded.problems.extend(url_title_problems(loaded.lessons))
    loaded.problems.extend(cross_lesson_link_problems(loaded.lessons))
    if folders:
        if cache_file is None or loaded.read_again or cache.folders.keys() != fresh.keys():
            cache.data_problem = _data_problem(resources / "data")
        if cache.data_problem is not None:
            loaded.problems.append(cache.data_problem)
    if loaded.read_again or cache.folders.keys() != fresh.keys():
        cache.folders = fresh
        write_cache(cache_file, cache)
    return loaded


def _data_problem(folder: Path) -> Problem | None:
    from irtutor.content.datasets import reference_data_problem

    return reference_data_problem(folder)


def _load_guarded(folder: Path, *, spare_parts: bool) -> tuple[Lesson | None, list[Problem]]:
    """Every known fault is a positioned problem already; this catches a fault we did not foresee,
    so that one strange folder costs its own lesson and never the others (or the app)."""
    from irtutor.content.lesson_loader import load_lesson  # YAML, schema and Markdown load only when needed

    try:
        return load_lesson(folder, spare_parts=spare_parts)
    except Exception as exc:  # the barrier between one lesson and the rest
        log.exception("lesson folder %s could not be read", folder)
        return None, [Problem(str(folder / LESSON_FILE), 1, 1,
                              f"IR Tutor could not read this lesson ({type(exc).__name__}: {exc}); "
                              "please report this with the folder attached")]


def cross_lesson_link_problems(lessons: list[Lesson]) -> list[Problem]:
    """Links to another lesson's page that the course does not have. The lesson still opens: only
    the link is broken, and `irtutor check` says where."""
    slugs = {lesson.id: {page.slug for page in lesson.pages} for lesson in lessons}
    problems = []
    for lesson in lessons:
        for page in lesson.pages:
            for link in page.links:
                if not link.lesson or link.lesson == lesson.id:
                    continue
                where = str(Path(lesson.folder) / f"{page.slug}.md")
                if link.lesson not in slugs:
                    problems.append(Problem(where, link.line, link.column,
                                            f"page:{link.lesson}/{link.page} names no lesson '{link.lesson}' "
                                            f"(lessons: {', '.join(sorted(slugs))})"))
                elif link.page not in slugs[link.lesson]:
                    problems.append(Problem(where, link.line, link.column,
                                            f"page:{link.lesson}/{link.page}: lesson '{link.lesson}' has no page "
                                            f"'{link.page}' (pages: {', '.join(sorted(slugs[link.lesson]))})"))
    return problems
