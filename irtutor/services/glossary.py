"""The course-wide glossary: every key term of every lesson, with where it is taught."""

from __future__ import annotations

from dataclasses import dataclass

from irtutor.core.lesson import Lesson


@dataclass(frozen=True)
class GlossaryUse:
    lesson_id: str
    lesson_title: str
    definition: str
    pages: tuple[tuple[str, str], ...]
    """(page slug, page title) of the pages that link the term, in reading order."""


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    uses: tuple[GlossaryUse, ...]
    """One per lesson that defines the term, in course order; lessons may word a definition differently."""


def build_glossary(lessons: list[Lesson]) -> list[GlossaryEntry]:
    """Terms sorted alphabetically (case-insensitive); a term defined by several lessons is one entry."""
    by_term: dict[str, list[GlossaryUse]] = {}
    spelling: dict[str, str] = {}
    for lesson in sorted(lessons, key=lambda item: (item.order, item.title)):
        for term in lesson.terms:
            key = term.term.casefold()
            spelling.setdefault(key, term.term)
            pages = tuple((p.slug, p.title) for p in lesson.pages if key in {t.casefold() for t in p.terms})
            by_term.setdefault(key, []).append(GlossaryUse(lesson.id, lesson.title, term.definition, pages))
    return [GlossaryEntry(spelling[key], tuple(uses)) for key, uses in sorted(by_term.items())]


def matching(entries: list[GlossaryEntry], query: str) -> list[GlossaryEntry]:
    """Entries whose term or a definition contains every word of `query` (case-insensitive)."""
    words = query.casefold().split()
    return [e for e in entries
            if all(w in e.term.casefold() or any(w in u.definition.casefold() for u in e.uses) for w in words)]
