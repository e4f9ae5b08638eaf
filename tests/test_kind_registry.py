"""A question kind is one unit: every place that must know a kind is listed here, and each
kind is checked in each of them. A new kind missing from any fails here, by name, at once —
not later as a KeyError when a quiz shows it.

TOUCHPOINTS is also the answer to "how many files does a new kind touch?": one per row.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable

import pytest

from irtutor.core.describe import describe_correct, describe_response
from irtutor.core.grading import grade
from irtutor.core.kind_registry import all_rules, rules_for
from irtutor.core.questions import QuestionKind, Response
from irtutor.core.verdicts import Verdict
from irtutor.ui.question_factory import WIDGET_CLASSES, WIDGET_OF_KIND
from tests.conftest import REPO
from tests.ui.test_widget_verdicts import RESPONSES, example


def _in_enum(kind: QuestionKind) -> bool:
    return kind in set(QuestionKind)


def _has_rules(kind: QuestionKind) -> bool:
    rules = all_rules().get(kind)
    return rules is not None and kind in rules.key_type.kinds


def _in_schema(kind: QuestionKind) -> bool:
    schema = json.loads((REPO / "resources" / "schema" / "quiz.schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    branches = [b for b in defs["question"]["allOf"] if "if" in b]
    named = [b for b in branches if b["if"]["properties"]["kind"].get("const") == kind]
    return str(kind) in defs["common"]["properties"]["kind"]["enum"] and bool(named) and str(kind) in defs


def _has_widget(kind: QuestionKind) -> bool:
    return kind in WIDGET_OF_KIND


def _listed_widget(kind: QuestionKind) -> bool:
    return any(kind in getattr(w.key_type, "kinds", ()) for w in WIDGET_CLASSES)


def _in_readme(kind: QuestionKind) -> bool:
    return f"kind: {kind}" in (REPO / "README.md").read_text(encoding="utf-8")


def _has_test_responses(kind: QuestionKind) -> bool:
    return kind in RESPONSES


TOUCHPOINTS: list[tuple[str, str, Callable[[QuestionKind], bool]]] = [
    ("irtutor/core/questions.py", "a QuestionKind member", _in_enum),
    ("irtutor/core/kinds/<kind>.py", "the key, its grader and verdicts, its words, its right response and its "
                                     "quiz.yaml reader (found by the registry)", _has_rules),
    ("resources/schema/quiz.schema.json", "the kind's fields and its branch", _in_schema),
    ("irtutor/ui/<kind>_question.py", "a QuestionWidget whose key_type carries the kind", _has_widget),
    ("irtutor/ui/question_factory.py", "that widget in WIDGET_CLASSES", _listed_widget),
    ("README.md", "an example of the kind in quiz.yaml", _in_readme),
    ("tests/ui/test_widget_verdicts.py", "how the property test draws its responses", _has_test_responses),
]


@pytest.mark.parametrize("kind", list(QuestionKind), ids=str)
@pytest.mark.parametrize(("where", "what", "check"), TOUCHPOINTS, ids=[t[0] for t in TOUCHPOINTS])
def test_every_kind_is_registered_everywhere(kind: QuestionKind, where: str, what: str,
                                            check: Callable[[QuestionKind], bool]) -> None:
    assert check(kind), f"{kind}: {where} lacks {what}"


def test_a_new_kind_touches_seven_files() -> None:
    # The note on the issue gives this count; it is the length of the list above.
    assert len(TOUCHPOINTS) == 7


@pytest.mark.parametrize("kind", list(QuestionKind), ids=str)
def test_each_kinds_rules_grade_describe_and_read_consistently(kind: QuestionKind) -> None:
    question = example(kind)
    rules = rules_for(kind)
    right = rules.right_response(question)
    fields = {name for name in ("selected", "text", "pairs", "order", "gaps") if getattr(right, name)}
    assert fields <= rules.response_fields
    outcome = grade(question, right)
    assert outcome.correct and outcome.parts
    assert all(p.verdict is Verdict.RIGHT and p.credit == 1.0 for p in outcome.parts)
    empty = grade(question, Response())
    assert empty.score == 0 and not any(p.verdict is Verdict.RIGHT for p in empty.parts)
    assert describe_correct(question) and describe_response(question, right) != "(no answer)"
    assert inspect.signature(rules.read).parameters  # reads its own quiz.yaml fields


def test_no_module_outside_the_kind_modules_dispatches_on_the_key_type() -> None:
    """The isinstance chains the issue found are gone: only a kind's own module names its key."""
    offenders = []
    for path in (REPO / "irtutor").rglob("*.py"):
        if "kinds" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for key in ("ChoiceKey", "NumericKey", "TextKey", "MatchingKey", "OrderingKey", "ClozeKey", "MapKey",
                    "TimelineKey"):
            if f"isinstance(key, {key}" in text or f"isinstance(self.key, {key}" in text \
                    or f"isinstance(question.key, {key}" in text:
                offenders.append(f"{path.relative_to(REPO)}: isinstance(..., {key})")
    assert not offenders
