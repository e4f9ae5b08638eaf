"""Grading every question kind: a table of cases per kind, with the feedback a student reads."""

from __future__ import annotations

import pytest

from irtutor.core.grading import grade
from irtutor.core.questions import (
    ChoiceKey,
    NumericKey,
    Option,
    OrderingMode,
    Question,
    QuestionKind,
    Response,
    TextKey,
    TextVariant,
    true_false_options,
)
from tests.core.kinds import FOUNDING, cloze, matching, numeric, ordering, short_text, weighted

# --- multiple choice with Moodle-style weights ----------------------------------------------

HALVES = weighted(("a", True, 0.5), ("b", True, 0.5), ("c", False, -0.5), ("d", False, None))


@pytest.mark.parametrize(("chosen", "score"), [
    ("ab", 1.0), ("a", 0.5), ("abc", 0.5), ("ac", 0.0), ("c", 0.0), ("", 0.0),
    ("abd", 1.0),  # a wrong option without a weight costs nothing, as in Moodle
])
def test_weighted_multiple_choice(chosen: str, score: float) -> None:
    outcome = grade(HALVES, Response(frozenset(chosen)))
    assert outcome.score == pytest.approx(score)
    assert outcome.correct is (score == 1.0)


def test_weights_in_thirds_still_reach_full_marks() -> None:
    thirds = weighted(("a", True, 0.3333), ("b", True, 0.3333), ("c", True, 0.3333), ("d", False, -1.0))
    assert grade(thirds, Response.of("a", "b", "c")).correct
    assert grade(thirds, Response.of("a", "b", "c", "d")).score == 0.0


# --- numeric ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "typed", "score"), [
    (numeric(1949), "1949", 1.0),
    (numeric(1949), " 1949 ", 1.0),
    (numeric(1949), "1,949", 1.0),
    (numeric(1949), "1949.0", 1.0),
    (numeric(1949), "1 949", 1.0),
    (numeric(1949), "1948", 0.0),
    (numeric(1949, 1), "1948", 1.0),
    (numeric(1949, 1), "1947", 0.0),
    (numeric(32, 5, percent=True), "33.6", 1.0),
    (numeric(32, 5, percent=True), "33.7", 0.0),
    (numeric(3.5), "3,5", 1.0),
    (numeric(-5), "−5", 1.0),
    (numeric(-5), "5", 0.0),
    (numeric(0.3), "0.30000000000000004", 1.0),
    (numeric(32, unit="members"), "32 members", 1.0),
    (numeric(32, unit="members"), "32 Members.", 1.0),
    (numeric(1, unit="members"), "1 member", 1.0),
    (numeric(32, unit="members"), "32 states", 0.0),
    (numeric(32), "32 states", 1.0),  # no unit asked for: words after the number are not judged
    (numeric(5, unit="%"), "5%", 1.0),
    (numeric(32), "thirty-two", 0.0),
    (numeric(32), "", 0.0),
])
def test_numeric(question: Question, typed: str, score: float) -> None:
    outcome = grade(question, Response(text=typed))
    assert (outcome.score, outcome.correct) == (score, score == 1.0)


@pytest.mark.parametrize(("question", "typed", "feedback"), [
    (numeric(32), "thirty-two", ("“thirty-two” is not a number: type digits, such as 1949 or 3.5.",
                                 "The answer is 32.")),
    (numeric(32), "  ", ("No answer was given.", "The answer is 32.")),
    (numeric(32, unit="members"), "32 km", ("The answer is in members, not in “km”.", "The answer is 32 members.")),
    (numeric(1949, 2), "1951.5", ("The answer is 1949 (±2).",)),
    (numeric(32, 5, percent=True), "40", ("The answer is 32 (±5%).",)),
    (numeric(1.949), "1,949", ("“1,949” was read as 1949: a comma before exactly three digits separates thousands. "
                               "For a decimal, write 1.949.", "The answer is 1.949.")),
    (numeric(1949), "1949", ()),
])
def test_numeric_feedback(question: Question, typed: str, feedback: tuple[str, ...]) -> None:
    assert grade(question, Response(text=typed)).feedback == feedback


# --- short text -------------------------------------------------------------------------------

WARSAW = short_text("USSR", "Soviet Union", ("Russia", 0.5))


@pytest.mark.parametrize(("question", "typed", "score"), [
    (WARSAW, "USSR", 1.0),
    (WARSAW, "ussr", 1.0),
    (WARSAW, "  the Soviet   Union.", 1.0),  # a leading article is no mistake
    (WARSAW, "  Soviet   union. ", 1.0),
    (WARSAW, "“USSR”", 1.0),
    (WARSAW, "russia", 0.5),
    (WARSAW, "Poland", 0.0),
    (WARSAW, "", 0.0),
    (short_text("Zürich"), "zurich", 1.0),
    (short_text("Zurich"), "ZÜRICH", 1.0),
    (short_text("Zürich", accents=True), "Zurich", 0.0),
    (short_text("Zürich", accents=True), "zürich", 1.0),
    (short_text("NATO", case=True), "Nato", 0.0),
    (short_text("NATO", case=True), "NATO", 1.0),
    (short_text(("Moscow", 0.5), ("Kremlin", 0.25)), "the kremlin", 0.25),
    (short_text(("Moscow", 0.5), ("Kremlin", 0.25)), "Kremlon", 0.25),  # one typo in a 7-letter answer
    (short_text(("Moscow", 0.5), ("Kremlin", 0.25), "Russia"), "kremlin", 0.25),
])
def test_short_text(question: Question, typed: str, score: float) -> None:
    outcome = grade(question, Response(text=typed))
    assert (outcome.score, outcome.correct) == (score, score == 1.0)


@pytest.mark.parametrize(("typed", "feedback"), [
    ("Russia", ("“Russia” earns 50% of the mark; the full answer is USSR.",)),
    ("Poland", ("The answer is USSR (also accepted: Soviet Union).",)),
    ("", ("No answer was given.", "The answer is USSR (also accepted: Soviet Union).")),
    ("ussr", ()),
])
def test_short_text_feedback(typed: str, feedback: tuple[str, ...]) -> None:
    assert grade(WARSAW, Response(text=typed)).feedback == feedback


# --- matching ---------------------------------------------------------------------------------

JOINED = matching({"Finland": "2023", "Sweden": "2024", "Norway": "1949", "Denmark": "1949"}, ("2022",))


@pytest.mark.parametrize(("pairs", "score"), [
    ({"Finland": "2023", "Sweden": "2024", "Norway": "1949", "Denmark": "1949"}, 1.0),
    ({"Finland": "2024", "Sweden": "2023", "Norway": "1949", "Denmark": "1949"}, 0.5),
    ({"Finland": "2022", "Sweden": "2024", "Norway": "1949", "Denmark": "1949"}, 0.75),
    ({"Finland": "2023"}, 0.25),
    ({"Finland": "2023", "Poland": "1999"}, 0.25),
    ({}, 0.0),
])
def test_matching(pairs: dict[str, str], score: float) -> None:
    outcome = grade(JOINED, Response(pairs=pairs))
    assert (outcome.score, outcome.correct) == (score, score == 1.0)


def test_matching_feedback_names_each_wrong_or_missing_pair() -> None:
    outcome = grade(JOINED, Response(pairs={"Finland": "2022", "Sweden": "2024", "Norway": "1949"}))
    assert outcome.feedback == ("Finland: 2023, not 2022.", "Denmark: 1949 (not matched).")


# --- ordering: Moodle's own test cases for each mode (items M O R D L E in that order) --------

RIGHT, REVERSED, FIRST_LAST, TWO_SWAPPED = "MORDLE", "ELDROM", "EORDLM", "OMRDLE"
ONE_MOVED = "ORDLEM"


@pytest.mark.parametrize(("mode", "given", "score"), [
    (OrderingMode.ALL_OR_NOTHING, RIGHT, 1.0),
    (OrderingMode.ALL_OR_NOTHING, REVERSED, 0.0),
    (OrderingMode.ALL_OR_NOTHING, ONE_MOVED, 0.0),
    (OrderingMode.ABSOLUTE_POSITION, RIGHT, 1.0),
    (OrderingMode.ABSOLUTE_POSITION, REVERSED, 0.0),
    (OrderingMode.ABSOLUTE_POSITION, FIRST_LAST, 4 / 6),
    (OrderingMode.ABSOLUTE_POSITION, "RODLEM", 1 / 6),
    (OrderingMode.RELATIVE_TO_NEXT, RIGHT, 1.0),
    (OrderingMode.RELATIVE_TO_NEXT, REVERSED, 0.0),
    (OrderingMode.RELATIVE_TO_NEXT, FIRST_LAST, 3 / 5),
    (OrderingMode.RELATIVE_TO_NEXT, "RODLEM", 2 / 5),
    (OrderingMode.LONGEST_ORDERED_SUBSEQUENCE, RIGHT, 1.0),
    (OrderingMode.LONGEST_ORDERED_SUBSEQUENCE, REVERSED, 0.0),
    (OrderingMode.LONGEST_ORDERED_SUBSEQUENCE, ONE_MOVED, 5 / 6),
    (OrderingMode.LONGEST_ORDERED_SUBSEQUENCE, TWO_SWAPPED, 5 / 6),
    (OrderingMode.LONGEST_ORDERED_SUBSEQUENCE, "MOR", 3 / 6),
    (OrderingMode.LONGEST_ORDERED_SUBSEQUENCE, "", 0.0),
    (OrderingMode.ABSOLUTE_POSITION, "MMORDLE", 1.0),  # a repeated id counts at its first place only
    (OrderingMode.ABSOLUTE_POSITION, "MxORDLE", 1.0),  # an unknown id is dropped
])
def test_ordering(mode: OrderingMode, given: str, score: float) -> None:
    outcome = grade(ordering(RIGHT, mode), Response(order=tuple(given)))
    assert outcome.score == pytest.approx(score)
    assert outcome.correct is (score == 1.0)


def test_ordering_feedback_gives_the_right_order() -> None:
    q = ordering("abc")
    assert grade(q, Response(order=("b", "a", "c"))).feedback == ("The right order: item a → item b → item c.",)
    assert grade(q, Response(order=("a", "b", "c"))).feedback == ()


def test_the_default_ordering_mode_is_the_longest_ordered_subsequence() -> None:
    assert ordering("abc").key.mode is OrderingMode.LONGEST_ORDERED_SUBSEQUENCE  # type: ignore[union-attr]


# --- cloze ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("gaps", "score"), [
    ({"g1": "1949", "g2": "twelve", "g3": "USA"}, 1.0),
    ({"g1": " 1949 ", "g2": "twelve", "g3": "the united states"}, 1.0),  # "the" is no mistake
    ({"g1": "1948", "g2": "twelve", "g3": "USA"}, 2 / 3),  # a year is never a typo
    ({"g1": "1949", "g2": "twelve", "g3": "united states"}, 1.0),
    ({"g1": "1949", "g2": "twenty", "g3": "USA"}, 2 / 3),
    ({"g1": "1949", "g2": "Twelve", "g3": "USA"}, 2 / 3),  # a choice is its exact text
    ({"g1": "1950"}, 0.0),
    ({}, 0.0),
])
def test_cloze(gaps: dict[str, str], score: float) -> None:
    outcome = grade(cloze(FOUNDING), Response(gaps=gaps))
    assert outcome.score == pytest.approx(score)
    assert outcome.correct is (score == 1.0)


def test_cloze_feedback_lists_the_wrong_gaps() -> None:
    outcome = grade(cloze(FOUNDING), Response(gaps={"g1": "1950", "g2": "twelve"}))
    assert outcome.feedback == ("Gap 1: 1949, not “1950”.", "Gap 3: USA (left empty).")


def test_a_typed_cloze_gap_with_partial_credit() -> None:
    from irtutor.core.questions import ClozeKey, Gap

    key = ClozeKey(("Led by the ", Gap("g1", (), (TextVariant("USSR"), TextVariant("Russia", 0.5))), "."))
    outcome = grade(Question("c", QuestionKind.CLOZE, "Fill.", key, "Why.", "p"), Response(gaps={"g1": "russia"}))
    assert outcome.score == 0.5
    assert outcome.feedback == ("Gap 1: “russia” earns 50%; the full answer is USSR.",)


# --- the question itself ----------------------------------------------------------------------

def test_a_kind_takes_only_its_own_key() -> None:
    with pytest.raises(TypeError, match="a numeric question cannot carry a TextKey"):
        Question("q", QuestionKind.NUMERIC, "?", TextKey((TextVariant("x"),)), "", "p")


def test_an_options_tuple_still_makes_a_choice_question() -> None:
    options = true_false_options(True, "", "")
    q = Question("q", QuestionKind.TRUE_FALSE, "?", options, "", "p")  # type: ignore[arg-type]
    assert q.key == ChoiceKey(options)
    assert q.options == options and q.correct_ids == {"true"}


def test_other_kinds_have_no_options() -> None:
    assert (numeric(1).options, numeric(1).correct_ids, numeric(1).option("a")) == ((), frozenset(), None)


def test_choice_hashes_are_those_stored_before_answer_keys_existed() -> None:
    """Answers saved by earlier versions keep matching their unedited questions."""
    options = (Option("a", "option a", True, "fa"), Option("b", "option b", False, ""))
    q = Question("q", QuestionKind.SINGLE_CHOICE, "Prompt?", ChoiceKey(options), "Because.", "01-intro", "src")
    assert q.content_hash() == "d0cf282375b8e0acd593b3c8bd0de7ebc1a72ccb9ab8ec7bbc8e9745db44db1d"
    tf = Question("tf", QuestionKind.TRUE_FALSE, "Is it?", ChoiceKey(true_false_options(False, "x", "y")), "Why.", "p")
    assert tf.content_hash() == "761cb825151d130cb979d201ea02c122e84dd8a9461733d16669f2bba96f4cae"


@pytest.mark.parametrize(("before", "after"), [
    (numeric(32), numeric(33)),
    (numeric(32, 1), numeric(32, 2)),
    (numeric(32, 1), numeric(32, 1, percent=True)),
    (numeric(32), numeric(32, unit="members")),
    (short_text("USSR", ("Russia", 0.5)), short_text("USSR", ("Russia", 0.25))),
    (short_text("USSR"), short_text("USSR", case=True)),
    (matching({"a": "1", "b": "2"}), matching({"a": "2", "b": "1"})),
    (matching({"a": "1", "b": "2"}), matching({"a": "1", "b": "2"}, ("3",))),
    (ordering("abc"), ordering("acb")),
    (ordering("abc"), ordering("abc", OrderingMode.ALL_OR_NOTHING)),
    (cloze("In {{1949}}."), cloze("In {{1949;1950}}.")),
    (cloze("In {{1949|1950}}."), cloze("In {{1950|1949}}.")),
    (weighted(("a", True, 1.0), ("b", False, None)), weighted(("a", True, 1.0), ("b", False, -0.5))),
])
def test_the_content_hash_covers_the_whole_key(before: Question, after: Question) -> None:
    assert before.content_hash() != after.content_hash()


def test_equal_keys_hash_equal() -> None:
    assert cloze(FOUNDING).content_hash() == cloze(FOUNDING).content_hash()
    assert numeric(32, unit="x").content_hash() == Question(
        "other-id", QuestionKind.NUMERIC, "Prompt?", NumericKey(32, 0.0, False, "x"), "Else.", "p").content_hash()
