"""What to offer at the cursor: source ids after `[^`, key terms after `[[`, and in a figure fence
its directive kinds, figure names and parameters (from the figure registry, `core.figures`).

Pure text in, choices out, so it is tested without a widget and the editor stays small.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from irtutor.core.figures import DEFAULT_TARGET, directive_names, figures_of

_CITATION_OPEN = re.compile(r"\[\^([^\[\]\s]*)$")
_TERM_OPEN = re.compile(r"\[\[([^\[\]|\n]*)$")
_KIND_OPEN = re.compile(r"^ {0,3}(?:`{3,}|~{3,})\s*\{([A-Za-z0-9_-]*)$")
_FIGURE_WORDS = re.compile(r"^ {0,3}(?:`{3,}|~{3,})\s*\{([A-Za-z0-9_-]+)\}(.*)$")


@dataclass(frozen=True)
class Choices:
    """Words to offer for the `prefix` typed before the cursor, and what follows a chosen one."""

    prefix: str
    words: tuple[str, ...]
    suffix: str
    """Typed after the chosen word: `]` closes a citation, `=` opens a parameter's value."""


def choices_at(before_cursor: str, sources: Sequence[str], terms: Sequence[str]) -> Choices | None:
    """The choices for a line typed up to the cursor, or None where nothing is to be completed."""
    if match := _CITATION_OPEN.search(before_cursor):
        return Choices(match.group(1), tuple(sources), "]")
    if match := _TERM_OPEN.search(before_cursor):
        return Choices(match.group(1), tuple(terms), "]]")
    if match := _KIND_OPEN.match(before_cursor):
        return Choices(match.group(1), directive_names(), "} ")
    if match := _FIGURE_WORDS.match(before_cursor):
        return _figure_choices(match.group(1), match.group(2))
    return None


def _figure_choices(kind: str, rest: str) -> Choices | None:
    """After `{kind} `: its figure names first, then the named figure's parameters."""
    figures = figures_of(kind)
    if not figures or not rest[:1].isspace():
        return None
    words = rest.split()
    typing = "" if rest[-1].isspace() else words.pop()
    if "=" in typing:
        return None  # a value: the registry has checks, not lists, for values
    if not words:
        return Choices(typing, tuple(f.target for f in figures), " ")
    target = words[0] if words and "=" not in words[0] else DEFAULT_TARGET.get(kind, "")
    figure = next((f for f in figures if f.target == target), None)
    if figure is None:
        return None
    given = {w.partition("=")[0] for w in words}
    return Choices(typing, tuple(p.name for p in figure.params if p.name not in given), "=")
