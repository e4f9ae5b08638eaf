"""How a quiz is taken: practice or test, shuffling, and the penalty for another try."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from irtutor.core.shuffling import display_order


class QuizMode(StrEnum):
    PRACTICE = "practice"
    """Feedback after each answer; a wrong answer may be tried again, for fewer marks."""

    TEST = "test"
    """No feedback until the attempt is submitted; then a score and a review of every question."""


@dataclass(frozen=True)
class QuizSettings:
    """Per quiz, from quiz.yaml. The penalty is Moodle's "penalty for each incorrect try"."""

    shuffle_questions: bool = False
    shuffle_options: bool = False
    retry_penalty: float = 1 / 3
    modes: tuple[QuizMode, ...] = (QuizMode.PRACTICE, QuizMode.TEST)
    tries: int = 3
    """Practice: tries per question before the right answer is shown (Moodle's interactive behaviour)."""
    time_limit_minutes: float | None = None
    """Test: the time allowed, or None for no limit."""


@dataclass(frozen=True)
class AttemptLayout:
    """The order an attempt shows things in, stored with it so a resumed attempt looks the same.

    Option and item orders are derived from `seed` and the question id, so the layout stays a
    seed and a list of ids however many kinds of question there are.
    """

    seed: int
    question_order: tuple[str, ...]
    shuffle_options: bool = False
    focus: str = "all"
    """What the attempt aims at (core.practice_focus.Focus); a focus on some questions asks only those."""
    deadline: str = ""
    """A timed test's end, as an ISO 8601 UTC time; stored with the attempt so a restart keeps the clock."""

    def arrange(self, question_id: str, ids: tuple[str, ...], *, always: bool = False) -> tuple[str, ...]:
        """`ids` in this attempt's display order for the question: shuffled if the quiz says so
        (or `always`, for kinds whose natural order would give the answer away)."""
        if not (self.shuffle_options or always) or len(ids) < 2:
            return ids
        return display_order(ids, f"{self.seed}:{question_id}")

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"seed": self.seed, "questions": list(self.question_order),
                                   "shuffle_options": self.shuffle_options}
        if self.focus != "all":
            data["focus"] = self.focus
        if self.deadline:
            data["deadline"] = self.deadline
        return data

    @classmethod
    def from_json(cls, data: object, fallback_order: tuple[str, ...]) -> AttemptLayout:
        if not isinstance(data, dict):
            return cls(0, fallback_order)
        return cls(int(data.get("seed", 0)), tuple(data.get("questions") or fallback_order),
                   bool(data.get("shuffle_options", False)), str(data.get("focus", "all")),
                   str(data.get("deadline", "")))


def new_layout(question_ids: tuple[str, ...], settings: QuizSettings, seed: int, focus: str = "all",
               keep_first: int = 0) -> AttemptLayout:
    """`keep_first`: that many leading ids shuffle among themselves only (unseen questions stay first)."""
    if settings.shuffle_questions:
        head, tail = question_ids[:keep_first], question_ids[keep_first:]
        question_ids = (*display_order(head, f"{seed}:questions:first"), *display_order(tail, f"{seed}:questions")) \
            if keep_first else tuple(display_order(question_ids, f"{seed}:questions"))
    return AttemptLayout(seed, tuple(question_ids), settings.shuffle_options, focus)


def penalised_score(raw_score: float, earlier_wrong_tries: int, penalty: float) -> float:
    """Moodle's interactive-with-multiple-tries rule: each earlier wrong try costs `penalty` of the marks."""
    return max(0.0, raw_score - max(0.0, penalty) * max(0, earlier_wrong_tries))
