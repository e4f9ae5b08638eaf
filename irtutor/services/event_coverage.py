"""Which lesson pages cover a timeline event, for the timeline's "Go to lesson".

A page covers an event when either
- it places a `{timeline}` directive whose tags share a tag with the event (no `tags` means every
  tag) and whose `from`/`to` years, when given, contain the event's year; or
- its text names the event: the event's year appears, and at least half of the title's
  significant words (four letters or more, not a stop word) start a word of the text, so
  "join" finds "joined" and "Kosovo declares independence" is found in a page on Kosovo's 2008
  declaration of independence.
The rule is plain code with no Qt, so it is tested on its own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from irtutor.core.datasets import Event
from irtutor.core.lesson import Lesson

STOP_WORDS = frozenset({"with", "from", "into", "that", "this", "their", "after", "before", "over", "takes",
                        "effect", "first", "states", "adopted", "signed", "talks", "join", "joins", "nato"})
"""Words too common in the titles (and, for "nato", in these lessons) to say a page is about the event."""

_WORD = re.compile(r"\w+")

PageRef = tuple[str, str, str]
"""(lesson id, page slug, page title)."""


class _DirectiveLike(Protocol):
    kind: str

    def param(self, name: str, default: str = "") -> str: ...


def pages_covering(event: Event, lessons: Iterable[Lesson]) -> list[PageRef]:
    """Every page that covers `event`, in lesson and page order."""
    found = []
    for lesson in lessons:
        for page in lesson.pages:
            directives: Sequence[_DirectiveLike] = getattr(page, "directives", ())
            if any(directive_covers(d, event) for d in directives) or text_covers(page.markdown, event):
                found.append((lesson.id, page.slug, page.title))
    return found


def directive_covers(directive: _DirectiveLike, event: Event) -> bool:
    """True when `directive` is a timeline whose tags and years include `event`."""
    if directive.kind != "timeline":
        return False
    tags = {t for t in directive.param("tags").split(",") if t}
    start, end = directive.param("from"), directive.param("to")
    in_years = (not start or int(start) <= event.day.year) and (not end or event.day.year <= int(end))
    return in_years and (not tags or bool(tags & event.tags))


def text_covers(text: str, event: Event) -> bool:
    """True when `text` names the event's year and enough of its title's words."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if str(event.day.year) not in words:
        return False
    wanted = significant_words(event.title)
    if not wanted:
        return False
    hits = sum(any(w.startswith(title_word) for w in words) for title_word in wanted)
    return hits >= math.ceil(len(wanted) / 2)


def significant_words(title: str) -> list[str]:
    """The words of `title` that say what it is about, case-folded."""
    words = (w.casefold() for w in _WORD.findall(title))
    return [w for w in words if len(w) >= 4 and not w.isdigit() and w not in STOP_WORDS]
