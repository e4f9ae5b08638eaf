"""Reading page files: their title, and the citations and key terms they refer to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from irtutor.core.directives import Directive, parse_directive
from irtutor.core.lesson import Page
from irtutor.core.problems import Problem

PAGE_NAME = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
# Neither pattern lets a name contain "[": a line of 100,000 "[" then fails at once at each
# position instead of rescanning the rest of the line from every one (quadratic time).
CITATION = re.compile(r"\[\^([^\[\]\s]+)\]")
TERM_LINK = re.compile(r"\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\]")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
DIRECTIVE_FENCE = re.compile(r"^\s{0,3}(?:`{3,}|~{3,})\s*\{([A-Za-z0-9_-]*)\}(.*)$")
"""A fence whose info string is `{kind} target key=value ...`: a directive, not code."""


def page_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The folder's page files in reading order, and a problem for each misnamed .md file."""
    pages, problems = [], []
    for path in sorted(folder.glob("*.md")):
        if PAGE_NAME.match(path.name):
            pages.append(path)
        elif path.name.lower() != "readme.md":
            problems.append(
                Problem(str(path), 1, 1,
                        "page file names look like '01-my-topic.md' (two digits, a hyphen, "
                        "lower-case words); rename the file")
            )
    return pages, problems


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) for lines outside fenced code, where markup means something."""
    fence = ""
    for number, line in enumerate(text.split("\n"), start=1):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        yield number, line


def parse_page(path: Path, text: str, sources: set[str], terms: set[str]) -> tuple[Page, list[Problem]]:
    """A Page, with a problem for a missing title and each unknown citation or term."""
    problems: list[Problem] = []
    first = text.split("\n", 1)[0]
    if first.startswith("# ") and first[2:].strip():
        title = first[2:].strip()
    else:
        title = path.stem[3:].replace("-", " ").capitalize()
        problems.append(Problem(str(path), 1, 1, "a page starts with its title: a first line '# Page title'"))
    citations: list[str] = []
    used_terms: list[str] = []
    folded_terms = {t.casefold() for t in terms}
    for number, line in prose_lines(text):
        for match in CITATION.finditer(line):
            source_id = match.group(1)
            if source_id not in sources:
                known = ", ".join(sorted(sources)) or "none yet"
                problems.append(Problem(str(path), number, match.start() + 1,
                                        f"citation [^{source_id}] names no source in lesson.yaml "
                                        f"(sources: {known})"))
            elif source_id not in citations:
                citations.append(source_id)
        for match in TERM_LINK.finditer(line):
            term = match.group(1).strip()
            if term.casefold() not in folded_terms:
                problems.append(Problem(str(path), number, match.start() + 1,
                                        f"key term [[{term}]] is not defined under `terms:` in "
                                        "lesson.yaml; add it there or fix the spelling"))
            elif term not in used_terms:
                used_terms.append(term)
    directives = _directives(path, text, problems)
    page = Page(slug=path.stem, title=title, markdown=text,
                citations=tuple(citations), terms=tuple(used_terms), directives=directives)
    return page, problems


def _directives(path: Path, text: str, problems: list[Problem]) -> tuple[Directive, ...]:
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = DIRECTIVE_FENCE.match(line)
        if match is None:
            continue
        directive, problem = parse_directive(match.group(1), match.group(2), number)
        if directive is None:
            problems.append(Problem(str(path), number, match.start(1), problem or "bad directive"))
        else:
            found.append(directive)
    return tuple(found)
