"""Exporting every shipped quiz as GIFT and Moodle XML: well formed, one question each (or the parts of a
noted nearer form), escapes that survive, and weights with which Moodle grades as we do."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET
from hypothesis import given, settings
from hypothesis import strategies as st

from irtutor.content.exchange.export_common import category_path
from irtutor.content.exchange.gift_export import export_gift
from irtutor.content.exchange.xml_export import export_moodle_xml
from irtutor.content.lesson_loader import load_lesson
from irtutor.core.grading import grade
from irtutor.core.lesson import Lesson
from irtutor.core.questions import Question, QuestionKind, Response
from tests.conftest import LESSONS

SHIPPED = sorted(p.name for p in LESSONS.iterdir() if (p / "quiz.yaml").is_file())
TRICKY = "Article 5: {collective} = defence #1 ~ok \\ back"
NEARER = (QuestionKind.MAP_SELECTION, QuestionKind.TIMELINE_PLACEMENT)


@cache
def lesson(name: str) -> Lesson:
    loaded, problems = load_lesson(LESSONS / name)
    assert loaded is not None, problems
    return loaded


def all_questions() -> list[Question]:
    return [q for name in SHIPPED for q in lesson(name).questions]


def gift_parts(question: Question) -> int:
    """How many GIFT questions one of ours becomes: a timeline one per event, a cloze one per gap."""
    if question.kind is QuestionKind.TIMELINE_PLACEMENT:
        return len(question.key.events)  # type: ignore[union-attr]
    if question.kind is QuestionKind.CLOZE:
        return len(question.key.gaps)  # type: ignore[union-attr]
    return 1


def gift_unescape(text: str) -> str:
    """Moodle's reading of an escaped GIFT text: `\\n` is a newline, a backslash makes the next character text."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_quiz_exports_as_moodle_xml_with_one_question_element_each(name: str) -> None:
    questions = lesson(name).questions
    root = SafeET.fromstring(export_moodle_xml(questions, category=name).text.encode("utf-8"))
    elements = root.findall("question")
    exported = [e for e in elements if e.get("type") != "category"]
    assert [e.findtext("idnumber") for e in exported] == [q.id for q in questions]
    assert [e.findtext("name/text") for e in exported] == [q.id for q in questions]
    paths = [e.findtext("category/text") for e in elements if e.get("type") == "category"]
    assert paths and all(p and p.startswith(f"$course$/top/{name}") for p in paths)
    assert {p for p in paths} == {category_path(name, q.topic) for q in questions}
    assert all(e.find("questiontext").get("format") == "markdown" for e in exported)  # type: ignore[union-attr]


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_quiz_exports_as_gift_with_a_title_per_question_or_part(name: str) -> None:
    questions = lesson(name).questions
    text = export_gift(questions, category=name).text
    titles = re.findall(r"^::([^:]+)::\[markdown\]", text, flags=re.MULTILINE)
    assert len(titles) == sum(gift_parts(q) for q in questions)
    for question in questions:
        assert question.id in titles or all(t.startswith(f"{question.id}-") for t in titles if question.id in t)
    blocks = text.rstrip("\n").split("\n\n")  # a blank line ends a GIFT question: none inside one
    assert "\n\n\n" not in text and all(line.strip() for block in blocks for line in block.split("\n"))
    assert len([b for b in blocks if re.search(r"^::", b, flags=re.MULTILINE)]) == len(titles)


@pytest.mark.parametrize("name", SHIPPED)
def test_notes_name_every_map_and_timeline_question_in_the_report_and_the_file(name: str) -> None:
    questions = lesson(name).questions
    for result, comment in ((export_gift(questions), "// {id}: "), (export_moodle_xml(questions), "<!-- {id}: ")):
        for question in (q for q in questions if q.kind in NEARER):
            assert any(note.startswith(f"{question.id}: ") for note in result.notes)
            assert comment.format(id=question.id) in result.text
        assert all(any(note.startswith(f"{q.id}: ") or note.startswith(f"{q.id}-") for q in questions)
                   for note in result.notes)


def test_the_shipped_quizzes_hold_every_kind_so_the_exports_above_cover_them() -> None:
    assert {q.kind for q in all_questions()} == set(QuestionKind)


def tricky_question() -> Question:
    base = next(q for q in all_questions() if q.kind is QuestionKind.SINGLE_CHOICE)
    options = tuple(replace(o, text=f"{o.text} {{x}}", feedback=TRICKY) for o in base.options)
    return replace(base, prompt=TRICKY, key=replace(base.key, options=options), explanation=f"{TRICKY}\nline two")


def test_gift_escapes_every_special_character_and_moodle_reads_the_text_back() -> None:
    text = export_gift([tricky_question()]).text
    assert "Article 5\\: \\{collective\\} \\= defence \\#1 \\~ok \\\\ back" in text
    block = text.split("\n\n")[-1]
    prompt = re.match(r"::[^:]+::\[markdown\](.*) \{\n", block, flags=re.DOTALL)
    assert prompt is not None and gift_unescape(prompt.group(1)) == TRICKY
    general = re.search(r"^####(.*)$", block, flags=re.MULTILINE)
    assert general is not None and gift_unescape(general.group(1)) == f"{TRICKY}\nline two"
    # No unescaped special character is left in any text: only the syntax itself.
    for line in block.split("\n")[1:-1]:
        body = re.sub(r"\\.", "", line)
        assert body.count("#") <= (1 if not body.startswith("####") else 4) and not re.search(r"[{}:~=]", body[1:])


def test_xml_keeps_the_tricky_text_exactly() -> None:
    question = tricky_question()
    root = SafeET.fromstring(export_moodle_xml([question]).text.encode("utf-8"))
    element = root.find("question[@type='multichoice']")
    assert element is not None
    assert element.findtext("questiontext/text") == TRICKY
    assert element.findtext("generalfeedback/text") == f"{TRICKY}\nline two"
    assert {a.findtext("feedback/text") for a in element.findall("answer")} == {TRICKY}


def kind(k: QuestionKind) -> list[Question]:
    return [q for q in all_questions() if q.kind is k]


def test_a_timeline_becomes_a_cloze_of_numeric_gaps_in_xml_and_numerical_questions_in_gift() -> None:
    question = next(q for q in kind(QuestionKind.TIMELINE_PLACEMENT) if q.id == "road-to-the-treaty")
    root = SafeET.fromstring(export_moodle_xml([question]).text.encode("utf-8"))
    text = root.findtext("question[@type='cloze']/questiontext/text") or ""
    assert "- North Atlantic Treaty signed: {1:NUMERICAL:=1949:0}" in text
    assert text.count("{1:NUMERICAL:") == len(question.key.events)  # type: ignore[union-attr]
    gift = export_gift([question]).text
    assert "::road-to-the-treaty-e4::[markdown]" in gift and "North Atlantic Treaty signed\\: {#\n=1949:0\n" in gift


def moodle_score(fractions: dict[str, float], chosen: set[str]) -> float:
    """Moodle's multiple-response grade: the chosen fractions added up, between 0 and 1."""
    return min(1.0, max(0.0, sum(fractions[c] for c in chosen) / 100))


def xml_fractions(question: Question) -> dict[str, float]:
    root = SafeET.fromstring(export_moodle_xml([question]).text.encode("utf-8"))
    element = root.find("question[@type='multichoice']")
    assert element is not None and element.findtext("single") == "false"
    return {a.findtext("text") or "": float(a.get("fraction", "0")) for a in element.findall("answer")}


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_moodle_grades_a_map_as_multiple_response_as_we_grade_the_map(data: st.DataObject) -> None:
    question = data.draw(st.sampled_from(kind(QuestionKind.MAP_SELECTION)))
    fractions = xml_fractions(question)
    names = {question.key.name(code): code for code in dict(question.key.map_names)}  # type: ignore[union-attr]
    assert all(name in names for name in fractions)  # every option is a country on the map
    chosen = data.draw(st.sets(st.sampled_from(sorted(fractions))))
    ours = grade(question, Response(selected={names[name] for name in chosen})).score
    assert moodle_score(fractions, chosen) == pytest.approx(ours, abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_moodle_grades_multiple_choice_with_the_exported_weights_as_we_do(data: st.DataObject) -> None:
    question = data.draw(st.sampled_from(kind(QuestionKind.MULTIPLE_CHOICE)))
    fractions = xml_fractions(question)
    assert sum(f for f in fractions.values() if f > 0) == pytest.approx(100, abs=0.1)
    ids = {o.text: o.id for o in question.options}
    chosen = data.draw(st.sets(st.sampled_from(sorted(fractions))))
    ours = grade(question, Response(selected={ids[text] for text in chosen})).score
    assert moodle_score(fractions, chosen) == pytest.approx(ours, abs=1e-4)


def test_ordering_is_qtype_ordering_with_positions_and_our_grading_mode_in_both_formats() -> None:
    for question in kind(QuestionKind.ORDERING):
        root = SafeET.fromstring(export_moodle_xml([question]).text.encode("utf-8"))
        element = root.find("question[@type='ordering']")
        assert element is not None
        items = question.key.items  # type: ignore[union-attr]
        assert [(a.get("fraction"), a.findtext("text")) for a in element.findall("answer")] == [
            (str(n), item.text) for n, item in enumerate(items, start=1)]
        mode = element.findtext("gradingtype")
        assert mode in ("ALL_OR_NOTHING", "ABSOLUTE_POSITION", "RELATIVE_NEXT_EXCLUDE_LAST", "LONGEST_ORDERED_SUBSET")
        assert f"{{\n>{len(items)} ALL VERTICAL {mode} SHOW\n" in export_gift([question]).text


def test_true_false_feedback_lands_on_the_answer_it_is_for() -> None:
    question = next(q for q in kind(QuestionKind.TRUE_FALSE) if all(o.feedback for o in q.options))
    right = next(o for o in question.options if o.correct)
    wrong = next(o for o in question.options if not o.correct)
    word = "TRUE" if right.id == "true" else "FALSE"
    gift = export_gift([question]).text
    assert f"{{\n{word}#{_esc(wrong.feedback)}#{_esc(right.feedback)}\n" in gift  # Moodle: wrong answer's first
    root = SafeET.fromstring(export_moodle_xml([question]).text.encode("utf-8"))
    answers = {a.findtext("text"): (a.get("fraction"), a.findtext("feedback/text"))
               for a in root.findall("question/answer")}
    assert answers == {right.id: ("100", right.feedback), wrong.id: ("0", wrong.feedback)}


def _esc(text: str) -> str:
    return "".join("\\" + c if c in "\\~=#{}:" else c for c in text)


def test_a_percent_tolerance_becomes_moodles_absolute_one_and_the_unit_is_kept_in_xml_only() -> None:
    question = next(q for q in kind(QuestionKind.NUMERIC) if q.key.unit)  # type: ignore[union-attr]
    key = replace(question.key, tolerance=10.0, tolerance_is_percent=True, value=200.0)
    question = replace(question, key=key)
    root = SafeET.fromstring(export_moodle_xml([question]).text.encode("utf-8"))
    assert root.findtext("question/answer/tolerance") == "20"
    assert root.findtext("question/units/unit/unit_name") == key.unit
    noisy = replace(question, key=replace(key, value=1.1, tolerance=7.0))  # 1.1 * 7 / 100 is 0.07700000000000001
    assert "{#\n=1.1:0.077\n" in export_gift([noisy]).text
    gift = export_gift([question])
    assert "{#\n=200:20\n" in gift.text and gift.notes == [f"{question.id}: the unit “{key.unit}” is dropped "
                                                         "(GIFT numerical questions have no units)"]


def test_a_cloze_with_one_gap_is_a_gift_missing_word_question_and_with_more_one_per_gap(tmp_path: Path) -> None:
    question = next(q for q in kind(QuestionKind.CLOZE) if len(q.key.gaps) > 1)  # type: ignore[union-attr]
    gaps = question.key.gaps  # type: ignore[union-attr]
    gift = export_gift([question])
    assert [f"::{question.id}-{g.id}::" in gift.text for g in gaps] == [True] * len(gaps)
    questions_only = "\n".join(line for line in gift.text.split("\n") if not line.startswith("//"))
    assert questions_only.count("[…]") == len(gaps) * (len(gaps) - 1)
    assert gift.notes[0].startswith(f"{question.id}: cloze with {len(gaps)} gaps")
    single = replace(question, key=replace(question.key, segments=("Signed in ", gaps[0], " that year.")))
    one = export_gift([single])
    assert one.notes == [] and f"::{question.id}::[markdown]Signed in {{\n" in one.text
    assert one.text.rstrip().endswith("} that year.")


def test_a_cloze_is_a_multianswer_question_in_xml_with_a_drop_down_for_a_choice_gap() -> None:
    for question in kind(QuestionKind.CLOZE):
        root = SafeET.fromstring(export_moodle_xml([question]).text.encode("utf-8"))
        text = root.findtext("question[@type='cloze']/questiontext/text") or ""
        gaps = question.key.gaps  # type: ignore[union-attr]
        assert len(re.findall(r"\{1:(SHORTANSWER|MULTICHOICE):", text)) == len(gaps)
        assert text.count("{1:MULTICHOICE:") == sum(1 for g in gaps if g.is_choice)
