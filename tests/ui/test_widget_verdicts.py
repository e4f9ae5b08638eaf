"""Widgets show the core's verdicts and never work out right and wrong themselves.

For every kind, hypothesis draws responses; the marks each widget puts on screen (option labels,
match rows, list items, gaps, countries, events, the typed answer) must equal the verdicts the
core's grader gives for the same response.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from irtutor.content.catalog import load_lessons
from irtutor.core.grading import grade
from irtutor.core.kinds.ordering import OrderingKey, OrderingMode
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.ui.question_factory import make_question_widget
from irtutor.ui.question_widget import ChoiceQuestionWidget
from tests.conftest import FIXTURES


@cache
def example(kind: QuestionKind) -> Question:
    """The fixture lessons' question of this kind (berlin-kinds and visual-kinds hold all ten)."""
    loaded = load_lessons([FIXTURES / "lessons" / "berlin-kinds", FIXTURES / "lessons" / "visual-kinds"])
    return next(q for lesson in loaded.lessons for q in lesson.questions if q.kind is kind)


def _choices(q: Question) -> st.SearchStrategy[Response]:
    return st.frozensets(st.sampled_from([o.id for o in q.options])).map(Response)


def _typed(q: Question) -> st.SearchStrategy[Response]:
    right = q.key.best.text if q.kind is QuestionKind.SHORT_TEXT else "277500 flights"
    return st.sampled_from([right, "", "nonsense", "Russia", "270000", "1 000 000", "277,5"]).map(
        lambda text: Response(text=text))


def _matching(q: Question) -> st.SearchStrategy[Response]:
    key = q.key
    rights = [r.id for r in key.rights]
    return st.fixed_dictionaries({}, optional={left.id: st.sampled_from(rights) for left in key.lefts}).map(
        lambda pairs: Response(pairs=pairs))


def _ordering(q: Question) -> st.SearchStrategy[Response]:
    return st.permutations(list(q.key.ids)).map(lambda order: Response(order=order))


def _cloze(q: Question) -> st.SearchStrategy[Response]:
    gaps = {gap.id: st.sampled_from([*(v.text for v in gap.variants), *gap.choices, "", "wrong"])
            for gap in q.key.gaps}
    return st.fixed_dictionaries(gaps).map(lambda filled: Response(gaps=filled))


def _map(q: Question) -> st.SearchStrategy[Response]:
    return st.frozensets(st.sampled_from([*q.key.countries, "FRA", "SWE", "UKR"])).map(Response)


def _timeline(q: Question) -> st.SearchStrategy[Response]:
    key = q.key
    years = {e.id: st.sampled_from([str(year), str(year + 1), str(year - 5), ""])
             for e, year in zip(key.events, key.years, strict=True)}
    return st.fixed_dictionaries(years).map(lambda placed: Response(pairs={k: v for k, v in placed.items() if v}))


RESPONSES: dict[QuestionKind, Callable[[Question], st.SearchStrategy[Response]]] = {
    QuestionKind.SINGLE_CHOICE: _choices,
    QuestionKind.MULTIPLE_CHOICE: _choices,
    QuestionKind.TRUE_FALSE: _choices,
    QuestionKind.NUMERIC: _typed,
    QuestionKind.SHORT_TEXT: _typed,
    QuestionKind.MATCHING: _matching,
    QuestionKind.ORDERING: _ordering,
    QuestionKind.CLOZE: _cloze,
    QuestionKind.MAP_SELECTION: _map,
    QuestionKind.TIMELINE_PLACEMENT: _timeline,
}
"""How the property test draws responses of each kind (a kind's one test helper)."""


def marks_agree(qtbot: QtBot, question: Question, response: Response) -> None:
    widget = make_question_widget(question)
    qtbot.addWidget(widget)
    outcome = grade(question, response)
    widget.show_answer(response, outcome)
    shown = widget.shown_verdicts()
    expected = {p.part: str(p.verdict) for p in outcome.parts}
    assert shown, "the widget put no verdict on screen"
    # Every mark shown is the core's; every verdict the core gives has its mark (on the map: where
    # the country is drawn; in a list: every item the list shows).
    assert shown == {part: verdict for part, verdict in expected.items() if part in shown}
    missing = expected.keys() - shown.keys()
    if question.kind is not QuestionKind.MAP_SELECTION:
        assert not missing, f"verdicts not shown: {missing}"
    widget.close()
    widget.deleteLater()


@pytest.mark.parametrize("kind", list(QuestionKind), ids=str)
def test_the_marks_on_screen_are_the_cores_verdicts(qtbot: QtBot, kind: QuestionKind) -> None:
    question = example(kind)

    @settings(max_examples=8 if kind is QuestionKind.MAP_SELECTION else 25, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(RESPONSES[kind](question))
    def check(response: Response) -> None:
        marks_agree(qtbot, question, response)

    check()


@pytest.mark.parametrize("mode", list(OrderingMode), ids=str)
def test_ordering_marks_follow_each_scoring_mode(qtbot: QtBot, mode: OrderingMode) -> None:
    base = example(QuestionKind.ORDERING)
    question = Question(base.id, base.kind, base.prompt, OrderingKey(base.key.items, mode), base.explanation,
                        base.page)

    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(_ordering(question))
    def check(response: Response) -> None:
        marks_agree(qtbot, question, response)

    check()


def test_an_order_earning_two_thirds_marks_the_two_in_sequence_right(qtbot: QtBot) -> None:
    question = example(QuestionKind.ORDERING)
    key = question.key
    assert isinstance(key, OrderingKey)
    question = Question(question.id, question.kind, question.prompt,
                        OrderingKey(key.items, OrderingMode.LONGEST_ORDERED_SUBSEQUENCE), question.explanation,
                        question.page)
    first, second, third = key.ids
    response = Response(order=(second, third, first))  # the last two in the right order: 2 of 3
    outcome = grade(question, response)
    assert round(outcome.score, 2) == 0.67
    widget = make_question_widget(question)
    qtbot.addWidget(widget)
    widget.show_answer(response, outcome)
    assert widget.shown_verdicts() == {second: "right", third: "right", first: "wrong"}
    rows = [widget.list.item(row).text() for row in range(widget.list.count())]
    assert [row[0] for row in rows] == ["✓", "✓", "✗"]


def test_a_right_option_left_unticked_is_missed_and_feedback_sits_under_its_option(qtbot: QtBot) -> None:
    question = example(QuestionKind.MULTIPLE_CHOICE)
    right = [o for o in question.options if o.correct]
    wrong = next(o for o in question.options if not o.correct)
    response = Response(frozenset({right[0].id, wrong.id}))
    widget = make_question_widget(question)
    assert isinstance(widget, ChoiceQuestionWidget)
    qtbot.addWidget(widget)
    widget.show_answer(response, grade(question, response))
    assert widget.labels[right[0].id].text().startswith("✓ ")
    assert widget.labels[right[1].id].text() == f"○ {right[1].text} (right, not chosen)"
    assert widget.labels[wrong.id].text().startswith("✗ ")

    single = example(QuestionKind.SINGLE_CHOICE)
    chosen = next(o for o in single.options if not o.correct and o.feedback)
    widget = make_question_widget(single)
    qtbot.addWidget(widget)
    widget.show_answer(Response.of(chosen.id), grade(single, Response.of(chosen.id)))
    beside = widget.findChild(QLabel, f"option-feedback-{chosen.id}")
    assert beside is not None and beside.isVisibleTo(widget) and beside.text() == chosen.feedback
    others = [label for label in widget.findChildren(QLabel) if label.objectName().startswith("option-feedback-")
              and label is not beside]
    assert not any(label.isVisibleTo(widget) for label in others)
