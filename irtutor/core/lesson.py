"""A lesson as the student meets it: pages, key terms, sources and a quiz."""

from __future__ import annotations

from dataclasses import dataclass, field

from irtutor.core.directives import Directive
from irtutor.core.questions import Question
from irtutor.core.quiz_settings import QuizSettings

NOT_VERIFIED = "(Not verified by IR Tutor against the original.)"


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str = ""
    date: str = ""
    note: str = ""
    verified: bool = True
    """False: read only through reports of it, or not yet checked against the original; students are told."""

    def citation(self) -> str:
        """One line fit for a sources list: publisher, title, date, address (and a flag when not verified)."""
        parts = [self.publisher, f"“{self.title}”"]
        if self.date:
            parts.append(self.date)
        text = ", ".join(parts)
        text = f"{text}. {self.url}" if self.url else f"{text}."
        return text if self.verified else f"{text} {NOT_VERIFIED}"


@dataclass(frozen=True)
class KeyTerm:
    term: str
    definition: str


@dataclass(frozen=True)
class PageLink:
    """`[words](page:02-slug)` or, to another lesson, `[words](page:other-lesson/02-slug)`."""

    lesson: str
    """The other lesson's id; "" for a page of the same lesson."""
    page: str
    line: int
    column: int


@dataclass(frozen=True)
class Page:
    """One reading page. `slug` is the file name without `.md`, used by questions to point back."""

    slug: str
    title: str
    markdown: str
    citations: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    directives: tuple[Directive, ...] = ()
    """The charts, maps and timelines the page places, in reading order."""
    links: tuple[PageLink, ...] = ()
    """Links to pages, this lesson's or another's, with where each is written."""


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    summary: str
    order: int
    folder: str
    objectives: tuple[str, ...]
    pages: tuple[Page, ...]
    sources: tuple[Source, ...]
    terms: tuple[KeyTerm, ...]
    questions: tuple[Question, ...]
    prerequisites: tuple[str, ...] = ()
    discussion: tuple[str, ...] = ()
    facts_as_of: str = ""
    quiz_settings: QuizSettings = field(default_factory=QuizSettings)
    further_reading: tuple[str, ...] = ()
    """Source ids the lesson offers beyond what its pages cite; listed beside every page."""
    left_out_questions: int = 0
    """Questions with a mistake in quiz.yaml, left out so that students still get the rest."""
    quiz_unreadable: bool = False
    """quiz.yaml itself could not be read, so the lesson has no quiz until it is fixed."""
    editable: bool = False
    """From the instructor's own folder or another folder they chose, not the installed package,
    so the studio may save into it; set by the catalog, which knows the roots."""
    overrides_shipped: bool = False
    """The instructor's copy of a shipped lesson, shown instead of it (and marked as such)."""
    _page_index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._page_index.update({page.slug: i for i, page in enumerate(self.pages)})

    def page_number(self, slug: str) -> int | None:
        """Zero-based index of the page with this slug, or None."""
        return self._page_index.get(slug)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def term(self, name: str) -> KeyTerm | None:
        folded = name.casefold()
        return next((t for t in self.terms if t.term.casefold() == folded), None)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)
