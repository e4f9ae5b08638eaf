"""Cloze text -> ClozeKey. Gaps are written in double braces:

- `{{1949}}`: typed; `{{USSR;Soviet Union}}`: typed, any of these accepted;
- `{{twelve|twenty|eight}}`: a choice list; the first entry is right (the widget shuffles them).
"""

from __future__ import annotations

from irtutor.core.answer_keys import TextVariant
from irtutor.core.kinds.cloze import ClozeKey, Gap

OPEN, CLOSE = "{{", "}}"
CHOICE_MARK, VARIANT_MARK = "|", ";"


class ClozeSyntaxError(ValueError):
    """A malformed gap. `offset` is where in the text its `{{` (or a stray `}}`) starts; None for the whole text."""

    def __init__(self, message: str, offset: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def parse_cloze(text: str) -> ClozeKey:
    """The segments of `text`: plain strings and Gaps with ids g1, g2, ... in reading order."""
    segments: list[str | Gap] = []
    position = gaps = 0
    while (start := text.find(OPEN, position)) >= 0:
        _refuse_stray_close(text, position, start)
        end = text.find(CLOSE, start + len(OPEN))
        inner = text[start + len(OPEN):end]
        if end < 0 or OPEN in inner:
            raise ClozeSyntaxError(f"gap {_shown(text[start:start + 24])} is not closed: end it with }}}}", start)
        if start > position:
            segments.append(text[position:start])
        gaps += 1
        segments.append(_gap(f"g{gaps}", inner, start))
        position = end + len(CLOSE)
    _refuse_stray_close(text, position, len(text))
    if not gaps:
        raise ClozeSyntaxError("the cloze text has no gap: write each answer in double braces, e.g. {{1949}}", None)
    if position < len(text):
        segments.append(text[position:])
    return ClozeKey(tuple(segments))


def _refuse_stray_close(text: str, start: int, end: int) -> None:
    stray = text.find(CLOSE, start, end)
    if stray >= 0:
        raise ClozeSyntaxError("the cloze text has }} that closes no gap: open the gap with {{ or delete the }}", stray)


def _gap(gap_id: str, inner: str, offset: int) -> Gap:
    shown = _shown(OPEN + inner + CLOSE)
    if CHOICE_MARK in inner and VARIANT_MARK in inner:
        raise ClozeSyntaxError(f"gap {shown} mixes | and ;: separate choices with | or accepted answers "
                               "with ;, not both", offset)
    mark = CHOICE_MARK if CHOICE_MARK in inner else VARIANT_MARK
    entries = [entry.strip() for entry in inner.split(mark)]
    if len(entries) == 1 and not entries[0]:
        raise ClozeSyntaxError(f"gap {shown} is empty: write the answer between the braces, e.g. {{{{1949}}}}",
                               offset)
    if not all(entries):
        raise ClozeSyntaxError(f"gap {shown} has an empty entry: write something between each {mark}", offset)
    if mark == VARIANT_MARK:
        return Gap(gap_id, (), tuple(TextVariant(e) for e in entries))
    twice = next((e for i, e in enumerate(entries) if e in entries[:i]), None)
    if twice is not None:
        raise ClozeSyntaxError(f"gap {shown} lists the choice {twice!r} twice; each choice must differ", offset)
    return Gap(gap_id, tuple(entries), (TextVariant(entries[0]),))


def _shown(text: str) -> str:
    """A gap as quoted in a message, cut short if long."""
    return text if len(text) <= 40 else text[:37] + "..."
