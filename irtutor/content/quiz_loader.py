"""quiz.yaml (already schema-valid) -> Questions, with the checks a schema cannot express.

Each kind has a builder that turns its fields into the kind's answer key and says, at the
line and column of the culprit, what is wrong with it and how to fix it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from string import ascii_lowercase
from typing import Any

from irtutor.content.located_yaml import LocatedYaml, YamlPath
from irtutor.content.text_files import read_lesson_text
from irtutor.core.answer_keys import (
    AnswerKey,
    ChoiceKey,
    ClozeKey,
    Item,
    MapKey,
    MatchingKey,
    NumericKey,
    Option,
    OrderingKey,
    OrderingMode,
    TextKey,
    TextVariant,
    TimelineKey,
)
from irtutor.core.cloze import OPEN, ClozeSyntaxError, parse_cloze
from irtutor.core.problems import LessonError, Problem
from irtutor.core.questions import Question, QuestionKind, true_false_options
from irtutor.core.quiz_settings import QuizMode, QuizSettings
from irtutor.core.text_matching import normalise


def load_questions(quiz: LocatedYaml, pages: set[str], sources: set[str]) -> tuple[tuple[Question, ...], list[Problem]]:
    questions: list[Question] = []
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for index, item in enumerate(quiz.data["questions"]):
        at = ("questions", index)
        qid = item["id"]
        if qid in first_line:
            problems.append(quiz.problem((*at, "id"), f"duplicate question id '{qid}' (first used on "
                                                      f"line {first_line[qid]}); ids must be unique"))
        first_line.setdefault(qid, quiz.position((*at, "id"))[0])
        problems.extend(_reference_problems(quiz, at, item, pages, sources))
        problems.extend(_fact_problems(quiz, at, item.get("facts", ())))
        entry = _Entry(quiz, at, item)
        kind = QuestionKind(item["kind"])
        key = _BUILDERS[kind](entry)
        problems.extend(entry.problems)
        questions.append(Question(
            id=qid, kind=kind, prompt=item["prompt"], key=key,
            explanation=item["explanation"], page=item["page"], source=item.get("source", ""),
            topic=item.get("topic", ""), difficulty=item.get("difficulty", "medium"),
        ))
    return tuple(questions), problems


def load_settings(quiz: LocatedYaml) -> QuizSettings:
    """The quiz's `settings` (already schema-valid); the defaults for what it leaves out."""
    data: dict[str, Any] = quiz.data.get("settings") or {}
    default = QuizSettings()
    return QuizSettings(
        shuffle_questions=data.get("shuffle_questions", default.shuffle_questions),
        shuffle_options=data.get("shuffle_options", default.shuffle_options),
        retry_penalty=data["retry_penalty_percent"] / 100 if "retry_penalty_percent" in data else default.retry_penalty,
        modes=tuple(QuizMode(m) for m in data["modes"]) if "modes" in data else default.modes,
    )


class _Entry:
    """One question's mapping, where it is in the file, and the problems found in it so far."""

    def __init__(self, quiz: LocatedYaml, at: YamlPath, data: dict[str, Any]) -> None:
        self.quiz, self.at, self.data = quiz, at, data
        self.problems: list[Problem] = []

    def report(self, where: YamlPath, message: str, *, key: bool = False) -> None:
        self.problems.append(self.quiz.problem((*self.at, *where), message, key=key))


def _reference_problems(quiz: LocatedYaml, at: tuple, item: dict[str, Any],
                        pages: set[str], sources: set[str]) -> list[Problem]:
    problems = []
    if item["page"] not in pages:
        known = ", ".join(sorted(pages)) or "none"
        problems.append(quiz.problem((*at, "page"), f"page '{item['page']}' is not a page of this lesson "
                                                    f"(pages: {known}); write the file name without .md"))
    if "source" in item and item["source"] not in sources:
        known = ", ".join(sorted(sources))
        problems.append(quiz.problem((*at, "source"), f"source '{item['source']}' is not in lesson.yaml "
                                                      f"(sources: {known})"))
    return problems


def _fact_problems(quiz: LocatedYaml, at: tuple, facts: list[dict[str, Any]]) -> list[Problem]:
    if not facts:
        return []
    # Imported here: only quizzes that state checked facts pay for reading the data.
    from irtutor.content.datasets import DataError, load_reference_data
    from irtutor.content.fact_checks import check_fact
    from irtutor.paths import resource_dir

    try:
        data = load_reference_data(resource_dir() / "data")
    except DataError:
        return []  # a damaged install is reported once, by the catalog, not at every fact
    problems = []
    for index, fact in enumerate(facts):
        wrong = check_fact(fact, data)
        if wrong:
            problems.append(quiz.problem((*at, "facts", index), f"this {fact.get('fact')} fact disagrees with "
                                                                 f"the data: {wrong}"))
    return problems


def _option_id(index: int) -> str:
    return ascii_lowercase[index] if index < 26 else f"o{index}"


def _label(value: object) -> str:
    """Text of a label; the schema lets a whole number such as a year go unquoted."""
    return value if isinstance(value, str) else str(value)


# --- choice kinds -------------------------------------------------------------------------


def _true_false(entry: _Entry) -> ChoiceKey:
    d = entry.data
    return ChoiceKey(true_false_options(d["answer"], d.get("feedback_true", ""), d.get("feedback_false", "")))


def _choice(entry: _Entry) -> ChoiceKey:
    key = ChoiceKey(tuple(
        Option(_option_id(i), o["text"], o.get("correct", False), o.get("feedback", ""),
               None if o.get("weight") is None else o["weight"] / 100)
        for i, o in enumerate(entry.data["options"])
    ))
    right = len(key.correct_ids)
    if entry.data["kind"] == QuestionKind.SINGLE_CHOICE and right != 1:
        entry.report(("options",), f"a single_choice question needs exactly one option with `correct: true` "
                                   f"(found {right})")
    elif entry.data["kind"] == QuestionKind.MULTIPLE_CHOICE and right == 0:
        entry.report(("options",), "a multiple_choice question needs at least one option with `correct: true`")
    elif key.weighted:
        _check_weights(entry)
    return key


def _check_weights(entry: _Entry) -> None:
    """With weights, every right option earns a positive share, wrong ones none, and right ones add up to 100."""
    total = 0.0
    for i, option in enumerate(entry.data["options"]):
        weight, where = option.get("weight"), ("options", i, "weight")
        if weight is not None and not -100 <= weight <= 100:
            entry.report(where, f"weight {weight:g} is out of range: write a percent from -100 to 100")
        elif option.get("correct", False) and weight is None:
            entry.report(("options", i), "this right option needs a `weight` too: once one option has a "
                                         "weight, every right option needs one")
        elif option.get("correct", False) and weight <= 0:
            entry.report(where, f"a right option's weight must be above 0 (found {weight:g}); make it a "
                                "positive percent or remove `correct: true`")
        elif not option.get("correct", False) and weight is not None and weight > 0:
            entry.report(where, f"a wrong option's weight must be 0 or below (found {weight:g}); add "
                                "`correct: true` if picking it earns credit")
        if option.get("correct", False) and weight is not None:
            total += weight
    if not entry.problems and abs(total - 100) > 0.1:
        entry.report(("options",), f"the weights of the right options add up to {total:g}, not 100; "
                                   "change them so that they do")


# --- typed kinds --------------------------------------------------------------------------


def _numeric(entry: _Entry) -> NumericKey:
    d = entry.data
    if "tolerance" in d and "tolerance_percent" in d:
        entry.report(("tolerance_percent",), "give either `tolerance` or `tolerance_percent`, not both",
                     key=True)
    for name in ("tolerance", "tolerance_percent"):
        if d.get(name, 0) < 0:
            entry.report((name,), f"`{name}` must not be negative (found {d[name]:g}); it is a distance "
                                  "either way of the answer")
    percent = "tolerance_percent" in d
    tolerance = float(d["tolerance_percent"] if percent else d.get("tolerance", 0))
    return NumericKey(float(d["answer"]), tolerance, percent, d.get("unit", ""))


def _short_text(entry: _Entry) -> TextKey:
    d = entry.data
    variants = tuple(
        TextVariant(_label(a["text"]), float(a.get("credit", 1.0))) if isinstance(a, dict) else TextVariant(_label(a))
        for a in d["answers"]
    )
    key = TextKey(variants, d.get("case_sensitive", False), d.get("accent_sensitive", False))
    seen: dict[str, int] = {}
    for i, variant in enumerate(variants):
        if not 0 < variant.credit <= 1:
            entry.report(("answers", i, "credit"), f"credit {variant.credit:g} is out of range: write a share "
                                                   "of the mark above 0 and at most 1, e.g. 0.5")
        folded = normalise(variant.text, case_sensitive=key.case_sensitive, accent_sensitive=key.accent_sensitive)
        if folded in seen:
            entry.report(("answers", i), f"answer {variant.text!r} is the same as answer {seen[folded] + 1} once "
                                         "case, accents, spaces and punctuation are ignored; keep one of them")
        seen.setdefault(folded, i)
    if not entry.problems and not any(v.credit == 1 for v in variants):
        entry.report(("answers",), "no answer earns full credit: give at least one answer `credit: 1` "
                                   "(or no credit at all)")
    return key


# --- arranging kinds ----------------------------------------------------------------------


def _matching(entry: _Entry) -> MatchingKey:
    pairs = entry.data["pairs"]
    lefts = tuple(Item(f"l{i + 1}", _label(p["left"])) for i, p in enumerate(pairs))
    _refuse_repeats(entry, [left.text for left in lefts], lambda i: ("pairs", i, "left"), "left")
    rights: dict[str, Item] = {}
    for text in [_label(p["right"]) for p in pairs]:
        rights.setdefault(text, Item(f"r{len(rights) + 1}", text))
    answers = set(rights)
    distractors = [_label(x) for x in entry.data.get("distractors", [])]
    for i, text in enumerate(distractors):
        if text in answers:
            entry.report(("distractors", i), f"distractor {text!r} is already the right of a pair; a distractor "
                                             "must go with no left, so remove it or change it")
    _refuse_repeats(entry, distractors, lambda i: ("distractors", i), "distractor")
    for text in distractors:
        rights.setdefault(text, Item(f"r{len(rights) + 1}", text))
    return MatchingKey(lefts, tuple(rights.values()),
                       tuple((left.id, rights[_label(p["right"])].id) for left, p in zip(lefts, pairs, strict=True)))


def _ordering(entry: _Entry) -> OrderingKey:
    items = tuple(Item(f"i{i + 1}", _label(text)) for i, text in enumerate(entry.data["items"]))
    _refuse_repeats(entry, [item.text for item in items], lambda i: ("items", i), "item")
    mode = OrderingMode(entry.data.get("grading", OrderingMode.LONGEST_ORDERED_SUBSEQUENCE))
    return OrderingKey(items, mode)


def _refuse_repeats(entry: _Entry, texts: list[str], where: Callable[[int], YamlPath], noun: str) -> None:
    first: dict[str, int] = {}
    for i, text in enumerate(texts):
        if text.strip() in first:
            entry.report(where(i), f"{noun} {text!r} is listed twice (first as {noun} {first[text.strip()] + 1}); "
                                   f"each {noun} must differ")
        first.setdefault(text.strip(), i)


def _cloze(entry: _Entry) -> ClozeKey:
    text = entry.data["text"]
    try:
        return parse_cloze(text)
    except ClozeSyntaxError as error:
        line, column = _gap_position(entry, text, error)
        entry.problems.append(Problem(entry.quiz.path, line, column, error.message))
        return ClozeKey((text,))


def _gap_position(entry: _Entry, text: str, error: ClozeSyntaxError) -> tuple[int, int]:
    """Where in the file the gap at `error.offset` of the parsed text is written.

    The parsed string lost its quotes, escapes and line breaks, so find the same `{{` (or `}}`)
    by counting: the n-th one in the text is the n-th one in the file after the value starts.
    Falls back to where the text starts when the file cannot be read again.
    """
    start = entry.quiz.position((*entry.at, "text"))
    if error.offset is None:
        return start
    token = text[error.offset:error.offset + len(OPEN)]
    nth = text.count(token, 0, error.offset)
    try:
        lines = read_lesson_text(Path(entry.quiz.path)).split("\n")
    except (OSError, LessonError):
        return start
    line, column = start[0], start[1] - 1
    while line <= len(lines):
        found = lines[line - 1].find(token, column)
        if found < 0:
            line, column = line + 1, 0
        elif nth:
            nth, column = nth - 1, found + len(token)
        else:
            return line, found + 1
    return start


# --- kinds on the map and the timeline ------------------------------------------------------


def _map_selection(entry: _Entry) -> MapKey:
    from irtutor.content.datasets import DataError

    try:
        names = _country_names()
    except DataError:  # reported once by the catalog; the question's widget says it cannot draw the map
        codes = tuple(entry.data["countries"])
        return MapKey(codes, entry.data.get("year"), tuple((c, c) for c in sorted(set(codes))))
    codes = list(entry.data["countries"])
    for i, code in enumerate(codes):
        if code not in names:
            entry.report(("countries", i), f"'{code}' is not a country on the map; use an ISO 3166 three-letter "
                                           "code such as POL (Poland), or XKX for Kosovo")
    return MapKey(tuple(codes), entry.data.get("year"), tuple((c, names[c]) for c in sorted(set(codes)) if c in names))


def _country_names() -> dict[str, str]:
    # Imported here: only lessons with a map question pay for reading the outlines.
    from irtutor.content.datasets import load_reference_data
    from irtutor.paths import resource_dir

    return {shape.iso3: shape.name for shape in load_reference_data(resource_dir() / "data").countries}


def _timeline_placement(entry: _Entry) -> TimelineKey:
    events = entry.data["events"]
    items = tuple(Item(_option_id(i), _label(e["text"])) for i, e in enumerate(events))
    _refuse_repeats(entry, [item.text for item in items], lambda i: ("events", i, "text"), "event")
    return TimelineKey(items, tuple(int(e["year"]) for e in events), int(entry.data.get("tolerance_years", 0)))


_BUILDERS: dict[QuestionKind, Callable[[_Entry], AnswerKey]] = {
    QuestionKind.SINGLE_CHOICE: _choice,
    QuestionKind.MULTIPLE_CHOICE: _choice,
    QuestionKind.TRUE_FALSE: _true_false,
    QuestionKind.NUMERIC: _numeric,
    QuestionKind.SHORT_TEXT: _short_text,
    QuestionKind.MATCHING: _matching,
    QuestionKind.ORDERING: _ordering,
    QuestionKind.CLOZE: _cloze,
    QuestionKind.MAP_SELECTION: _map_selection,
    QuestionKind.TIMELINE_PLACEMENT: _timeline_placement,
}
