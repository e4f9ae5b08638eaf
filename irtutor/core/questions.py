"""Question kinds and what a student's response to one looks like."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum


class QuestionKind(StrEnum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    """A quiz question. True/false questions carry two options with ids `true` and `false`."""

    id: str
    kind: QuestionKind
    prompt: str
    options: tuple[Option, ...]
    explanation: str
    page: str
    source: str = ""
    topic: str = ""
    difficulty: str = "medium"

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def content_hash(self) -> str:
        """Fingerprint of what the student saw and what counted as right.

        Stored with every answer, so a later edit of the lesson is visible in history
        instead of silently changing what an old answer meant.
        """
        payload = {
            "kind": str(self.kind),
            "prompt": self.prompt,
            "options": [[o.id, o.text, o.correct] for o in self.options],
        }
        canonical = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Response:
    """The options a student chose."""

    selected: frozenset[str]

    @classmethod
    def of(cls, *option_ids: str) -> Response:
        return cls(frozenset(option_ids))

    def to_json(self) -> dict[str, list[str]]:
        return {"selected": sorted(self.selected)}

    @classmethod
    def from_json(cls, data: object) -> Response:
        if not isinstance(data, dict) or not isinstance(data.get("selected"), list):
            raise ValueError(f"not a stored response: {data!r}")
        return cls(frozenset(str(x) for x in data["selected"]))


def true_false_options(answer: bool, feedback_true: str, feedback_false: str) -> tuple[Option, ...]:
    """The two options a true/false question is graded over."""
    return (
        Option("true", "True", correct=answer, feedback=feedback_true),
        Option("false", "False", correct=not answer, feedback=feedback_false),
    )
