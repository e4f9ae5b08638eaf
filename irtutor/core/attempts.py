"""Where a student stands in a quiz: what is answered and which question is on screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from irtutor.core.grading import Outcome
from irtutor.core.questions import Response


@dataclass(frozen=True)
class Profile:
    id: int
    name: str


@dataclass(frozen=True)
class RecordedAnswer:
    question_id: str
    response: Response
    outcome: Outcome


@dataclass
class AttemptState:
    """An attempt at one lesson's quiz, as the quiz view shows it: the latest answer to each
    question, and how many times each was tried."""

    attempt_id: int
    lesson_id: str
    position: int = 0
    finished: bool = False
    answers: dict[str, RecordedAnswer] = field(default_factory=dict)
    tries: dict[str, int] = field(default_factory=dict)

    def answered(self, question_id: str) -> RecordedAnswer | None:
        return self.answers.get(question_id)

    def wrong_tries(self, question_id: str) -> int:
        """Tries before the latest one; all of them were wrong, or there would be no retry."""
        return max(0, self.tries.get(question_id, 0) - 1)

    def total_score(self) -> float:
        return sum(a.outcome.score for a in self.answers.values())


@dataclass(frozen=True)
class StoredAnswer:
    """An answer as it was committed: what was chosen, how it scored, and on which wording."""

    question_id: str
    question_hash: str
    response: Response
    score: float
    correct: bool
    try_number: int = 1


@dataclass(frozen=True)
class StoredAttempt:
    id: int
    lesson_id: str
    position: int
    finished: bool
    answers: tuple[StoredAnswer, ...]
    mode: str = "practice"
    layout: dict[str, object] | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
