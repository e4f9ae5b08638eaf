"""Attempt layouts are reproducible from their seed; retries cost Moodle's penalty."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from irtutor.core.quiz_settings import AttemptLayout, QuizSettings, new_layout, penalised_score


@given(seed=st.integers(0, 2**31), ids=st.lists(st.text(min_size=1), min_size=1, max_size=10, unique=True))
def test_layout_round_trips_and_is_a_permutation(seed: int, ids: list[str]) -> None:
    layout = new_layout(tuple(ids), QuizSettings(shuffle_questions=True, shuffle_options=True), seed)
    again = AttemptLayout.from_json(layout.to_json(), ())
    assert sorted(layout.question_order) == sorted(ids)
    assert again.question_order == layout.question_order
    assert again.arrange("q", tuple(ids)) == layout.arrange("q", tuple(ids))
    assert sorted(layout.arrange("q", tuple(ids))) == sorted(ids)


def test_no_shuffling_unless_asked() -> None:
    layout = new_layout(("a", "b", "c"), QuizSettings(), seed=99)
    assert layout.question_order == ("a", "b", "c")
    assert layout.arrange("q", ("x", "y", "z")) == ("x", "y", "z")
    assert sorted(layout.arrange("q", ("x", "y", "z"), always=True)) == ["x", "y", "z"]


@pytest.mark.parametrize(("raw", "wrong_tries", "penalty", "expected"), [
    (1.0, 0, 1 / 3, 1.0), (1.0, 1, 1 / 3, 2 / 3), (1.0, 3, 1 / 3, 0.0), (0.5, 1, 0.1, 0.4), (1.0, 2, 0.0, 1.0),
])
def test_penalised_score(raw: float, wrong_tries: int, penalty: float, expected: float) -> None:
    assert penalised_score(raw, wrong_tries, penalty) == pytest.approx(expected)
