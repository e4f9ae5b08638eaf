"""Properties every kind's grading keeps, for any question and any response."""

from __future__ import annotations

import random

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from irtutor.core.grading import grade
from irtutor.core.kinds.map_selection import MapKey
from irtutor.core.kinds.timeline_placement import TimelineKey
from irtutor.core.numbers import format_number
from irtutor.core.questions import (
    ChoiceKey,
    ClozeKey,
    Gap,
    Item,
    MatchingKey,
    NumericKey,
    Option,
    OrderingKey,
    OrderingMode,
    Question,
    QuestionKind,
    Response,
    TextKey,
    TextVariant,
)
from irtutor.core.shuffling import display_order, unsolved
from tests.right_answers import right_response

labels = st.text(min_size=1, max_size=12).filter(str.strip)
credits = st.floats(min_value=0.01, max_value=1.0)


def question(kind: QuestionKind, key: object) -> Question:
    return Question("q", kind, "Prompt?", key, "Because.", "p")  # type: ignore[arg-type]


@st.composite
def choice_questions(draw: st.DrawFn) -> Question:
    kind = draw(st.sampled_from([QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE]))
    ids = "ab" if kind is QuestionKind.TRUE_FALSE else "abcdef"[: draw(st.integers(2, 6))]
    right = {draw(st.sampled_from(ids))}
    if kind is QuestionKind.MULTIPLE_CHOICE:
        right |= draw(st.sets(st.sampled_from(ids)))
    use_weights = kind is QuestionKind.MULTIPLE_CHOICE and draw(st.booleans())
    options = tuple(
        Option(i, f"option {i}", i in right, "",
               (draw(credits) if i in right else draw(st.none() | st.floats(-1.0, 0.0))) if use_weights else None)
        for i in ids
    )
    return question(kind, ChoiceKey(options))


numeric_questions = st.builds(
    lambda value, tolerance, percent, unit: question(QuestionKind.NUMERIC, NumericKey(value, tolerance, percent, unit)),
    st.floats(-1e9, 1e9, allow_nan=False), st.floats(0, 100), st.booleans(), st.sampled_from(["", "members", "%"]),
)


@st.composite
def text_questions(draw: st.DrawFn) -> Question:
    variants = [TextVariant(draw(labels)), *draw(st.lists(st.builds(TextVariant, labels, credits), max_size=3))]
    draw(st.randoms()).shuffle(variants)
    return question(QuestionKind.SHORT_TEXT, TextKey(tuple(variants), draw(st.booleans()), draw(st.booleans())))


@st.composite
def matching_questions(draw: st.DrawFn) -> Question:
    n_left, n_right = draw(st.integers(2, 5)), draw(st.integers(1, 6))
    lefts = tuple(Item(f"l{i}", f"left {i}") for i in range(n_left))
    rights = tuple(Item(f"r{i}", f"right {i}") for i in range(n_right))
    pairs = tuple((left.id, draw(st.sampled_from(rights)).id) for left in lefts)
    return question(QuestionKind.MATCHING, MatchingKey(lefts, rights, pairs))


ordering_questions = st.builds(
    lambda n, mode: question(QuestionKind.ORDERING, OrderingKey(tuple(Item(f"i{i}", f"item {i}") for i in range(n)),
                                                                mode)),
    st.integers(2, 7), st.sampled_from(OrderingMode),
)


@st.composite
def cloze_questions(draw: st.DrawFn) -> Question:
    segments: list[str | Gap] = []
    for number in range(1, draw(st.integers(1, 4)) + 1):
        segments.append(draw(st.text(max_size=10)))
        if draw(st.booleans()):
            choices = draw(st.lists(labels, min_size=2, max_size=4, unique=True))
            segments.append(Gap(f"g{number}", tuple(choices), (TextVariant(choices[0]),)))
        else:
            typed = draw(st.lists(labels, min_size=1, max_size=3))
            segments.append(Gap(f"g{number}", (), tuple(TextVariant(t) for t in typed)))
    return question(QuestionKind.CLOZE, ClozeKey(tuple(segments)))


COUNTRIES = ("POL", "CZE", "HUN", "FIN", "SWE", "ESP")
map_questions = st.builds(
    lambda countries, year: question(QuestionKind.MAP_SELECTION, MapKey(tuple(countries), year)),
    st.sets(st.sampled_from(COUNTRIES), min_size=1), st.none() | st.integers(1949, 2024),
)
years = st.integers(1900, 2030)


@st.composite
def timeline_questions(draw: st.DrawFn) -> Question:
    n = draw(st.integers(1, 5))
    events = tuple(Item(f"e{i}", f"event {i}") for i in range(n))
    key = TimelineKey(events, tuple(draw(st.lists(years, min_size=n, max_size=n))), draw(st.integers(0, 3)))
    return question(QuestionKind.TIMELINE_PLACEMENT, key)


any_question = st.one_of(choice_questions(), numeric_questions, text_questions(), matching_questions(),
                         ordering_questions, cloze_questions(), map_questions, timeline_questions())


@pytest.mark.parametrize("kind", list(QuestionKind))
def test_any_question_draws_every_kind(kind: QuestionKind) -> None:
    # A kind added later needs a strategy in any_question, or these properties never check its grading.
    found = find(any_question, lambda q: q.kind is kind, settings=settings(database=None, max_examples=2000))
    assert found.kind is kind


def ids_of(q: Question) -> list[str]:
    """Every id a response to `q` could name, and one it could not."""
    key = q.key
    found = ["nope"]
    if isinstance(key, ChoiceKey):
        found += [o.id for o in key.options]
    elif isinstance(key, MatchingKey):
        found += [i.id for i in key.lefts + key.rights]
    elif isinstance(key, OrderingKey):
        found += list(key.ids)
    elif isinstance(key, ClozeKey):
        found += [g.id for g in key.gaps] + [c for g in key.gaps for c in g.choices]
    elif isinstance(key, MapKey):
        found += list(COUNTRIES)
    elif isinstance(key, TimelineKey):
        found += [e.id for e in key.events]
    return found


@st.composite
def question_and_response(draw: st.DrawFn) -> tuple[Question, Response]:
    q = draw(any_question)
    ids = st.sampled_from(ids_of(q))
    typed = st.text(max_size=15) | st.sampled_from([format_number(getattr(q.key, "value", 0.0)), "1,949", "3,5 %"])
    placed = years.map(str) | st.sampled_from([str(y) for y in getattr(q.key, "years", ())] or ["1949"])
    return q, Response(
        selected=draw(st.frozensets(ids)), text=draw(typed), pairs=draw(st.dictionaries(ids, ids | placed | typed)),
        order=tuple(draw(st.lists(ids))), gaps=draw(st.dictionaries(ids, typed | ids)),
    )


@given(question_and_response())
def test_the_score_is_within_zero_and_one_and_correct_means_one(case: tuple[Question, Response]) -> None:
    outcome = grade(*case)
    assert 0.0 <= outcome.score <= 1.0
    assert outcome.correct is (outcome.score == 1.0)
    assert all(isinstance(line, str) and line for line in outcome.feedback)


@given(any_question)
def test_the_right_response_scores_one(q: Question) -> None:
    outcome = grade(q, right_response(q))
    assert (outcome.score, outcome.correct) == (1.0, True)


@given(question_and_response(), st.randoms())
def test_the_order_things_are_shown_in_changes_nothing(case: tuple[Question, Response], rnd: random.Random) -> None:
    """Options, matching columns and cloze choice lists are graded by id or text, never by place.

    (Feedback lines follow the order on screen, so only their order may differ.)
    """
    q, response = case
    plain, shown = grade(q, response), grade(question(q.kind, _shuffled_display(q.key, rnd)), response)
    assert (shown.score, shown.correct, sorted(shown.feedback)) == (plain.score, plain.correct, sorted(plain.feedback))


def _shuffled_display(key: object, rnd: random.Random) -> object:
    def shuffled(items: tuple) -> tuple:
        return tuple(rnd.sample(items, len(items)))

    if isinstance(key, ChoiceKey):
        return ChoiceKey(shuffled(key.options))
    if isinstance(key, MatchingKey):
        return MatchingKey(shuffled(key.lefts), shuffled(key.rights), shuffled(key.pairs))
    if isinstance(key, ClozeKey):
        return ClozeKey(tuple(Gap(s.id, shuffled(s.choices), s.variants) if isinstance(s, Gap) else s
                              for s in key.segments))
    if isinstance(key, MapKey):
        return MapKey(shuffled(key.countries), key.year, key.names)
    if isinstance(key, TimelineKey) and len(set(key.years)) == len(key.years):
        # (Events of the same year are named in the quiz's own order in the "In time order" line.)
        events = shuffled(tuple(zip(key.events, key.years, strict=True)))
        return TimelineKey(tuple(e for e, _ in events), tuple(y for _, y in events), key.tolerance_years)
    return key


@given(ordering_questions, st.data())
def test_ordering_depends_on_the_order_given_not_on_the_ids(q: Question, data: st.DataObject) -> None:
    key = q.key
    assert isinstance(key, OrderingKey)
    given_order = data.draw(st.permutations(key.ids))
    names = dict(zip(key.ids, data.draw(st.permutations([f"x{i}" for i in range(len(key.ids))])), strict=True))
    renamed = question(q.kind, OrderingKey(tuple(Item(names[i.id], i.text) for i in key.items), key.mode))
    assert grade(renamed, Response(order=tuple(names[i] for i in given_order))).score == \
        grade(q, Response(order=given_order)).score


@given(st.lists(st.integers(), min_size=2, max_size=8, unique=True), st.text())
def test_an_ordering_is_never_shown_solved_and_always_shown_alike(items: list[int], seed: str) -> None:
    shown = unsolved(display_order(items, seed), items)  # as the ordering widget lays out its items
    assert sorted(shown) == sorted(items) and list(shown) != items
    assert unsolved(display_order(items, seed), items) == shown
