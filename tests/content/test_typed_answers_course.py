"""Typed answers across the course, graded as a teacher would: what a teacher accepts is right,
a near miss is forgiven only where letters (not digits) differ, and a wrong answer stays wrong.

The table was written from what a teacher marking by hand would accept, question by question.
"""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from irtutor.content.catalog import load_lessons
from irtutor.core.grading import grade
from irtutor.core.questions import Question, QuestionKind, Response
from tests.conftest import LESSONS


@cache
def course() -> dict[str, Question]:
    return {q.id: q for lesson in load_lessons([LESSONS]).lessons for q in lesson.questions}


def answer(question_id: str, typed: str, gap: int | None = None) -> tuple[float, tuple[str, ...]]:
    q = course()[question_id]
    if q.kind is QuestionKind.CLOZE:
        gaps = q.key.gaps
        outcome = grade(q, Response(gaps={gaps[gap or 0].id: typed}))
        part = outcome.part(gaps[gap or 0].id)
        return (part.credit if part else 0.0), outcome.feedback
    outcome = grade(q, Response(text=typed))
    return outcome.score, outcome.feedback


R, H, W = 1.0, 0.5, 0.0  # right, half (a variant the author gave half the mark), wrong

TABLE = [
    # nato-enlargement, Article 10's depositary: the United States, however a student writes it
    ("article-10-gaps", 2, "United States of America", R),
    ("article-10-gaps", 2, "the United States", R),
    ("article-10-gaps", 2, "U.S.", R),
    ("article-10-gaps", 2, "U.S.A.", R),
    ("article-10-gaps", 2, "USA", R),
    ("article-10-gaps", 2, "united states", R),
    ("article-10-gaps", 2, "Untied States", R),  # two letters swapped: one typo
    ("article-10-gaps", 2, "the Unted States", R),
    ("article-10-gaps", 2, "Canada", W),
    ("article-10-gaps", 2, "UK", W),
    ("article-10-gaps", 1, "European", R),
    ("article-10-gaps", 1, "Europaen", R),
    ("article-10-gaps", 1, "democratic", W),
    # nato-origins, Article 5's wording
    ("article-5-words", 3, "UN Security Council", R),
    ("article-5-words", 3, "United Nations Security Council", R),
    ("article-5-words", 3, "the Security Council", R),
    ("article-5-words", 3, "U.N. Security Council", R),
    ("article-5-words", 3, "Security Counsel", R),
    ("article-5-words", 3, "General Assembly", W),
    ("article-5-words", 1, "necessary", R),
    ("article-5-words", 1, "neccessary", R),
    ("article-5-words", 1, "needed", R),
    ("article-5-words", 1, "appropriate", W),
    # nato-since-2008, the article Putin invoked
    ("article-51-named", None, "Article 51", R),
    ("article-51-named", None, "Art 51", R),
    ("article-51-named", None, "Art. 51", R),
    ("article-51-named", None, "article 51 of the UN Charter", R),
    ("article-51-named", None, "Article 51 of the United Nations Charter", R),
    ("article-51-named", None, "51", R),
    ("article-51-named", None, "Article 52", W),  # a digit is never a typo
    ("article-51-named", None, "Article 5", W),
    ("article-51-named", None, "Article 2(4)", W),
    # un-pact-for-the-future, the domestic-jurisdiction paragraph
    ("amendment-article", None, "Article 2(7)", R),
    ("amendment-article", None, "Art. 2 (7)", R),
    ("amendment-article", None, "Article 2.7", R),
    ("amendment-article", None, "art 2(7)", R),
    ("amendment-article", None, "Article 2, paragraph 7", R),
    ("amendment-article", None, "2 (7)", R),
    ("amendment-article", None, "Article 2", H),
    ("amendment-article", None, "Article 2(4)", W),
    ("amendment-article", None, "Article 51", W),
    ("amendment-article", None, "Chapter VII", W),
    # nato-enlargement, the Membership Action Plan
    ("map-name", None, "Membership Action Plan", R),
    ("map-name", None, "the Membership Action Plan", R),
    ("map-name", None, "M.A.P.", R),
    ("map-name", None, "Membership Acton Plan", R),
    ("map-name", None, "Action Plan", H),
    ("map-name", None, "Partnership for Peace", W),
    # brics-vs-g7, purchasing power parity
    ("ppp-term", None, "purchasing power parity", R),
    ("ppp-term", None, "Purchasing-power parity", R),
    ("ppp-term", None, "purchasing power parrity", R),
    ("ppp-term", None, "P.P.P.", R),
    ("ppp-term", None, "purchasing power", H),
    ("ppp-term", None, "market exchange rates", W),
    # assurances-1990, the treaty's name
    ("treaty-name", None, "Two Plus Four Treaty", R),
    ("treaty-name", None, "the Two-Plus-Four Treaty", R),
    ("treaty-name", None, "2+4", R),
    ("treaty-name", None, "Two Plus For Treaty", R),
    ("treaty-name", None, "Final Settlement Treaty", H),
    ("treaty-name", None, "Treaty of Paris", W),
    ("treaty-name", None, "Helsinki Final Act", W),
    # us-russia-talks, the EU loan instrument
    ("safe-instrument", None, "SAFE", R),
    ("safe-instrument", None, "S.A.F.E.", R),
    ("safe-instrument", None, "Security Action for Europe", R),
    ("safe-instrument", None, "SAVE", W),  # four letters: no typo forgiven
    ("safe-instrument", None, "ReArm Europe", W),
    # nato-since-2008, numbers in a cloze are never typos
    ("hague-split", 1, "2035", R),
    ("hague-split", 1, "2036", W),
    ("hague-split", 2, "3,5", R),
    ("hague-split", 2, "3.6", W),
    ("saint-malo-words", 2, "Art. 5", R),
    ("saint-malo-words", 2, "article 5 of the Washington Treaty", R),
    ("saint-malo-words", 2, "Article 6", W),
    ("saint-malo-words", 0, "autonomus", R),
]


@pytest.mark.parametrize(("question_id", "gap", "typed", "credit"), TABLE,
                         ids=[f"{q}:{typed}" for q, _, typed, _ in TABLE])
def test_typed_answers_are_graded_as_a_teacher_would(question_id: str, gap: int | None, typed: str,
                                                     credit: float) -> None:
    assert answer(question_id, typed, gap)[0] == pytest.approx(credit)


def test_the_table_covers_sixty_responses() -> None:
    assert len(TABLE) >= 60


def test_a_forgiven_typo_says_how_the_answer_is_spelled() -> None:
    score, feedback = answer("ppp-term", "purchasing power parrity")
    assert score == 1.0 and feedback == ("Accepted, spelled “purchasing power parity”.",)


def test_a_known_wrong_answer_and_any_other_get_their_own_feedback() -> None:
    _, feedback = answer("amendment-article", "Article 51")
    assert feedback[0].startswith("Article 51 is about self-defence.")
    _, feedback = answer("amendment-article", "Chapter VII")
    assert feedback[0].startswith("The paragraph sits among the Charter's founding principles")
    _, feedback = answer("article-51-named", "Article 2 (4)")
    assert feedback[0].startswith("Article 2(4) is the rule the General Assembly said Russia broke")


def _typed_answers() -> list[tuple[str, str]]:
    """(question id, a right answer) for every typed question and typed gap in the course."""
    found = []
    for q in course().values():
        texts = getattr(q.key, "right_texts", lambda: ())()
        found += [(q.id, text) for text in texts]
    return found


def _accepts(q: Question, typed: str) -> bool:
    if q.kind is QuestionKind.CLOZE:
        return any(q.key.credit(gap, typed) >= 1.0 for gap in q.key.gaps if not gap.is_choice)
    return grade(q, Response(text=typed)).correct


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_typed_answers()), st.sampled_from(_typed_answers()))
def test_a_typo_never_turns_one_questions_answer_into_anothers(first: tuple[str, str],
                                                               other: tuple[str, str]) -> None:
    """Another question's right answer, typed here, is accepted only if the author listed it here."""
    question = course()[first[0]]
    typed = other[1]
    if _accepts(question, typed):
        key = question.key
        own = key.right_texts()
        from irtutor.core.text_matching import normalise

        assert normalise(typed) in {normalise(text) for text in own}, \
            f"{question.id} accepted {typed!r}, another question's answer, as a typo"


NEIGHBOURS = [("Austria", "Australia"), ("Slovakia", "Slovenia"), ("Niger", "Nigeria"), ("Malta", "Mali"),
              ("Sweden", "Swedes"), ("Latvia", "Lithuania"), ("Gambia", "Zambia"), ("Armenia", "Albania"),
              ("Dominica", "Dominican Republic"), ("Guinea", "Guyana")]


def _quiz_of(first: str, second: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Question]:
    from tests.content.minimal_lesson import QUIZ_YAML, write_lesson

    quiz = QUIZ_YAML + "".join(f"""\
  - id: {qid}
    kind: short_text
    prompt: Which state?
    answers: [{answer}]
    explanation: Because.
    page: 01-intro
""" for qid, answer in (("first", first), ("second", second)))
    root = tmp_path_factory.mktemp("neighbours")
    write_lesson(root, {"quiz.yaml": quiz})
    loaded = load_lessons([root])
    assert not loaded.problems
    return {q.id: q for q in loaded.lessons[0].questions}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(NEIGHBOURS), st.booleans())
def test_a_neighbouring_answer_in_the_same_quiz_is_never_forgiven_as_a_typo(
        tmp_path_factory: pytest.TempPathFactory, pair: tuple[str, str], swap: bool) -> None:
    first, second = reversed(pair) if swap else pair
    questions = _quiz_of(first, second, tmp_path_factory)
    # The other question's answer, typed here, is that question's answer, not a typo of this one's ...
    assert not grade(questions["first"], Response(text=second)).correct
    assert not grade(questions["second"], Response(text=first)).correct
    # ... while a real typo of this answer still earns the mark where the answer is long enough.
    typo = first[:-2] + first[-1] + first[-2]
    expected = len(first) > 4
    assert grade(questions["first"], Response(text=typo)).correct is expected
