"""Comparing typed answers with accepted ones, as a teacher reading them would.

Two steps. `normalise` removes what a reader does not see as a difference: case, accents,
compatibility forms, spacing, a leading article ("the United States"), the dots of an
abbreviation ("U.S." is "US"), spacing and brackets around numbers ("Art. 2 (7)" is
"article 2.7"), and, where the question allows, roman and ordinal numbers. Then `match` finds
the accepted (or wrong-with-feedback) variant: exactly after normalising, else, for an answer
with no digits, within a few typos (Damerau-Levenshtein, rapidfuzz). A typo is never forgiven
towards a variant when the typed text is itself a variant, or a right answer elsewhere in the
course (`protected`), so tolerance never turns one answer into another.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from irtutor.core.answer_keys import TextVariant

# Latin letters that Unicode does not decompose into a base letter and an accent.
_UNACCENTED = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
                             "ı": "i", "ŧ": "t", "Ŧ": "T"})
_ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=\S)")
_ABBREVIATION_DOT = re.compile(r"(?<=\b[^\W\d_])\.")  # the dot after a single letter: U.S., U.N.
_WORD_DOT = re.compile(r"(?<=[^\W\d_])\.(?=\s|$)")  # "Art." -> "Art"
_NUMBER_BRACKET = re.compile(r"(\d)\s*\(\s*(\d+)\s*\)")  # 2 (7) -> 2.7, as "Article 2.7" writes it
_SPACED_DASH = re.compile(r"\s*([-‐‑–—/])\s*")
_ABBREVIATIONS = {"art": "article", "arts": "articles", "para": "paragraph", "no": "number", "vs": "versus",
                  "st": "saint"}
_ROMAN = re.compile(r"\b(?=[mdclxvi]+\b)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})\b")
_ROMAN_VALUES = {"m": 1000, "d": 500, "c": 100, "l": 50, "x": 10, "v": 5, "i": 1}
_ORDINAL_SUFFIX = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth")
_ORDINAL_WORDS = {word: str(n) for n, word in enumerate(_ORDINALS, start=1)}


class Form(StrEnum):
    """Number forms a question may accept as equal to digits."""

    ROMAN = "roman"
    """"Article V" is "Article 5"."""
    ORDINAL = "ordinal"
    """"fifth" and "5th" are "5"."""


def normalise(text: str, *, case_sensitive: bool = False, accent_sensitive: bool = False,
              forms: frozenset[Form] = frozenset()) -> str:
    """The form two answers are compared in (see the module's docstring)."""
    folded = unicodedata.normalize("NFKD", text)
    if not accent_sensitive:
        folded = "".join(c for c in folded if not unicodedata.combining(c)).translate(_UNACCENTED)
    if not case_sensitive:
        folded = folded.casefold()
    folded = " ".join(folded.split())
    # An answer of punctuation or accents alone ("?", "¨") would vanish: keep it as written instead.
    if not _strip_punctuation(folded):
        return unicodedata.normalize("NFC", folded or " ".join(text.split()))
    reader = _reader_form(folded, lowered=not case_sensitive, forms=forms)
    return unicodedata.normalize("NFC", reader or _strip_punctuation(folded))


def _reader_form(text: str, *, lowered: bool, forms: frozenset[Form]) -> str:
    text = _NUMBER_BRACKET.sub(r"\1.\2", text)  # before the edges go: "2 (7)" keeps its bracket
    text = _strip_punctuation(text)
    text = _ABBREVIATION_DOT.sub("", text)
    text = _WORD_DOT.sub("", text)
    text = _SPACED_DASH.sub(r"\1", text)
    if lowered:
        text = _ARTICLE.sub("", text)
        words = [_ABBREVIATIONS.get(word, word) for word in text.split(" ")]
        if Form.ORDINAL in forms:
            words = [_ORDINAL_WORDS.get(word, word) for word in words]
        text = " ".join(words)
        if Form.ROMAN in forms:
            text = _ROMAN.sub(lambda m: str(_roman_value(m.group(0))) if m.group(0) else "", text)
    if Form.ORDINAL in forms:
        text = _ORDINAL_SUFFIX.sub(r"\1", text)
    return _strip_punctuation(" ".join(text.split()))


def _roman_value(numeral: str) -> int:
    total = 0
    for here, after in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[here]
        total += -value if after and _ROMAN_VALUES[after] > value else value
    return total


def _strip_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


TYPOS_AUTO = -1
"""`typos: auto`: none up to 4 characters, 1 up to 8, then 2."""
CATCH_ALL = "*"
"""A variant written `*` matches any answer no other variant matches (for its feedback)."""


@dataclass(frozen=True)
class Match:
    variant: TextVariant
    spelled: str = ""
    """The variant's text when the answer was accepted despite typos ("accepted, spelled ...")."""


def allowed_typos(typos: int, answer: str) -> int:
    """How many typos an answer may carry: never any where digits decide (numbers, dates, articles)."""
    if any(c.isdigit() for c in answer):
        return 0
    if typos != TYPOS_AUTO:
        return typos
    letters = len(answer.replace(" ", ""))
    return 0 if letters <= 4 else 1 if letters <= 8 else 2


def match(given: str, variants: Iterable[TextVariant], *, case_sensitive: bool = False,
          accent_sensitive: bool = False, forms: frozenset[Form] = frozenset(), typos: int = 0,
          protected: frozenset[str] = frozenset()) -> Match | None:
    """The variant `given` matches: exactly (the highest credit), else within typos, else `*`."""
    def norm(text: str) -> str:
        return normalise(text, case_sensitive=case_sensitive, accent_sensitive=accent_sensitive, forms=forms)

    typed = norm(given)
    if not typed:
        return None
    listed = [v for v in variants if v.text != CATCH_ALL]
    exact = [v for v in listed if norm(v.text) == typed]
    if exact:
        return Match(max(exact, key=lambda v: v.credit))
    if typos and typed not in protected:
        found = _within_typos(typed, [(norm(v.text), v) for v in listed], typos)
        if found is not None:
            return Match(found, spelled=found.text)
    catch_all = next((v for v in variants if v.text == CATCH_ALL), None)
    return Match(catch_all) if catch_all is not None else None


def _within_typos(typed: str, candidates: list[tuple[str, TextVariant]], typos: int) -> TextVariant | None:
    from rapidfuzz.distance import DamerauLevenshtein

    best: list[tuple[int, TextVariant]] = []
    for normal, variant in candidates:
        limit = allowed_typos(typos, normal)
        if not limit:
            continue
        distance = DamerauLevenshtein.distance(typed, normal, score_cutoff=limit)
        if distance <= limit:
            best.append((distance, variant))
    if not best:
        return None
    closest = min(d for d, _ in best)
    nearest = {v.credit: v for d, v in best if d == closest}
    # Two variants of different worth equally near: the typing does not say which was meant.
    return next(iter(nearest.values())) if len(nearest) == 1 else None


def protect_answers(keys: dict[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    """For each question id, the normalised right answers of the others that are not its own:
    typed exactly, they are another question's answer, never a typo of this one's."""
    normal = {qid: {normalise(text) for text in texts} for qid, texts in keys.items()}
    everyone = set().union(*normal.values()) if normal else set()
    return {qid: frozenset(everyone - own) for qid, own in normal.items()}


def best_match(given: str, variants: Iterable[TextVariant], *, case_sensitive: bool = False,
               accent_sensitive: bool = False) -> TextVariant | None:
    """The accepted variant with the highest credit that `given` matches exactly, or None."""
    found = match(given, variants, case_sensitive=case_sensitive, accent_sensitive=accent_sensitive)
    return found.variant if found is not None and found.variant.text != CATCH_ALL else None
