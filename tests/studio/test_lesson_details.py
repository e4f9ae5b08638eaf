"""The Lesson details form, driven as an instructor would, on copies of the shipped lessons."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from irtutor.content.lesson_loader import load_lesson
from irtutor.content.yaml_documents import LessonDocument
from irtutor.core.lesson import Page
from irtutor.ui.studio import lesson_fields as fields
from irtutor.ui.studio.lesson_details import APPLY_DELAY_MS, LessonDetailsForm, citations_by_source, preview
from irtutor.ui.studio.lesson_marks import NO_PROBLEMS
from tests.conftest import LESSONS

SHIPPED = sorted(p.name for p in LESSONS.iterdir() if (p / "lesson.yaml").is_file())
WAIT_MS = APPLY_DELAY_MS + 2000


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "nato-origins"
    shutil.copytree(LESSONS / "nato-origins", target)
    return target


def open_form(qtbot: Any, folder: Path) -> LessonDetailsForm:
    path = folder / "lesson.yaml"
    form = preview(LessonDocument(path.read_text(encoding="utf-8"), str(path)))
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


@pytest.fixture
def form(qtbot: Any, folder: Path) -> LessonDetailsForm:
    return open_form(qtbot, folder)


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.split("\n"), after.split("\n"), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def save(form: LessonDetailsForm, folder: Path) -> None:
    (folder / "lesson.yaml").write_text(form.document.text, encoding="utf-8")


def type_into(qtbot: Any, form: LessonDetailsForm, widget: QLineEdit, text: str) -> None:
    with qtbot.waitSignal(form.sig_document_changed, timeout=WAIT_MS):
        qtbot.keyClicks(widget, text)


def test_the_form_shows_the_lesson_as_written(form: LessonDetailsForm) -> None:
    data = form.document.data()
    assert form.title_edit.text() == data["title"] and form.summary_edit.toPlainText() == data["summary"]
    assert form.order_spin.value() == data["order"]
    assert form.objectives.values() == data["objectives"]
    assert [r["term"] for r in form.terms.values()] == list(data["terms"])
    assert [r["id"] for r in form.sources.values()] == list(data["sources"])
    assert form.problems_label.text() == NO_PROBLEMS


def test_typing_a_title_changes_only_the_title_line(qtbot: Any, form: LessonDetailsForm) -> None:
    before = form.document.text
    form.title_edit.setFocus()
    qtbot.keyClick(form.title_edit, Qt.Key.Key_End)
    type_into(qtbot, form, form.title_edit, " and after")
    assert changed_lines(before, form.document.text) == [
        "-title: \"NATO's origins (1949)\"", "+title: \"NATO's origins (1949) and after\""]


def test_summary_and_order_change_only_their_own_lines(qtbot: Any, form: LessonDetailsForm) -> None:
    before = form.document.text
    with qtbot.waitSignal(form.sig_document_changed, timeout=WAIT_MS):
        form.order_spin.setValue(7)
    assert changed_lines(before, form.document.text) == ["-order: 1", "+order: 7"]
    middle = form.document.text
    form.summary_edit.moveCursor(form.summary_edit.textCursor().MoveOperation.End)
    with qtbot.waitSignal(form.sig_document_changed, timeout=WAIT_MS):
        qtbot.keyClicks(form.summary_edit, " Also: who joined later.")
    assert form.document.data()["summary"].endswith("Also: who joined later.")
    untouched = [line for line in changed_lines(middle, form.document.text) if not line[1:].startswith(" ")]
    assert all(line[1:].startswith("summary:") for line in untouched)


def test_a_new_objective_and_source_load_with_no_problem_but_not_cited(qtbot: Any, form: LessonDetailsForm,
                                                                        folder: Path) -> None:
    qtbot.mouseClick(form.objectives.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, form, form.objectives.rows[-1].inputs["text"], "Say when Greece and Turkey joined.")
    qtbot.mouseClick(form.sources.add_button, Qt.MouseButton.LeftButton)
    row = form.sources.rows[-1]
    for key, text in (("id", "acheson-1949"), ("title", "Statement on the treaty"), ("publisher", "Dean Acheson"),
                      ("date", "1949-03-18"), ("url", "https://history.state.gov/acheson")):
        type_into(qtbot, form, row.inputs[key], text)
    assert form.problems_label.text() == NO_PROBLEMS
    assert row.findChild(QLabel, "cited-on").text() == fields.NOT_CITED
    save(form, folder)
    lesson, problems = load_lesson(folder)
    assert [p.message.split(" is cited")[0] for p in problems] == ["source 'acheson-1949'"]
    lesson, problems = load_lesson(folder, spare_parts=True)
    assert lesson is not None and lesson.objectives[-1] == "Say when Greece and Turkey joined."
    assert lesson.source("acheson-1949").publisher == "Dean Acheson"


def test_ctrl_enter_in_a_list_adds_a_row_there(qtbot: Any, form: LessonDetailsForm) -> None:
    form.activateWindow()
    qtbot.waitActive(form)
    first = form.terms.rows[0].inputs["term"]
    first.setFocus()
    count = len(form.terms.rows)
    qtbot.keyClick(first, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(form.terms.rows) == count + 1
    assert QApplication.focusWidget() is form.terms.rows[-1].inputs["term"]


def test_cited_on_matches_the_pages_that_cite_each_source(form: LessonDetailsForm, folder: Path) -> None:
    lesson, _ = load_lesson(folder)
    assert lesson is not None
    form.set_citations(citations_by_source(lesson.pages, lesson.questions))
    for row in form.sources.rows:
        source_id = row.inputs["id"].text()
        citing = [p.stem for p in sorted(folder.glob("*.md"))
                  if f"[^{source_id}]" in p.read_text(encoding="utf-8")]
        shown = row.findChild(QLabel, "cited-on").text()
        listed = re.match(r"Cited on pages? (.*?)(?: and by |$)", shown)
        assert (listed.group(1).split(", ") if listed else []) == citing, source_id
        asked = sum(q.source == source_id for q in lesson.questions)
        assert (f"by {asked} quiz question" in shown) == bool(asked), source_id


def test_citations_by_source_lists_pages_once_in_order_then_questions() -> None:
    pages = [Page("01-a", "A", "", citations=("x", "y")), Page("02-b", "B", "", citations=("x",))]
    lesson, _ = load_lesson(LESSONS / "nato-origins")
    assert lesson is not None
    question = next(q for q in lesson.questions if q.source)
    cited = fields.citations_by_source(pages, [question])
    assert cited["x"][:2] == ["01-a", "02-b"] and cited["y"][:1] == ["01-a"]
    assert cited[question.source][-1] == fields.QUIZ_PLACE + question.id
    assert fields.cited_text(["01-a", "quiz:q1", "quiz:q2"]) == "Cited on page 01-a and by 2 quiz questions"
    assert fields.cited_text(["quiz:q1"]) == "Cited by 1 quiz question"
    assert fields.cited_text([], further_reading=True) == fields.FURTHER


def test_an_empty_title_shows_a_problem_under_the_title(qtbot: Any, form: LessonDetailsForm) -> None:
    form.title_edit.selectAll()
    with qtbot.waitSignal(form.sig_document_changed, timeout=WAIT_MS):
        qtbot.keyClick(form.title_edit, Qt.Key.Key_Delete)
    problem = form.findChild(QLabel, "problem-title")
    assert problem.isVisible() and "title" in problem.text()
    assert "Title" in form.problems_label.text()
    type_into(qtbot, form, form.title_edit, "NATO at its founding")
    assert not problem.isVisible() and form.problems_label.text() == NO_PROBLEMS


@pytest.mark.parametrize(("key", "text", "words"), [
    ("id", "Nato Treaty", "lower-case words"), ("id", "un-charter", "used by another source"),
    ("url", "www.nato.int", "not a web address"), ("date", "1949-13-01", "YYYY-MM-DD")])
def test_a_bad_source_field_shows_on_its_row(qtbot: Any, form: LessonDetailsForm, key: str, text: str,
                                             words: str) -> None:
    row = form.sources.rows[0]
    row.inputs[key].clear()
    before = form.document.text
    qtbot.keyClicks(row.inputs[key], text)
    qtbot.waitUntil(lambda: words in row.findChild(QLabel, "row-problem").text(), timeout=WAIT_MS)
    assert row.findChild(QLabel, "row-problem").isVisible() and words in row.toolTip()
    if words == "used by another source":
        assert form.document.text == before  # two sources under one id: nothing written until fixed


def test_undo_and_redo_restore_the_text_byte_for_byte(qtbot: Any, form: LessonDetailsForm) -> None:
    original, document = form.document.text, form.document
    type_into(qtbot, form, form.title_edit, "!")
    after_title = form.document.text
    with qtbot.waitSignal(form.sig_document_changed, timeout=WAIT_MS):
        qtbot.mouseClick(form.objectives.rows[0].remove, Qt.MouseButton.LeftButton)
    assert len(form.document.data()["objectives"]) == 3
    form.undo_button.setFocus()
    qtbot.keyClick(form.undo_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.document.text == after_title and len(form.objectives.rows) == 4
    qtbot.mouseClick(form.undo_button, Qt.MouseButton.LeftButton)
    assert form.document.text == original and form.title_edit.text() == "NATO's origins (1949)"
    qtbot.keyClick(form.undo_button, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert form.document.text == after_title and form.document is document  # whoever saves holds this one


def test_every_input_is_on_the_tab_chain_in_reading_order(form: LessonDetailsForm) -> None:
    kinds = (QLineEdit, QPlainTextEdit, QSpinBox, QPushButton, QToolButton)
    wanted = [w for w in form.findChildren(QWidget) if isinstance(w, kinds)
              and w.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(w.parent(), QSpinBox)]
    chain, widget = [], form.undo_button
    for _ in range(len(wanted) * 2):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is form.undo_button:
            break
    assert set(wanted) <= set(chain)
    order = [chain.index(w) for w in (form.title_edit, form.summary_edit, form.order_spin,
                                      form.objectives.rows[0].inputs["text"], form.terms.rows[0].inputs["term"],
                                      form.sources.rows[0].inputs["id"], form.sources.add_button)]
    assert order == sorted(order)


@pytest.mark.parametrize("lesson_id", SHIPPED)
def test_every_shipped_lesson_opens_with_no_problem_and_rewrites_nothing(qtbot: Any, lesson_id: str) -> None:
    path = LESSONS / lesson_id / "lesson.yaml"
    text = path.read_text(encoding="utf-8")
    form = LessonDetailsForm(LessonDocument(text, str(path)))
    qtbot.addWidget(form)
    assert form.problems_label.text() == NO_PROBLEMS
    form.dirty.update({"title", "summary", "order", "objectives", "terms", "sources"})
    assert not form.apply() and form.document.text == text


def test_row_checks() -> None:
    rows = [{"id": "a", "url": "https://x.org/p", "date": "2019-04"}, {"id": "a", "date": "1959"},
            {"id": "", "title": "t"}, {"id": "", "title": ""}, {"id": "b", "url": "nato.int", "date": "1949-02-30"}]
    found = fields.source_row_problems(rows)
    assert [i for i, _ in found] == [0, 1, 2, 4, 4]
    assert fields.duplicate_keys(rows, "id") and fields.sources_value(rows[4:], [{"verified": False}]) == {
        "b": {"url": "nato.int", "date": "1949-02-30", "verified": False}}
    assert fields.term_row_problems([{"term": "A", "definition": "x"}, {"term": "a", "definition": "y"},
                                     {"term": "", "definition": "z"}]) == [
        (1, fields.DUPLICATE_TERM.format(term="a")), (2, fields.EMPTY_TERM)]


def test_screenshot(qtbot: Any, form: LessonDetailsForm, folder: Path) -> None:
    lesson, _ = load_lesson(folder)
    assert lesson is not None
    form.set_citations(citations_by_source(lesson.pages, lesson.questions))
    form.sources.rows[1].inputs["date"].setText("1949-4")
    form.check_now()
    left = form.splitter.widget(0)
    qtbot.waitUntil(lambda: left.verticalScrollBar().isVisible())  # the rows scroll rather than squeeze
    term = form.terms.rows[0].inputs["term"]
    assert term.height() >= term.sizeHint().height()
    assert form.size().width() == 1366
    form.grab().save("/tmp/lesson_details.png")


def test_ctrl_z_in_a_text_field_is_that_fields_own_undo_and_the_file_follows(qtbot: Any,
                                                                            form: LessonDetailsForm) -> None:
    original = form.document.text
    form.activateWindow()
    qtbot.waitActive(form)
    form.title_edit.setFocus()
    qtbot.keyClick(form.title_edit, Qt.Key.Key_End)
    type_into(qtbot, form, form.title_edit, " today")
    type_into(qtbot, form, form.summary_edit, "x")
    with qtbot.waitSignal(form.sig_document_changed, timeout=WAIT_MS):
        qtbot.keyClick(form.title_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.title_edit.text() == "NATO's origins (1949)"
    assert form.document.data()["title"] == "NATO's origins (1949)" and form.document.data()["summary"].startswith("x")
    assert form.document.text != original and len(form.undo_stack) == 3


def test_a_source_keeps_verified_false_when_an_earlier_source_is_removed(qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "brics-vs-g7"
    shutil.copytree(LESSONS / "brics-vs-g7", folder)
    form = open_form(qtbot, folder)
    row = next(r for r in form.sources.rows if r.inputs["id"].text() == "imf-ppp-basics")
    assert fields.NOT_VERIFIED_NOTE in row.findChild(QLabel, "cited-on").text()
    before = form.document.text
    with qtbot.waitSignal(form.sig_document_changed, timeout=WAIT_MS):
        qtbot.mouseClick(form.sources.rows[0].remove, Qt.MouseButton.LeftButton)
    assert form.document.data()["sources"]["imf-ppp-basics"]["verified"] is False
    added = [line for line in changed_lines(before, form.document.text) if line.startswith("+")]
    assert added == []  # only the removed source's lines went
    assert form.sources.rows[0].up.isHidden() and not form.objectives.rows[1].up.isHidden()


def test_many_problems_are_summed_up_on_top_and_shown_each_at_its_row(qtbot: Any, form: LessonDetailsForm) -> None:
    for row in form.sources.rows[:8]:
        row.inputs["date"].setText("soon")
    form.check_now()
    assert form.problems_label.text().count("\n") == 4 and "and 4 more" in form.problems_label.text()
    assert all("soon" in r.findChild(QLabel, "row-problem").text() for r in form.sources.rows[:8])
    assert form.objectives.rows[0].inputs["text"].toolTip() == form.document.data()["objectives"][0]
