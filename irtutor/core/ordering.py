"""Scoring a student's order of items against the right one, in Moodle's ordering-question modes.

Each function takes the right order and the student's order (both lists of distinct ids; the
student's may lack items) and returns a score in [0, 1]. With n items:

- all_or_nothing: 1 when the orders are equal, else 0.
- absolute_position: the share of the n positions holding the right item.
- relative_to_next (Moodle: "relative to the next item, excluding last"): every item except the
  one the student put last is checked: does the student's next item equal its next item in the
  right order? (The right last item has no next, so it never counts.) Score: hits / (n - 1).
- longest_ordered_subsequence (Moodle: "longest ordered subset"): the longest run of the
  student's items, not necessarily adjacent, that keeps the right relative order, over n; a run
  of one item shows no ordering at all and counts 0, so a fully reversed order scores 0.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import pairwise

from irtutor.core.kinds.ordering import OrderingMode

Scorer = Callable[[Sequence[str], Sequence[str]], float]


def all_or_nothing(right: Sequence[str], given: Sequence[str]) -> float:
    return 1.0 if list(given) == list(right) else 0.0


def absolute_position(right: Sequence[str], given: Sequence[str]) -> float:
    return sum(1 for r, g in zip(right, given, strict=False) if r == g) / len(right) if right else 0.0


def relative_to_next(right: Sequence[str], given: Sequence[str]) -> float:
    if len(right) < 2:
        return all_or_nothing(right, given)
    right_next = dict(pairwise(right))
    hits = sum(1 for item, after in pairwise(given) if right_next.get(item) == after)
    return hits / (len(right) - 1)


def longest_ordered_subsequence(right: Sequence[str], given: Sequence[str]) -> float:
    if len(right) < 2:
        return all_or_nothing(right, given)
    place = {item: i for i, item in enumerate(right)}
    length = longest_increasing_length([place[g] for g in given if g in place])
    return length / len(right) if length >= 2 else 0.0


def longest_increasing_length(values: Sequence[int]) -> int:
    """Length of the longest strictly increasing subsequence (patience sorting, O(n log n))."""
    tails: list[int] = []
    for value in values:
        at = bisect_left(tails, value)
        tails[at:at + 1] = [value]
    return len(tails)


SCORERS: dict[OrderingMode, Scorer] = {
    OrderingMode.ALL_OR_NOTHING: all_or_nothing,
    OrderingMode.ABSOLUTE_POSITION: absolute_position,
    OrderingMode.RELATIVE_TO_NEXT: relative_to_next,
    OrderingMode.LONGEST_ORDERED_SUBSEQUENCE: longest_ordered_subsequence,
}


def score_order(mode: OrderingMode, right: Sequence[str], given: Sequence[str]) -> float:
    """The score of `given` under `mode`.

    Ids not in `right` are dropped and a repeated id counts at its first place only, so the
    score is 1 exactly when what is left is the right order.
    """
    known = set(right)
    return SCORERS[mode](right, [g for g in dict.fromkeys(given) if g in known])


def items_in_place(mode: OrderingMode, right: Sequence[str], given: Sequence[str]) -> set[str]:
    """The items `mode` counts as well placed in `given`: what the widget marks right.

    - all_or_nothing and absolute_position: the items at their right position (all-or-nothing
      scores only the whole, but where it went wrong is still worth showing);
    - relative_to_next: the items followed by their right successor (the item placed last: when
      it is the right last item);
    - longest_ordered_subsequence: the items of one longest run in the right relative order
      (none when that run is a single item, as the score counts it).
    """
    known = set(right)
    order = [g for g in dict.fromkeys(given) if g in known]
    if mode in (OrderingMode.ALL_OR_NOTHING, OrderingMode.ABSOLUTE_POSITION) or len(right) < 2:
        return {g for r, g in zip(right, order, strict=False) if r == g}
    if mode is OrderingMode.RELATIVE_TO_NEXT:
        right_next = dict(pairwise(right))
        placed = {item for item, after in pairwise(order) if right_next.get(item) == after}
        if order and order[-1] == right[-1]:
            placed.add(order[-1])
        return placed
    place = {item: i for i, item in enumerate(right)}
    run = _longest_increasing_run(order, place)
    return set(run) if len(run) >= 2 else set()


def _longest_increasing_run(order: Sequence[str], place: dict[str, int]) -> list[str]:
    """One longest subsequence of `order` whose right positions increase (O(n log n), with back-links)."""
    tails: list[int] = []  # position in `order` of the smallest tail of each run length
    back: list[int] = []
    for i, item in enumerate(order):
        at = bisect_left([place[order[t]] for t in tails], place[item])
        back.append(tails[at - 1] if at else -1)
        tails[at:at + 1] = [i]
    run, i = [], tails[-1] if tails else -1
    while i >= 0:
        run.append(order[i])
        i = back[i]
    return run[::-1]
