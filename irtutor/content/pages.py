"""Reading page files: their title, figures, and the citations and key terms they refer to.

A page is split into blocks once, by markdown-it (the parser the reader renders with), so the
check and the reader agree on where every fence opens and closes: `page_blocks`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from irtutor.content.media import MediaRefused, find_media
from irtutor.content.text_files import unsaved_files_in
from irtutor.core.directives import Directive, parse_directive
from irtutor.core.lesson import Page, PageLink
from irtutor.core.problems import Problem

PAGE_NAME = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
# Neither pattern lets a name contain "[": a line of 100,000 "[" then fails at once at each
# position instead of rescanning the rest of the line from every one (quadratic time).
CITATION = re.compile(r"\[\^([^\[\]\s]+)\]")
TERM_LINK = re.compile(r"\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\]")
PAGE_LINK = re.compile(r"\]\(\s*page:([^()\s]+)\s*\)")
"""The target of a Markdown link to a page: `](page:02-slug)` or `](page:lesson-id/02-slug)`."""
IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\(\s*<?([^()\s<>]*)>?[^()\n]*\)")
"""An inline image `![alt text](media/map.png)`: its alt text and address."""
FIGURE_INFO = re.compile(r"\{([A-Za-z0-9_-]*)\}(.*)", re.DOTALL)
"""A fence whose info string is `{kind} target key=value ...` places a figure; it is not code."""
NESTED_FIGURE = ("a figure cannot stand inside a list or a quote; start its fence at the beginning "
                 "of a line, outside lists and quotes")


def new_markdown() -> MarkdownIt:
    """The Markdown dialect of lesson pages; the reader adds its inline rules to this."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    return md.enable("table")  # GitHub-style tables: comparisons (scenarios, rounds) read better as a grid


@cache
def _block_parser() -> MarkdownIt:
    # Blocks only: the split needs no inline parsing, which keeps hostile lines cheap.
    return new_markdown().disable("inline")


@dataclass(frozen=True)
class Fence:
    """A fenced block whose info string names a figure, as markdown-it delimits it."""

    kind: str
    rest: str
    line: int
    """Its opening fence, 1-based."""
    end: int
    """Its last line (the closing fence, or the page's last line when it is never closed)."""
    column: int
    """Where the `{` is, 1-based."""
    nested: bool
    """Inside a list or a quote."""


@dataclass(frozen=True)
class PageBlocks:
    lines: tuple[str, ...]
    title: str
    """The text of a first line '# Title'; empty when the page does not start so."""
    figures: tuple[Fence, ...]
    code: frozenset[int]
    """Line numbers inside fenced or indented code (figure fences too), where markup means nothing."""

    def prose_lines(self) -> Iterator[tuple[int, str]]:
        """(line number, line) for lines outside code, where citations and key terms mean something."""
        return ((n, line) for n, line in enumerate(self.lines, start=1) if n not in self.code)


def page_blocks(text: str) -> PageBlocks:
    """The page's title, figure fences and code lines, from markdown-it's block tokens."""
    lines = tuple(text.split("\n"))
    tokens = _block_parser().parse(text)
    code: set[int] = set()
    figures: list[Fence] = []
    for token in tokens:
        if token.type in ("fence", "code_block") and token.map:
            code.update(range(token.map[0] + 1, token.map[1] + 1))
            fence = _figure_fence(token, lines)
            if fence is not None:
                figures.append(fence)
    return PageBlocks(lines, _title(tokens), tuple(figures), frozenset(code))


def _figure_fence(token: Token, lines: tuple[str, ...]) -> Fence | None:
    info = token.info.lstrip()
    match = FIGURE_INFO.fullmatch(info.rstrip())
    if token.type != "fence" or match is None or not token.map:
        return None
    first, after = token.map
    line = lines[first]
    column = line.find(token.markup) + len(token.markup) + len(token.info) - len(info) + 1
    return Fence(match.group(1), match.group(2), first + 1, after, max(column, 1), token.level > 0)


def _title(tokens: list[Token]) -> str:
    if len(tokens) < 2:
        return ""
    opening, inline = tokens[0], tokens[1]
    starts_page = opening.map is not None and opening.map[0] == 0
    if opening.type == "heading_open" and opening.tag == "h1" and opening.markup == "#" and starts_page:
        return inline.content.strip()
    return ""


def page_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The folder's page files in reading order, and a problem for each misnamed .md file."""
    pages, problems = [], []
    for path in sorted({*folder.glob("*.md"), *unsaved_files_in(folder, "*.md")}):
        if PAGE_NAME.match(path.name):
            pages.append(path)
        elif path.name.lower() != "readme.md":
            problems.append(
                Problem(str(path), 1, 1,
                        "page file names look like '01-my-topic.md' (two digits, a hyphen, "
                        "lower-case words); rename the file")
            )
    return pages, problems


def parse_page(path: Path, text: str, sources: set[str], terms: set[str]) -> tuple[Page, list[Problem]]:
    """A Page, with a problem for a missing title, each bad figure and each unknown citation or term."""
    problems: list[Problem] = []
    blocks = page_blocks(text)
    title = blocks.title
    if not title:
        title = path.stem[3:].replace("-", " ").capitalize()
        problems.append(Problem(str(path), 1, 1, "a page starts with its title: a first line '# Page title'"))
    citations: list[str] = []
    used_terms: list[str] = []
    links: list[PageLink] = []
    folded_terms = {t.casefold() for t in terms}
    for number, line in blocks.prose_lines():
        for match in CITATION.finditer(line):
            source_id = match.group(1)
            if source_id not in sources:
                known = ", ".join(sorted(sources)) or "none yet"
                problems.append(Problem(str(path), number, match.start() + 1,
                                        f"citation [^{source_id}] names no source in lesson.yaml "
                                        f"(sources: {known})"))
            elif source_id not in citations:
                citations.append(source_id)
        for match in PAGE_LINK.finditer(line):
            lesson_id, _, slug = match.group(1).rpartition("/")
            links.append(PageLink(lesson_id, slug, number, line.index("page:", match.start()) + 1))
        for match in TERM_LINK.finditer(line):
            term = match.group(1).strip()
            if term.casefold() not in folded_terms:
                problems.append(Problem(str(path), number, match.start() + 1,
                                        f"key term [[{term}]] is not defined under `terms:` in "
                                        "lesson.yaml; add it there or fix the spelling"))
            elif term not in used_terms:
                used_terms.append(term)
    directives = _directives(path, blocks, problems)
    page = Page(slug=path.stem, title=title, markdown=text,
                citations=tuple(citations), terms=tuple(used_terms), directives=directives, links=tuple(links))
    return page, problems


def image_problems(path: Path, text: str) -> list[Problem]:
    """Each image on the page without alt text, or whose file the reader would refuse.

    Apart from `parse_page`: students still get the page, with such an image shown as its alt text.
    """
    problems = []
    for number, line in page_blocks(text).prose_lines():
        problems += _line_image_problems(path, number, line)
    return problems


def _line_image_problems(path: Path, number: int, line: str) -> list[Problem]:
    problems = []
    for match in IMAGE.finditer(line):
        alt, src = match.group(1).strip(), match.group(2)
        if not alt:
            problems.append(Problem(str(path), number, match.start() + 1,
                                    "an image needs alt text, for students who cannot see it: "
                                    "![what the image shows](media/name.png)"))
        try:
            find_media(path.parent, src)
        except MediaRefused as refused:
            problems.append(Problem(str(path), number, match.start() + 1,
                                    f"image '{src}' cannot be shown ({refused}); students see its alt text"))
    return problems


def _directives(path: Path, blocks: PageBlocks, problems: list[Problem]) -> tuple[Directive, ...]:
    found = []
    for fence in blocks.figures:
        directive, problem = parse_directive(fence.kind, fence.rest, fence.line)
        if fence.nested:
            directive, problem = None, NESTED_FIGURE
        if directive is None:
            problems.append(Problem(str(path), fence.line, fence.column, problem or "bad directive"))
        else:
            found.append(directive)
    return tuple(found)
