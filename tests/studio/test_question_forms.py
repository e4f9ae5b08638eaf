"""The question forms: an author writes one question of every kind, checks it as typed, and tries it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit

from irtutor.content.lesson_loader import load_lesson
from irtutor.core.kind_registry import rules_for
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.ui.studio.forms_rows import RowList
from irtutor.ui.studio.question_forms import FORM_OF_KIND, QuestionForm, make_form
from irtutor.ui.studio.try_it import TryItPane
from tests.conftest import LESSONS

LESSON = LESSONS / "nato-origins"
QUIZZES = sorted(LESSONS.glob("*/quiz.yaml"))


@cache
def lesson_refs(folder: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lesson's page slugs and source ids, as the studio offers them in the form."""
    lesson, _ = load_lesson(folder)
    assert lesson is not None
    return tuple(p.slug for p in lesson.pages), tuple(s.id for s in lesson.sources)


def new_form(qtbot: Any, kind: QuestionKind, folder: Path = LESSON) -> QuestionForm:
    """An empty form on screen, as the editor shows it for a new question."""
    form = make_form(kind, *lesson_refs(folder))
    qtbot.addWidget(form)
    form.set_mapping({})
    form.resize(800, 900)
    form.show()
    qtbot.waitExposed(form)
    return form


def fill_common(qtbot: Any, form: QuestionForm, prompt: str = "Which?", explanation: str = "Because.") -> None:
    qtbot.keyClicks(form.id_edit, f"new-{form.kind}".replace("_", "-"))
    qtbot.keyClicks(form.prompt_edit, prompt)
    qtbot.keyClicks(form.explanation_edit, explanation)
    form.page_combo.setCurrentText("02-the-washington-treaty")


def type_row(qtbot: Any, rows: RowList, *texts: str, **cells: str | bool) -> None:
    """Click "Add ..." and fill the new row: `texts` into its first inputs, `cells` by key (True ticks a box)."""
    qtbot.mouseClick(rows.add_button, Qt.MouseButton.LeftButton)
    inputs = rows.rows[-1].inputs
    for key, cell in [*zip(inputs, texts, strict=False), *cells.items()]:
        widget = inputs[key]
        if isinstance(widget, QCheckBox):
            if cell:  # the space bar, as a keyboard user ticks it
                widget.setFocus()
                qtbot.keyClick(widget, Qt.Key.Key_Space)
        elif cell:
            qtbot.keyClicks(widget, str(cell))


def fill_choice(qtbot: Any, form: Any) -> None:
    type_row(qtbot, form.options, "Washington", correct=True, feedback="Right: signed there on 4 April 1949.")
    type_row(qtbot, form.options, "Paris", feedback="Paris was NATO's seat until 1966.")
    if form.kind is QuestionKind.MULTIPLE_CHOICE:
        type_row(qtbot, form.options, "DC", correct=True)


def fill_true_false(qtbot: Any, form: Any) -> None:
    form.answer_combo.setCurrentText("false")
    qtbot.keyClicks(form.feedback_true, "No: it was signed in Washington.")


def fill_numeric(qtbot: Any, form: Any) -> None:
    qtbot.keyClicks(form.answer_edit, "12")
    qtbot.keyClicks(form.tolerance_edit, "0")
    qtbot.keyClicks(form.unit_edit, "members")


def fill_short_text(qtbot: Any, form: Any) -> None:
    type_row(qtbot, form.answers, "Washington")
    type_row(qtbot, form.answers, "Washington DC")


def fill_cloze(qtbot: Any, form: Any) -> None:
    qtbot.keyClicks(form.text_edit, "Signed in {{1949}} in {{Washington|London|Paris}}.")


def fill_matching(qtbot: Any, form: Any) -> None:
    type_row(qtbot, form.pairs, "Norway", "founding member")
    type_row(qtbot, form.pairs, "Greece", "joined 1952")
    type_row(qtbot, form.distractors, "never joined")


def fill_ordering(qtbot: Any, form: Any) -> None:
    for item in ("Brussels Treaty", "Washington Treaty", "Paris Agreements"):
        type_row(qtbot, form.items, item)


def fill_map(qtbot: Any, form: Any) -> None:
    qtbot.keyClicks(form.countries_edit, "NOR DNK ISL")


def fill_timeline(qtbot: Any, form: Any) -> None:
    for text, year in (("Brussels Treaty", 1948), ("Washington Treaty", 1949), ("Greece and Turkey join", 1952)):
        type_row(qtbot, form.events, text, str(year))
    qtbot.keyClicks(form.tolerance_edit, "0")


FILL = {
    QuestionKind.SINGLE_CHOICE: fill_choice, QuestionKind.MULTIPLE_CHOICE: fill_choice,
    QuestionKind.TRUE_FALSE: fill_true_false, QuestionKind.NUMERIC: fill_numeric,
    QuestionKind.SHORT_TEXT: fill_short_text, QuestionKind.CLOZE: fill_cloze, QuestionKind.MATCHING: fill_matching,
    QuestionKind.ORDERING: fill_ordering, QuestionKind.MAP_SELECTION: fill_map,
    QuestionKind.TIMELINE_PLACEMENT: fill_timeline,
}


def wrong_response(question: Question) -> Response:
    """An answer that is wrong in every part the kind's right response fills."""
    right = rules_for(question.kind).right_response(question)
    every = {o.id for o in question.options}
    values = [v for _, v in right.pairs]
    return Response(
        selected=(every - right.selected) if every else ({"FRA"} if right.selected else ()),
        text="424242 nowhere" if right.text else "",
        pairs=[(k, v) for (k, _), v in zip(right.pairs, values[1:] + values[:1], strict=True)],
        order=tuple(reversed(right.order)),
        gaps=[(gap, "nowhere") for gap, _ in right.gaps],
    )


def test_every_kind_has_a_form() -> None:
    assert set(FORM_OF_KIND) == set(QuestionKind)


@pytest.mark.parametrize("kind", list(QuestionKind))
def test_author_writes_and_tries_a_question_of_each_kind(qtbot: Any, kind: QuestionKind) -> None:
    form = new_form(qtbot, kind)
    fill_common(qtbot, form, f"A {kind} question about the founding of NATO.",
                "The Washington Treaty was signed on 4 April 1949.")
    FILL[kind](qtbot, form)
    with qtbot.waitSignal(form.sig_checked, timeout=2000) as checked:
        qtbot.keyClicks(form.topic_edit, "founding")
    assert checked.args[0].problems == []
    question = checked.args[0].question
    assert question is not None and question.kind is kind and question.topic == "founding"
    assert yaml.safe_load(yaml.safe_dump(form.mapping())) == form.mapping()

    pane = TryItPane()
    qtbot.addWidget(pane)
    pane.set_question(question)
    assert pane.fill_right_answer().score == 1.0
    assert pane.result.text().startswith("Score: 100%")
    pane.try_again()
    pane.widget.set_response(wrong_response(question))
    assert pane.check().score < 1.0
    assert "✓" not in pane.result.text().splitlines()[0]


def test_a_missing_prompt_is_shown_at_the_prompt(qtbot: Any) -> None:
    form = new_form(qtbot, QuestionKind.SINGLE_CHOICE)
    form.set_mapping(yaml.safe_load((LESSON / "quiz.yaml").read_text(encoding="utf-8"))["questions"][0])
    assert form.checked.question is not None
    form.prompt_edit.selectAll()
    with qtbot.waitSignal(form.sig_checked, timeout=2000) as checked:
        qtbot.keyClick(form.prompt_edit, Qt.Key.Key_Delete)
    assert checked.args[0].question is None
    assert "prompt" in form.problem_fields()
    assert "Prompt" in form.problems_label.text()
    assert form.prompt_edit.toolTip()


def test_a_numeric_answer_that_is_not_a_number_is_shown_at_the_answer(qtbot: Any) -> None:
    form = new_form(qtbot, QuestionKind.NUMERIC)
    fill_common(qtbot, form, "How many states signed?", "Twelve.")
    with qtbot.waitSignal(form.sig_checked, timeout=2000):
        qtbot.keyClicks(form.answer_edit, "twelve")
    assert form.problem_fields() == ["answer"]
    assert "must be number" in form.answer_edit.toolTip()
    form.answer_edit.selectAll()
    with qtbot.waitSignal(form.sig_checked, timeout=2000):
        qtbot.keyClicks(form.answer_edit, "12")
    assert form.problem_fields() == [] and form.checked.question is not None


def test_a_problem_inside_a_row_marks_that_row(qtbot: Any) -> None:
    form = new_form(qtbot, QuestionKind.MULTIPLE_CHOICE)
    fill_common(qtbot, form)
    type_row(qtbot, form.options, "Right", correct=True, weight="100")
    with qtbot.waitSignal(form.sig_checked, timeout=2000):
        type_row(qtbot, form.options, "Wrong", weight="50")
    assert form.problem_fields() == ["options"]
    assert "wrong option's weight" in form.options.rows[1].toolTip()


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda p: p.parent.name)
def test_every_shipped_question_survives_the_form(qtbot: Any, quiz: Path) -> None:
    for mapping in yaml.safe_load(quiz.read_text(encoding="utf-8"))["questions"]:
        form = make_form(QuestionKind(mapping["kind"]), *lesson_refs(quiz.parent))
        qtbot.addWidget(form)
        form.set_mapping(mapping)
        assert form.mapping() == mapping
        assert list(form.mapping()) == list(mapping), "key order"
        assert form.checked.problems == [], mapping["id"]


def test_rows_are_added_moved_and_removed(qtbot: Any) -> None:
    form = new_form(qtbot, QuestionKind.ORDERING)
    for item in ("one", "two", "three"):
        type_row(qtbot, form.items, item)
    qtbot.mouseClick(form.items.rows[0].down, Qt.MouseButton.LeftButton)
    assert form.mapping()["items"] == ["two", "one", "three"]
    qtbot.mouseClick(form.items.rows[2].remove, Qt.MouseButton.LeftButton)
    assert form.mapping()["items"] == ["two", "one"]
    assert not form.items.rows[0].up.isEnabled() and not form.items.rows[1].down.isEnabled()


def test_undo_outside_a_text_field_goes_back_one_edit(qtbot: Any) -> None:
    form = new_form(qtbot, QuestionKind.ORDERING)
    type_row(qtbot, form.items, "one")
    form.check_now()
    type_row(qtbot, form.items, "two")
    form.check_now()
    form.undo()
    assert form.mapping()["items"] == ["one"]
    form.redo()
    assert form.mapping()["items"] == ["one", "two"]
    form.undo()
    assert form.mapping()["items"] == ["one"], form.history
    type_row(qtbot, form.items, "three")  # a new edit after an undo: nothing is left to redo
    form.check_now()
    form.redo()
    assert form.mapping()["items"] == ["one", "three"]


def test_a_year_written_unquoted_stays_a_number(qtbot: Any) -> None:
    form = new_form(qtbot, QuestionKind.MATCHING)
    form.set_mapping({"id": "x", "kind": "matching", "prompt": "p", "pairs": [
        {"left": 1949, "right": "1949"}, {"left": "b", "right": 2}], "explanation": "e", "page": "p"})
    line: QLineEdit = form.pairs.rows[0].inputs["left"]  # type: ignore[assignment]
    line.selectAll()
    qtbot.keyClicks(line, "1952")
    assert form.mapping()["pairs"] == [{"left": 1952, "right": "1949"}, {"left": "b", "right": 2}]



@pytest.mark.parametrize(("kind", "field", "typed", "words"), [
    (QuestionKind.CLOZE, "text_edit", "Signed in {{1949.", "is not closed"),
    (QuestionKind.MAP_SELECTION, "countries_edit", "NOR ZZZ", "'ZZZ' is not a country"),
])
def test_kind_rules_problems_are_shown_at_their_field(qtbot: Any, kind: QuestionKind, field: str, typed: str,
                                                      words: str) -> None:
    form = new_form(qtbot, kind)
    fill_common(qtbot, form)
    with qtbot.waitSignal(form.sig_checked, timeout=2000) as checked:
        qtbot.keyClicks(getattr(form, field), typed)
    assert checked.args[0].question is None
    assert form.problem_fields() == [getattr(form, field).objectName().removeprefix("field-")]
    assert words in getattr(form, field).toolTip()
