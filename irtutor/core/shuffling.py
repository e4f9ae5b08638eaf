"""The order a widget shows items in: shuffled, but the same every time for the same seed.

A stable order matters because a student who comes back to a question (or whose computer
restarted) must see it as they left it; pass e.g. the question id as the seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def display_order(items: Sequence[T], seed: str) -> tuple[T, ...]:
    """`items` in a shuffled order fixed by `seed`."""
    shuffled = list(items)
    random.Random(seed).shuffle(shuffled)  # a str seed is hashed with SHA-512: stable across runs
    return tuple(shuffled)


def unsolved(shown: Sequence[T], right: Sequence[T]) -> tuple[T, ...]:
    """`shown`, rotated by one if it is exactly the `right` order of two or more items.

    A rotation (not a reshuffle) keeps the result a pure function of `shown`, so an attempt
    that is resumed shows the same order again.
    """
    if len(shown) > 1 and list(shown) == list(right):
        return (*shown[1:], shown[0])
    return tuple(shown)
