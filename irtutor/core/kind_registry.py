"""Every question kind's rules, found once: each module in `irtutor.core.kinds` declares `RULES`.

A kind is one unit. Its core module holds the answer key, which Response fields an answer
uses, the grader (score, per-part verdicts, feedback lines), how answers are put into words,
and a fully right response; the content loader, the schema and the widget each register it
once more by the same QuestionKind. Adding a module to `irtutor.core.kinds` adds the kind here:
no list to extend, no isinstance chain to grow.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.verdicts import PartVerdict


@dataclass(frozen=True)
class Graded:
    score: float
    parts: tuple[PartVerdict, ...] = ()
    feedback: tuple[str, ...] = ()


class KeyReader(Protocol):
    """One question's mapping from quiz.yaml (already schema-valid) and a way to say, at the
    right line and column, what is wrong with it; the content loader provides it."""

    data: Mapping[str, Any]

    def report(self, where: tuple[str | int, ...], message: str, *, key: bool = False) -> None:
        """A problem at the field `where` (a path under the question), or at its key."""

    def has_problems(self) -> bool: ...

    def setting(self, name: str, default: Any) -> Any:
        """A quiz-wide default from quiz.yaml's `settings:` (e.g. `typos`), or `default`."""

    def report_in_text(self, field: str, offset: int | None, token: str, message: str) -> None:
        """A problem at `token` found at `offset` of the string in `field` (e.g. one cloze gap)."""

    def country_names(self) -> dict[str, str] | None:
        """ISO3 code -> name of every country on the map; None when the map data cannot be read."""


@dataclass(frozen=True)
class KindRules:
    kinds: tuple[QuestionKind, ...]
    key_type: type
    response_fields: frozenset[str]
    """The Response fields an answer of this kind fills (see Response)."""
    grade: Callable[[Question, Response], Graded]
    describe_response: Callable[[Question, Response], str]
    """A non-empty response as a reader would say it."""
    describe_correct: Callable[[Question], str]
    right_response: Callable[[Question], Response]
    """A response that earns the full mark: for the authoring "Try it", exports and tests."""
    read: Callable[[KeyReader], Any]
    """The answer key from the question's quiz.yaml mapping, reporting what a schema cannot check."""


@cache
def all_rules() -> dict[QuestionKind, KindRules]:
    from irtutor.core import kinds

    found: dict[QuestionKind, KindRules] = {}
    for module_info in pkgutil.iter_modules(kinds.__path__):
        module: Any = importlib.import_module(f"{kinds.__name__}.{module_info.name}")
        rules: KindRules | None = getattr(module, "RULES", None)
        if rules is None:
            continue
        for kind in rules.kinds:
            if kind in found:
                raise RuntimeError(f"question kind {kind} is claimed by two modules")
            found[kind] = rules
    return found


def rules_for(kind: QuestionKind) -> KindRules:
    try:
        return all_rules()[kind]
    except KeyError:
        raise LookupError(f"no module in irtutor.core.kinds declares the question kind {kind}") from None


def key_class(name: str) -> Any:
    """A key or key-part class by name, from whichever kind module defines it (for old import paths)."""
    from irtutor.core import kinds

    all_rules()
    for module_info in pkgutil.iter_modules(kinds.__path__):
        module = importlib.import_module(f"{kinds.__name__}.{module_info.name}")
        found = getattr(module, name, None)
        if found is not None and getattr(found, "__module__", "") == module.__name__:
            return found
    raise AttributeError(name)
