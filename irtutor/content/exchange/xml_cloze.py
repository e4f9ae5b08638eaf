"""Moodle's cloze (multianswer) question -> our cloze text with `{{...}}` gaps.

Moodle writes gaps inside the question text as `{weight:TYPE:answer~answer}`, each answer being
`=text` (right), `%50%text` (half right) or `text` (wrong), optionally followed by `#feedback`
(question/type/multianswer/questiontype.php). Our gaps are typed (`{{a;b}}`, every variant right)
or a choice list (`{{right|wrong|wrong}}`), each worth an equal share and without feedback, so:
SA/SAC/NM become typed gaps and MC* choice lists; MR* (several right choices), a number gap with a
tolerance, and a gap with no single right answer are refused; partial credit, feedback, gap
weights and case sensitivity are dropped with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from irtutor.content.exchange.html_text import plain_text, to_markdown
from irtutor.content.exchange.xml_kinds import FULL
from irtutor.content.exchange.xml_source import DEFAULT_FORMAT, Skip, Source, percent_number

GAP_START = re.compile(r"\{(\d*):([A-Z_]+)([:}])")
TYPED = {"SHORTANSWER", "SA", "MW"}
TYPED_CASE = {"SHORTANSWER_C", "SAC", "MWC"}
NUMBER = {"NUMERICAL", "NM"}
CHOICE = {"MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH"}
CHOICE_SHUFFLED = {"MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS"}
MULTI_RESPONSE = {"MULTIRESPONSE", "MR", "MULTIRESPONSE_H", "MRH", "MULTIRESPONSE_S", "MRS",
                  "MULTIRESPONSE_HS", "MRHS"}
RESERVED = ("|", ";", "{{", "}}")
PLACEHOLDER = "CLOZEGAP{}X"
WHERE = "questiontext"


@dataclass(frozen=True)
class Alternative:
    text: str
    fraction: float
    feedback: str


def multianswer(source: Source) -> dict[str, Any]:
    from irtutor.core.cloze import ClozeSyntaxError, parse_cloze

    raw = source.raw("questiontext")
    spans = list(_gap_spans(raw))
    if not spans:
        raise Skip("the cloze text has no gaps ({1:SHORTANSWER:=answer} and the like)", WHERE)
    gaps = [_gap(number, kind, inner, source) for number, (_, _, kind, inner, _) in enumerate(spans, 1)]
    weights = {weight for _, _, _, _, weight in spans}
    if len(weights) > 1:
        source.notes.append(f"gaps weighed {', '.join(sorted(weights))} marks in Moodle; here each gap earns "
                            "an equal share")
    held, position = [], 0
    for number, (start, end, _, _, _) in enumerate(spans, 1):
        held.append(raw[position:start] + PLACEHOLDER.format(number))
        position = end
    element = source.child("questiontext")
    text = to_markdown("".join(held) + raw[position:], element.get("format", DEFAULT_FORMAT) if element is not None
                       else DEFAULT_FORMAT)
    for number, gap in enumerate(gaps, 1):
        if text.count(PLACEHOLDER.format(number)) != 1:
            raise Skip(f"gap {number} sits inside something that cannot be shown here (a script or a frame)", WHERE)
        text = text.replace(PLACEHOLDER.format(number), gap)
    try:
        parse_cloze(text)
    except ClozeSyntaxError as error:
        raise Skip(f"the text does not make a cloze here: {error.message}", WHERE) from None
    return {"kind": "cloze", "text": text, "typos": 0}


def _gap_spans(raw: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, TYPE, inner text, weight) of each gap, in reading order."""
    spans, position = [], 0
    while (found := GAP_START.search(raw, position)) is not None:
        number = len(spans) + 1
        shown = raw[found.start():found.start() + 30]
        if found.group(3) == "}":
            raise Skip(f"gap {number} {shown!r} has no answers after its type", WHERE)
        end = _closing(raw, found.end())
        if end < 0:
            raise Skip(f"gap {number} {shown!r} is not closed: end it with }}", WHERE)
        spans.append((found.start(), end + 1, found.group(2), raw[found.end():end], found.group(1) or "1"))
        position = end + 1
    return spans


def _closing(raw: str, start: int) -> int:
    """Where the unescaped `}` that closes a gap is; -1 if none."""
    i = start
    while i < len(raw):
        if raw[i] == "\\":
            i += 2
            continue
        if raw[i] == "}":
            return i
        if raw[i] == "{" and GAP_START.match(raw, i):
            return -1  # the next gap starts before this one ends
        i += 1
    return -1


def _alternatives(inner: str) -> list[Alternative]:
    alternatives = []
    for part in _split(inner, "~"):
        fraction = 0.0
        if part.startswith("="):
            fraction, part = 100.0, part[1:]
        elif (weight := re.match(r"%(-?\d+(?:[.,]\d*)?)%", part)) is not None:
            fraction, part = float(weight.group(1).replace(",", ".")), part[weight.end():]
        answer, *feedback = _split(part, "#")
        text, said = plain_text(_unescape(answer), ""), plain_text(_unescape("".join(feedback)))
        alternatives.append(Alternative(text, fraction, said))
    return alternatives


def _split(text: str, mark: str) -> list[str]:
    parts, current, i = [], "", 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            current += text[i:i + 2]
            i += 2
            continue
        # `#` starts the feedback, once; `&#39;` is an HTML character, not a feedback.
        if text[i] == mark and (mark != "#" or (not parts and not current.endswith("&"))):
            parts.append(current)
            current = ""
        else:
            current += text[i]
        i += 1
    return [*parts, current]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _gap(number: int, kind: str, inner: str, source: Source) -> str:
    if kind in MULTI_RESPONSE:
        raise Skip(f"gap {number} is a {kind} gap (several right choices); our gaps have one right choice", WHERE)
    if kind not in TYPED | TYPED_CASE | NUMBER | CHOICE | CHOICE_SHUFFLED:
        raise Skip(f"gap {number} has the unknown type {kind!r}", WHERE)
    alternatives = _alternatives(inner)
    for alternative in alternatives:
        if not alternative.text:
            raise Skip(f"gap {number} has an empty answer", WHERE)
        if any(mark in alternative.text for mark in RESERVED):
            raise Skip(f"gap {number}: the answer {alternative.text!r} contains | ; {{{{ or }}}}, which our gap "
                       "syntax uses", WHERE)
    _note_lost(number, alternatives, source)
    if kind in CHOICE | CHOICE_SHUFFLED:
        if kind in CHOICE:
            source.notes.append(f"gap {number}: Moodle showed the choices in order; here they are shuffled")
        return _choice_gap(number, alternatives)
    if kind in TYPED_CASE:
        source.notes.append(f"gap {number}: case-sensitive in Moodle; our gaps ignore case")
    if kind in NUMBER:
        return _number_gap(number, alternatives, source)
    return _typed_gap(number, alternatives)


def _note_lost(number: int, alternatives: list[Alternative], source: Source) -> None:
    for alternative in alternatives:
        if 0 < alternative.fraction < FULL:
            source.notes.append(f"gap {number}: {alternative.text!r} earned {percent_number(alternative.fraction)}% "
                                "in Moodle; here only right answers earn marks")
    if any(a.feedback for a in alternatives):
        source.notes.append(f"gap {number}: per-answer feedback is dropped")


def _choice_gap(number: int, alternatives: list[Alternative]) -> str:
    if len(alternatives) < 2:
        raise Skip(f"gap {number} is a choice list with fewer than two choices", WHERE)
    right = [a for a in alternatives if a.fraction >= FULL]
    if len(right) != 1:
        raise Skip(f"gap {number} needs exactly one choice graded 100% (found {len(right)})", WHERE)
    texts = [right[0].text] + [a.text for a in alternatives if a is not right[0]]
    twice = next((t for i, t in enumerate(texts) if t in texts[:i]), None)
    if twice is not None:
        raise Skip(f"gap {number} lists the choice {twice!r} twice", WHERE)
    return "{{" + "|".join(texts) + "}}"


def _typed_gap(number: int, alternatives: list[Alternative]) -> str:
    for alternative in alternatives:
        if "*" in alternative.text and alternative.text != "*":
            raise Skip(f"gap {number}: the answer {alternative.text!r} uses Moodle's * wildcard", WHERE)
    right = [a.text for a in alternatives if a.fraction >= FULL and a.text != "*"]
    if not right:
        raise Skip(f"gap {number} has no answer graded 100%", WHERE)
    return "{{" + ";".join(dict.fromkeys(right)) + "}}"


def _number_gap(number: int, alternatives: list[Alternative], source: Source) -> str:
    right = []
    for alternative in alternatives:
        if alternative.text == "*" or alternative.fraction < FULL:
            continue
        value, _, tolerance = alternative.text.partition(":")
        try:
            float(value)
            margin = float(tolerance or "0")
        except ValueError:
            raise Skip(f"gap {number}: {alternative.text!r} is not a number (or number:tolerance)", WHERE) from None
        if margin:
            raise Skip(f"gap {number} accepts {value} ± {tolerance}; our gaps match the typed text, without a "
                       "tolerance", WHERE)
        right.append(value.strip())
    if not right:
        raise Skip(f"gap {number} has no answer graded 100%", WHERE)
    source.notes.append(f"gap {number}: a number gap is matched as text here (type {right[0]} as written)")
    return "{{" + ";".join(dict.fromkeys(right)) + "}}"
