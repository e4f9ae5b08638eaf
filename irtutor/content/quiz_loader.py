"""quiz.yaml (already schema-valid) -> Questions, with the checks a schema cannot express.

Each kind reads its own fields (`read` in its module under irtutor.core.kinds) through the
`_Entry` here, which says at the line and column of the culprit what is wrong and how to fix it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from irtutor.content.located_yaml import LocatedYaml, YamlPath
from irtutor.content.text_files import read_lesson_text
from irtutor.core.kind_registry import rules_for
from irtutor.core.problems import LessonError, Problem
from irtutor.core.questions import Question, QuestionKind
from irtutor.core.quiz_settings import QuizMode, QuizSettings
from irtutor.core.text_matching import protect_answers


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
        key = rules_for(kind).read(entry)
        problems.extend(entry.problems)
        questions.append(Question(
            id=qid, kind=kind, prompt=item["prompt"], key=key,
            explanation=item["explanation"], page=item["page"], source=item.get("source", ""),
            topic=item.get("topic", ""), difficulty=item.get("difficulty", "medium"),
        ))
    return _protected(questions), problems


def _protected(questions: list[Question]) -> tuple[Question, ...]:
    """Typed questions learn the quiz's other right answers, so typo tolerance never accepts one for another."""
    typed = {q.id: q.key.right_texts() for q in questions if hasattr(q.key, "right_texts")}
    protected = protect_answers(typed)
    return tuple(replace(q, key=replace(q.key, protected=protected[q.id])) if q.id in protected else q
                 for q in questions)


def load_settings(quiz: LocatedYaml) -> QuizSettings:
    """The quiz's `settings` (already schema-valid); the defaults for what it leaves out."""
    data: dict[str, Any] = quiz.data.get("settings") or {}
    default = QuizSettings()
    return QuizSettings(
        shuffle_questions=data.get("shuffle_questions", default.shuffle_questions),
        shuffle_options=data.get("shuffle_options", default.shuffle_options),
        retry_penalty=data["retry_penalty_percent"] / 100 if "retry_penalty_percent" in data else default.retry_penalty,
        tries=int(data.get("tries", default.tries)),
        time_limit_minutes=data.get("time_limit_minutes", default.time_limit_minutes),
        modes=tuple(QuizMode(m) for m in data["modes"]) if "modes" in data else default.modes,
    )


class _Entry:
    """One question's mapping, where it is in the file, and the problems found in it so far
    (the core.kind_registry.KeyReader each kind reads its fields through)."""

    def __init__(self, quiz: LocatedYaml, at: YamlPath, data: dict[str, Any]) -> None:
        self.quiz, self.at, self.data = quiz, at, data
        self.problems: list[Problem] = []

    def report(self, where: YamlPath, message: str, *, key: bool = False) -> None:
        self.problems.append(self.quiz.problem((*self.at, *where), message, key=key))

    def has_problems(self) -> bool:
        return bool(self.problems)

    def setting(self, name: str, default: Any) -> Any:
        return (self.quiz.data.get("settings") or {}).get(name, default)

    def report_in_text(self, field: str, offset: int | None, token: str, message: str) -> None:
        line, column = _token_position(self, field, offset, token)
        self.problems.append(Problem(self.quiz.path, line, column, message))

    def country_names(self) -> dict[str, str] | None:
        # Imported here: only lessons with a map question pay for reading the outlines.
        from irtutor.content.datasets import DataError, load_reference_data
        from irtutor.paths import resource_dir

        try:
            return {shape.iso3: shape.name for shape in load_reference_data(resource_dir() / "data").countries}
        except DataError:
            return None  # reported once by the catalog


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


def _token_position(entry: _Entry, field: str, offset: int | None, token: str) -> tuple[int, int]:
    """Where in the file the `token` at `offset` of the parsed string in `field` is written.

    The parsed string lost its quotes, escapes and line breaks, so find the same token by
    counting: the n-th one in the text is the n-th one in the file after the value starts.
    Falls back to where the value starts when the file cannot be read again.
    """
    start = entry.quiz.position((*entry.at, field))
    text = entry.data[field]
    if offset is None:
        return start
    nth = text.count(token, 0, offset)
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
