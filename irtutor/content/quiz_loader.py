"""quiz.yaml (already schema-valid) -> Questions, with the checks a schema cannot express."""

from __future__ import annotations

from string import ascii_lowercase
from typing import Any

from irtutor.content.located_yaml import LocatedYaml
from irtutor.core.problems import Problem
from irtutor.core.questions import Option, Question, QuestionKind, true_false_options


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
        question = _question(item)
        problems.extend(_answer_key_problems(quiz, at, question))
        questions.append(question)
    return tuple(questions), problems


def _question(item: dict[str, Any]) -> Question:
    kind = QuestionKind(item["kind"])
    if kind is QuestionKind.TRUE_FALSE:
        options = true_false_options(item["answer"], item.get("feedback_true", ""), item.get("feedback_false", ""))
    else:
        options = tuple(
            Option(ascii_lowercase[i] if i < 26 else f"o{i}", o["text"], o.get("correct", False), o.get("feedback", ""))
            for i, o in enumerate(item["options"])
        )
    return Question(
        id=item["id"], kind=kind, prompt=item["prompt"], options=options,
        explanation=item["explanation"], page=item["page"], source=item.get("source", ""),
        topic=item.get("topic", ""), difficulty=item.get("difficulty", "medium"),
    )


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


def _answer_key_problems(quiz: LocatedYaml, at: tuple, question: Question) -> list[Problem]:
    right = len(question.correct_ids)
    if question.kind is QuestionKind.SINGLE_CHOICE and right != 1:
        return [quiz.problem((*at, "options"), f"a single_choice question needs exactly one option "
                                               f"with `correct: true` (found {right})")]
    if question.kind is QuestionKind.MULTIPLE_CHOICE and right == 0:
        return [quiz.problem((*at, "options"), "a multiple_choice question needs at least one option "
                                               "with `correct: true`")]
    return []
