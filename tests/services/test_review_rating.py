"""The rule that turns a graded answer into an FSRS rating (irtutor.core.review.rating_for)."""

from __future__ import annotations

import pytest

from irtutor.core.review import ReviewRating, rating_for

A, H, G, E = ReviewRating.AGAIN, ReviewRating.HARD, ReviewRating.GOOD, ReviewRating.EASY


@pytest.mark.parametrize(("score", "duration_ms", "rating"), [
    (0.0, 3_000, A),       # wrong, however fast
    (0.0, 60_000, A),
    (0.49, 3_000, A),      # under half marks: guessing explains it as well as knowing
    (0.5, 3_000, H),       # half marks or more: recalled with gaps, never "easy"
    (0.75, 20_000, H),
    (0.999, 1_000, H),
    (1.0, 20_000, G),      # right after thinking it over
    (1.0, 8_000, G),       # 8 s is the line: not under it
    (1.0, 7_999, E),       # right and fast
    (1.0, 1, E),
    (1.0, 0, G),           # duration not measured: never called easy
    (1.0, -5, G),
    (0.1 * 10, 2_000, E),  # float sums of partial marks still count as full marks
])
def test_rating_rule(score: float, duration_ms: int, rating: ReviewRating) -> None:
    assert rating_for(score, duration_ms) is rating


def test_ratings_use_fsrs_numbers() -> None:
    from fsrs import Rating

    assert [int(r) for r in ReviewRating] == [int(r) for r in Rating]
