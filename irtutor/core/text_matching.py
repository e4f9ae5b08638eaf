"""Comparing typed answers with accepted ones, forgiving what a student should not lose marks for."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from irtutor.core.answer_keys import TextVariant

# Latin letters that Unicode does not decompose into a base letter and an accent.
_UNACCENTED = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
                             "ı": "i", "ŧ": "t", "Ŧ": "T"})


def normalise(text: str, *, case_sensitive: bool = False, accent_sensitive: bool = False) -> str:
    """The form two answers are compared in.

    Compatibility forms are unified (NFKD: "ﬁ" is "fi", full-width digits are digits); unless
    asked otherwise, accents are dropped ("Zürich" is "Zurich") and case is folded ("ß" is
    "ss"); runs of white space become one space; punctuation around the answer is dropped
    ("“USSR.”" is "USSR"), punctuation inside it is kept ("U.N." is "U.N", not "UN"), and an
    answer of punctuation or accents alone ("?") is kept whole.
    """
    folded = unicodedata.normalize("NFKD", text)
    if not accent_sensitive:
        folded = "".join(c for c in folded if not unicodedata.combining(c)).translate(_UNACCENTED)
    if not case_sensitive:
        folded = folded.casefold()
    folded = " ".join(folded.split())
    # An answer of punctuation or accents alone ("?", "¨") would vanish: keep it as written instead.
    folded = _strip_punctuation(folded) or folded or " ".join(text.split())
    return unicodedata.normalize("NFC", folded)


def _strip_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def best_match(given: str, variants: Iterable[TextVariant], *, case_sensitive: bool = False,
               accent_sensitive: bool = False) -> TextVariant | None:
    """The accepted variant with the highest credit that `given` matches, or None."""
    def norm(text: str) -> str:
        return normalise(text, case_sensitive=case_sensitive, accent_sensitive=accent_sensitive)

    typed = norm(given)
    if not typed:
        return None
    matches = [v for v in variants if norm(v.text) == typed]
    return max(matches, key=lambda v: v.credit) if matches else None
