"""Words and helpers several kinds share (this module declares no kind)."""

from __future__ import annotations

from collections.abc import Callable
from string import ascii_lowercase
from typing import TYPE_CHECKING

from irtutor.core.numbers import format_number

if TYPE_CHECKING:
    from irtutor.core.kind_registry import KeyReader

NO_ANSWER = "No answer was given."
NO_ANSWER_DESCRIBED = "(no answer)"


def percent(credit: float) -> str:
    return format_number(round(credit * 100, 1))


def option_id(index: int) -> str:
    return ascii_lowercase[index] if index < 26 else f"o{index}"


def label(value: object) -> str:
    """Text of a label; the schema lets a whole number such as a year go unquoted."""
    return value if isinstance(value, str) else str(value)


def refuse_repeats(reader: KeyReader, texts: list[str], where: Callable[[int], tuple[str | int, ...]],
                   noun: str) -> None:
    first: dict[str, int] = {}
    for i, text in enumerate(texts):
        if text.strip() in first:
            reader.report(where(i), f"{noun} {text!r} is listed twice (first as {noun} {first[text.strip()] + 1}); "
                                    f"each {noun} must differ")
        first.setdefault(text.strip(), i)
