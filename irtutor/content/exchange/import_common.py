"""What the GIFT and Moodle XML importers decide alike, once the source's own syntax is read."""

from __future__ import annotations

from typing import Any


def matching_fields(pairs: list[dict[str, str]], distractors: list[str], notes: list[str],
                    item: str = "left-hand item") -> dict[str, Any]:
    """A matching question's quiz.yaml fields from its pairs and spare right-hand items; ValueError says why
    the pairs cannot make one of ours (fewer than two, or one `item` twice)."""
    if len(pairs) < 2:
        raise ValueError(f"a matching question needs at least two pairs (found {len(pairs)})")
    lefts = [p["left"] for p in pairs]
    twice = next((left for i, left in enumerate(lefts) if left in lefts[:i]), None)
    if twice is not None:
        raise ValueError(f"the {item} {twice!r} is listed twice; each must differ")
    rights = {p["right"] for p in pairs}
    kept = [d for i, d in enumerate(distractors) if d not in rights and d not in distractors[:i]]
    if len(kept) < len(distractors):
        notes.append("a distractor that repeats an answer (or another distractor) is listed once")
    return {"kind": "matching", "pairs": pairs, **({"distractors": kept} if kept else {})}
