"""Grading choice questions: a table of cases and properties that must hold for any question."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from irtutor.core.grading import grade
from irtutor.core.questions import ChoiceKey, Option, Question, QuestionKind, Response, true_false_options


def question(kind: QuestionKind, correct: str, ids: str = "abcd") -> Question:
    options = tuple(Option(i, f"option {i}", i in correct, f"feedback {i}") for i in ids)
    return Question("q", kind, "Prompt?", ChoiceKey(options), "Because.", "01-intro", "src")


@pytest.mark.parametrize(("kind", "correct", "chosen", "score", "right"), [
    (QuestionKind.SINGLE_CHOICE, "b", "b", 1.0, True),
    (QuestionKind.SINGLE_CHOICE, "b", "a", 0.0, False),
    (QuestionKind.SINGLE_CHOICE, "b", "", 0.0, False),
    (QuestionKind.MULTIPLE_CHOICE, "ab", "ab", 1.0, True),
    (QuestionKind.MULTIPLE_CHOICE, "ab", "a", 0.5, False),
    (QuestionKind.MULTIPLE_CHOICE, "ab", "ac", 0.0, False),
    (QuestionKind.MULTIPLE_CHOICE, "ab", "abc", 0.5, False),
    (QuestionKind.MULTIPLE_CHOICE, "ab", "abcd", 0.0, False),
    (QuestionKind.MULTIPLE_CHOICE, "abc", "ab", 2 / 3, False),
])
def test_scores(kind: QuestionKind, correct: str, chosen: str, score: float, right: bool) -> None:
    outcome = grade(question(kind, correct), Response(frozenset(chosen)))
    assert outcome.score == pytest.approx(score)
    assert outcome.correct is right


def test_true_false_and_the_feedback_of_the_chosen_option() -> None:
    options = true_false_options(False, "No: it is not.", "Yes, false.")
    q = Question("tf", QuestionKind.TRUE_FALSE, "Is it?", ChoiceKey(options), "Why.", "01-intro")
    wrong = grade(q, Response.of("true"))
    # The line names its option, so a wrong answer never reads as a bare "Correct. ..." elsewhere.
    assert (wrong.correct, wrong.feedback) == (False, ("“True”: No: it is not.",))
    assert [(p.part, p.verdict, p.feedback) for p in wrong.parts] == [
        ("true", "wrong", "No: it is not."), ("false", "missed", "Yes, false.")]
    assert grade(q, Response.of("false")).correct


def test_unknown_option_ids_are_ignored() -> None:
    assert grade(question(QuestionKind.SINGLE_CHOICE, "a"), Response.of("a", "zz")).correct


def test_edited_wording_changes_the_question_hash() -> None:
    q = question(QuestionKind.SINGLE_CHOICE, "a")
    edited = Question(q.id, q.kind, "A different prompt?", q.key, q.explanation, q.page)
    assert q.content_hash() != edited.content_hash()
    assert q.content_hash() == question(QuestionKind.SINGLE_CHOICE, "a").content_hash()


kinds = st.sampled_from([QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE])


@given(kind=kinds, correct=st.sets(st.sampled_from("abcd"), min_size=1), chosen=st.sets(st.sampled_from("abcdx")))
def test_score_is_within_zero_and_one(kind: QuestionKind, correct: set[str], chosen: set[str]) -> None:
    if kind is QuestionKind.SINGLE_CHOICE:
        correct = {min(correct)}
    score = grade(question(kind, "".join(correct)), Response(frozenset(chosen))).score
    assert 0.0 <= score <= 1.0


@given(kind=kinds, correct=st.sets(st.sampled_from("abcd"), min_size=1))
def test_the_correct_response_scores_one(kind: QuestionKind, correct: set[str]) -> None:
    if kind is QuestionKind.SINGLE_CHOICE:
        correct = {min(correct)}
    q = question(kind, "".join(correct))
    assert grade(q, Response(q.correct_ids)).score == 1.0


@given(correct=st.sets(st.sampled_from("abcd"), min_size=1), chosen=st.sets(st.sampled_from("abcd")),
       order=st.permutations("abcd"))
def test_option_order_does_not_change_the_score(correct: set[str], chosen: set[str], order: list[str]) -> None:
    plain = question(QuestionKind.MULTIPLE_CHOICE, "".join(correct))
    shuffled = question(QuestionKind.MULTIPLE_CHOICE, "".join(correct), "".join(order))
    response = Response(frozenset(chosen))
    assert grade(plain, response).score == grade(shuffled, response).score
