"""Whatever text an instructor's editor writes, loading gives a lesson or positioned problems."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from irtutor.content.lesson_loader import load_lesson
from tests.content.minimal_lesson import FILES, write_lesson

yaml_like = st.text(alphabet=st.sampled_from(list("abc:-[]{}\"'#&*!|>%@` \n\t0123456789\\,?é\x00\x07\ufeff")))
any_text = st.one_of(st.text(), yaml_like)


def _assert_lesson_or_positioned_problems(folder: Path) -> None:
    lesson, problems = load_lesson(folder)
    assert (lesson is None) == bool(problems)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
        assert Path(problem.path).parent == folder or Path(problem.path) == folder
        assert problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(FILES)), text=any_text)
def test_arbitrary_text_in_any_lesson_file(name: str, text: str) -> None:
    with tempfile.TemporaryDirectory() as root:
        folder = write_lesson(Path(root), {name: text})
        _assert_lesson_or_positioned_problems(folder)


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(sorted(FILES)), data=st.binary(max_size=400))
def test_arbitrary_bytes_in_any_lesson_file(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as root:
        folder = write_lesson(Path(root), {name: data})
        _assert_lesson_or_positioned_problems(folder)


@settings(max_examples=100, deadline=None)
@given(position=st.integers(min_value=0), junk=st.text(min_size=1, max_size=8))
def test_junk_inserted_into_a_valid_quiz(position: int, junk: str) -> None:
    quiz = FILES["quiz.yaml"]
    at = position % (len(quiz) + 1)
    with tempfile.TemporaryDirectory() as root:
        folder = write_lesson(Path(root), {"quiz.yaml": quiz[:at] + junk + quiz[at:]})
        _assert_lesson_or_positioned_problems(folder)
