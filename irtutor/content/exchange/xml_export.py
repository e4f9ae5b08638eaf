"""Our questions as Moodle XML (`question/format/xml/format.php`), for Moodle's question bank.

Texts are written with `format="markdown"`: Moodle renders Markdown itself, so what the author
wrote travels unchanged and comes back unchanged, where HTML from our renderer would be turned
back into Markdown on import, and would carry our term and citation links, which mean nothing
in Moodle. Typed answers (short answer, numerical) are plain text, as Moodle matches them.
Moodle has no map or timeline question: they go as the nearer forms in export_common, each
with an XML comment in the question saying so.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # writing only: reading goes through defusedxml
from collections.abc import Callable, Sequence

from irtutor.content.exchange.export_common import (
    MOODLE_GRADING,
    TIMELINE_AS_CLOZE,
    Choice,
    ExportResult,
    categories,
    choice_options,
    cloze_segments,
    gap_choices,
    map_choices,
    map_note,
    percent_text,
    text_key_notes,
    timeline_events,
    tolerance_text,
    tolerance_years,
)
from irtutor.core.kinds.cloze import Gap
from irtutor.core.kinds.matching import MatchingKey
from irtutor.core.kinds.numeric import NumericKey
from irtutor.core.kinds.ordering import OrderingKey
from irtutor.core.kinds.short_text import TextKey
from irtutor.core.numbers import format_number
from irtutor.core.questions import Question, QuestionKind

HEADER = " Exported by IR Tutor. Texts are Markdown (format=\"markdown\"). "
MARKDOWN, PLAIN = "markdown", "moodle_auto_format"
CLOZE_ESCAPED = "\\}#~/\""
"""Characters a multianswer gap reads as syntax; a backslash before each makes it text."""

Notes = list[str]


def export_moodle_xml(questions: Sequence[Question], *, category: str = "") -> ExportResult:
    """`questions` as a Moodle XML quiz, with a category question (lesson category / topic) wherever it changes."""
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(HEADER))
    notes: Notes = []
    for path, question in categories(questions, category):
        if path is not None:
            quiz.append(_category(path))
        element, own = WRITERS[question.kind](question)
        for note in reversed(own):
            element.insert(0, ET.Comment(" " + note.replace("--", "- -") + " "))  # no -- in a comment
        quiz.append(element)
        notes.extend(own)
    ET.indent(quiz)
    return ExportResult('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n",
                        notes)


def _category(path: str) -> ET.Element:
    element = ET.Element("question", type="category")
    _text(ET.SubElement(element, "category"), path)
    return element


def _text(parent: ET.Element, text: str) -> ET.Element:
    ET.SubElement(parent, "text").text = text
    return parent


def _formatted(parent: ET.Element, tag: str, text: str, fmt: str = MARKDOWN) -> ET.Element:
    return _text(ET.SubElement(parent, tag, format=fmt), text)


def _head(question: Question, qtype: str, prompt: str | None = None) -> ET.Element:
    """The fields every question has: name and idnumber (our id), text, general feedback (explanation)."""
    element = ET.Element("question", type=qtype)
    _text(ET.SubElement(element, "name"), question.id)
    _formatted(element, "questiontext", question.prompt if prompt is None else prompt)
    _formatted(element, "generalfeedback", question.explanation)
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = question.id
    return element


def _fields(element: ET.Element, **values: str) -> None:
    for tag, value in values.items():
        ET.SubElement(element, tag).text = value


def _answer(parent: ET.Element, text: str, percent: float, feedback: str = "", fmt: str = MARKDOWN) -> ET.Element:
    answer = _formatted(parent, "answer", text, fmt)
    answer.set("fraction", percent_text(percent))
    _formatted(answer, "feedback", feedback)
    return answer


def _multichoice(question: Question, choices: list[Choice], *, single: bool) -> ET.Element:
    element = _head(question, "multichoice")
    # Shuffled, as the shipped quizzes set `shuffle_options`; not numbered, as our options are not.
    _fields(element, single="true" if single else "false", shuffleanswers="true", answernumbering="none")
    for choice in choices:
        _answer(element, choice.text, choice.percent, choice.feedback)
    return element


def _choice(question: Question) -> tuple[ET.Element, Notes]:
    single = question.kind is QuestionKind.SINGLE_CHOICE
    return _multichoice(question, choice_options(question), single=single), []


def _true_false(question: Question) -> tuple[ET.Element, Notes]:
    element = _head(question, "truefalse")
    for option in question.options:  # each answer's feedback is shown when it is chosen
        _answer(element, option.id, 100 if option.correct else 0, option.feedback, PLAIN)
    return element, []


def _numeric(question: Question) -> tuple[ET.Element, Notes]:
    key: NumericKey = question.key  # type: ignore[assignment]
    element = _head(question, "numerical")
    answer = _answer(element, format_number(key.value), 100, fmt=PLAIN)
    ET.SubElement(answer, "tolerance").text = tolerance_text(key)
    if key.unit:  # optional, as ours: a number alone is read in this unit
        unit = ET.SubElement(ET.SubElement(element, "units"), "unit")
        _fields(unit, multiplier="1", unit_name=key.unit)
        _fields(element, unitgradingtype="0", unitpenalty="0", showunits="0", unitsleft="0")
    return element, []


def _short_text(question: Question) -> tuple[ET.Element, Notes]:
    key: TextKey = question.key  # type: ignore[assignment]
    element = _head(question, "shortanswer")
    _fields(element, usecase="1" if key.case_sensitive else "0")
    for variant in key.variants:
        _answer(element, variant.text, variant.credit * 100, variant.feedback, PLAIN)
    return element, text_key_notes(question, gift=False)


def _matching(question: Question) -> tuple[ET.Element, Notes]:
    key: MatchingKey = question.key  # type: ignore[assignment]
    element = _head(question, "matching")
    _fields(element, shuffleanswers="true")
    answer = key.answer
    rows = [(left.text, key.right_text(answer[left.id])) for left in key.lefts]
    rows += [("", right.text) for right in key.rights if right.id not in set(answer.values())]  # distractors
    for left, right in rows:
        sub = _formatted(element, "subquestion", left)
        _text(ET.SubElement(sub, "answer"), right)
    return element, []


def _ordering(question: Question) -> tuple[ET.Element, Notes]:
    key: OrderingKey = question.key  # type: ignore[assignment]
    element = _head(question, "ordering")
    _fields(element, layouttype="VERTICAL", selecttype="ALL", selectcount=str(len(key.items)),
            gradingtype=MOODLE_GRADING[key.mode], showgrading="SHOW", numberingstyle="none")
    for position, item in enumerate(key.items, start=1):  # qtype_ordering: the fraction is the position
        _formatted(element, "answer", item.text).set("fraction", str(position))
    return element, []


def _cloze(question: Question) -> tuple[ET.Element, Notes]:
    text = "".join(s if isinstance(s, str) else _gap(s) for s in cloze_segments(question))
    return _head(question, "cloze", text), []


def _gap(gap: Gap) -> str:
    """A gap as a multianswer subquestion: MULTICHOICE (a drop-down) for a choice list, else SHORTANSWER."""
    kind = "MULTICHOICE" if gap.is_choice else "SHORTANSWER"
    answers = "~".join(f"%{percent_text(c.percent)}%{_cloze_escape(c.text)}" + (
        f"#{_cloze_escape(c.feedback)}" if c.feedback else "") for c in gap_choices(gap))
    return f"{{1:{kind}:{answers}}}"


def _cloze_escape(text: str) -> str:
    return "".join("\\" + c if c in CLOZE_ESCAPED else c for c in text)


def _map(question: Question) -> tuple[ET.Element, Notes]:
    choices = map_choices(question)
    return _multichoice(question, choices, single=False), [map_note(question, choices)]


def _timeline(question: Question) -> tuple[ET.Element, Notes]:
    tolerance = tolerance_years(question)
    rows = [f"- {text}: {{1:NUMERICAL:={year}:{tolerance}}}" for text, year in timeline_events(question)]
    note = TIMELINE_AS_CLOZE.format(id=question.id, tolerance=tolerance)
    return _head(question, "cloze", question.prompt + "\n\n" + "\n".join(rows)), [note]


WRITERS: dict[QuestionKind, Callable[[Question], tuple[ET.Element, Notes]]] = {
    QuestionKind.SINGLE_CHOICE: _choice,
    QuestionKind.MULTIPLE_CHOICE: _choice,
    QuestionKind.TRUE_FALSE: _true_false,
    QuestionKind.NUMERIC: _numeric,
    QuestionKind.SHORT_TEXT: _short_text,
    QuestionKind.MATCHING: _matching,
    QuestionKind.ORDERING: _ordering,
    QuestionKind.CLOZE: _cloze,
    QuestionKind.MAP_SELECTION: _map,
    QuestionKind.TIMELINE_PLACEMENT: _timeline,
}
