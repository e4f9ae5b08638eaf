"""The quiz's feedback panel as safe HTML: a wrong try's hint, or the whole answer once revealed."""

from __future__ import annotations

import html

from irtutor.content.safe_markdown import render_text
from irtutor.core.grading import Outcome
from irtutor.core.lesson import Lesson
from irtutor.core.tries import parts_right
from irtutor.ui import messages
from irtutor.ui.attempt_review import verdict_words


def try_html(lesson: Lesson, outcome: Outcome, left: int, *, beside: bool) -> str:
    """A wrong try while `left` tries remain: the verdict, the chosen options' words (unless shown
    `beside` them), how many tries are left, and the page to read again; never the right answer."""
    right, given = parts_right(outcome)
    hint = messages.TRY_HINT.format(right=right, given=given, left=left) if given > 1 else \
        messages.TRY_HINT_PLAIN.format(left=left)
    parts = [f"<p><b>{verdict_words(outcome)}</b></p>", *(render_text(t) for t in (() if beside else outcome.feedback)),
             f"<p>{html.escape(hint)}</p>"]
    return "".join(parts + _read_again(lesson, outcome))


def answer_html(lesson: Lesson, outcome: Outcome, tries: int, *, beside: bool) -> str:
    """The answer revealed: verdict, feedback (unless shown `beside` each part), explanation, page, source."""
    parts = [f"<p><b>{verdict_words(outcome, tries)}</b></p>"]
    if not beside:
        parts += [render_text(text) for text in outcome.feedback]
    parts.append(render_text(outcome.explanation))
    parts += _read_again(lesson, outcome)
    source = lesson.source(outcome.source)
    if source is not None:
        parts.append(f"<p><i>{html.escape(messages.SOURCE_LINE.format(citation=source.citation()))}</i></p>")
    return "".join(parts)


def _read_again(lesson: Lesson, outcome: Outcome) -> list[str]:
    """The link back to the page that teaches it (a hint while trying, not the answer)."""
    page_number = lesson.page_number(outcome.page)
    if page_number is None:
        return []
    title = html.escape(lesson.pages[page_number].title)
    return [f"<p>{messages.READ_AGAIN.format(slug=outcome.page, title=title)}</p>"]
