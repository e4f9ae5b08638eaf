"""Lesson Markdown -> HTML that cannot make the reading pane fetch, open or run anything.

Raw HTML is off (shown as text), an image becomes its alt text unless it is a checked file of
the lesson's `media/` folder (`irtutor.content.media`), and a link survives only if
it points inside the app (`page:`, `term:`, `cite:` or an in-page `#anchor`). Any other
address is printed after its text for the student to read, never as a link.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from irtutor.content.media import allowed_media
from irtutor.content.pages import CITATION, TERM_LINK, new_markdown, page_blocks
from irtutor.core.directives import Directive
from irtutor.core.figures import find_figure
from irtutor.core.lesson import Lesson, Page, Source

INTERNAL_SCHEMES = ("page:", "term:", "cite:", "#")


@dataclass(frozen=True)
class RenderedPage:
    html: str
    """The whole page; each directive shown as a short note of what it places."""
    cited: tuple[Source, ...]
    parts: tuple[str | Directive, ...] = ()
    """HTML chunks and the directives between them, in reading order (one chunk without directives)."""


def render_page(page: Page, lesson: Lesson) -> RenderedPage:
    """The page as HTML; citations numbered in order of first use across all parts, matching `cited`."""
    env: dict[str, Any] = {"citations": [], "media_folder": Path(lesson.folder) if lesson.folder else None}
    parts: list[str | Directive] = []
    directives = {d.line: d for d in page.directives}
    for chunk in _split_at_directives(page.markdown, set(directives)):
        parts.append(directives[chunk] if isinstance(chunk, int) else _markdown().render(chunk, env))
    whole = "".join(p if isinstance(p, str) else _directive_note(p) for p in parts)
    cited = tuple(s for s in (lesson.source(i) for i in env["citations"]) if s is not None)
    return RenderedPage(whole, cited, tuple(p for p in parts if p != ""))


def _split_at_directives(markdown: str, directive_lines: set[int]) -> list[str | int]:
    """Markdown chunks, with each directive's fenced block replaced by its line number.

    The fences are those `page_blocks` found when the page was checked, so a fence closes here
    exactly where the check (and markdown-it) says it does.
    """
    if not directive_lines:  # most pages: no need to parse the blocks again
        return [markdown] if markdown.strip() else []
    blocks = page_blocks(markdown)
    chunks: list[str | int] = []
    start = 0
    for fence in blocks.figures:
        if fence.line in directive_lines:
            chunks += ["\n".join(blocks.lines[start:fence.line - 1]), fence.line]
            start = fence.end  # a directive's body is not shown
    chunks.append("\n".join(blocks.lines[start:]))
    return [c for c in chunks if not (isinstance(c, str) and not c.strip())]


def _directive_note(directive: Directive) -> str:
    figure = find_figure(directive.kind, directive.target)
    description = figure.description if figure else f"{directive.kind}: {directive.target}"
    return f"<p><i>[{html.escape(description)}]</i></p>"


def render_text(markdown: str) -> str:
    """A short Markdown snippet (feedback, explanations) as safe HTML."""
    return _markdown().render(markdown, {"citations": []})


def is_internal_link(href: str) -> bool:
    return href.startswith(INTERNAL_SCHEMES)


@cache
def _markdown() -> MarkdownIt:
    md = new_markdown()
    md.inline.ruler.before("link", "term_link", _term_rule)
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.add_render_rule("term_link", _render_term)
    md.add_render_rule("citation", _render_citation)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("link_close", _render_link_close)
    md.add_render_rule("image", _render_image)
    return md


def _term_rule(state: StateInline, silent: bool) -> bool:
    match = TERM_LINK.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        token = state.push("term_link", "", 0)
        token.meta = {"term": match.group(1).strip(), "label": (match.group(2) or match.group(1)).strip()}
    state.pos = match.end()
    return True


def _citation_rule(state: StateInline, silent: bool) -> bool:
    match = CITATION.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {"source": match.group(1)}
    state.pos = match.end()
    return True


def _render_term(self: Any, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
    meta = tokens[idx].meta
    href = "term:" + quote(meta["term"])
    return f'<a class="term" href="{href}">{html.escape(meta["label"])}</a>'


def _render_citation(self: Any, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
    source_id = tokens[idx].meta["source"]
    order: list[str] = env.setdefault("citations", [])
    if source_id not in order:
        order.append(source_id)
    number = order.index(source_id) + 1
    return f'<sup><a class="cite" href="cite:{quote(source_id)}">[{number}]</a></sup>'


def _render_link_open(self: Any, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
    href = str(tokens[idx].attrGet("href") or "")
    stack: list[str] = env.setdefault("link_stack", [])
    if is_internal_link(href):
        stack.append("")
        return f'<a href="{html.escape(href)}">'
    stack.append(href)
    return '<span class="external">'


def _render_link_close(self: Any, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
    stack: list[str] = env.setdefault("link_stack", [])
    href = stack.pop() if stack else ""
    if not href:
        return "</a>"
    return f'</span> <span class="address">({html.escape(href)})</span>'


def _render_image(self: Any, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
    """An `<img>` only for an allowed file of the lesson's media/ folder with alt text; else the alt text.

    The reading pane loads it through `SafeTextBrowser.loadResource`, which checks the file again.
    """
    alt = "".join(child.content for child in tokens[idx].children or []).strip()
    src = unquote(str(tokens[idx].attrGet("src") or ""))  # markdown-it percent-encodes; the check reads it as written
    folder = env.get("media_folder")
    if alt and folder is not None and allowed_media(folder, src) is not None:
        alt_html = html.escape(alt)
        return f'<img src="{html.escape(src)}" alt="{alt_html}" title="{alt_html}">'
    return f'<span class="image-alt">[image: {html.escape(alt or "no description")}]</span>'
