"""Finished attempts at a quiz, for the attempts list and the question-by-question review."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from irtutor.core.attempts import Profile, RecordedAnswer, StoredAttempt
from irtutor.core.lesson import Lesson
from irtutor.core.questions import Question
from irtutor.core.quiz_settings import QuizMode
from irtutor.services.quiz_session import final_score, replay

if TYPE_CHECKING:
    from irtutor.storage.stores import Store


@dataclass(frozen=True)
class ReviewedQuestion:
    question: Question
    answer: RecordedAnswer | None
    tries: int


@dataclass(frozen=True)
class AttemptReview:
    attempt_id: int
    mode: QuizMode
    started_at: datetime | None
    finished_at: datetime | None
    score: float
    total: int
    lesson: Lesson = field(repr=False, compare=False)
    stored: StoredAttempt = field(repr=False, compare=False)

    @cached_property
    def items(self) -> tuple[ReviewedQuestion, ...]:
        """Question by question, in the attempt's order, with the feedback each answer earned.

        Replayed (graded again) on first use: the attempts list needs only the scores, and grading
        every answer of hundreds of attempts would hold up opening the lesson for nothing.
        """
        _layout, questions, state = replay(self.lesson, self.stored)
        return tuple(ReviewedQuestion(q, state.answered(q.id), state.tries.get(q.id, 0)) for q in questions)


def attempt_history(store: Store, lesson: Lesson, profile: Profile) -> list[AttemptReview]:
    """Every finished attempt, newest first, each as its review."""
    return [AttemptReview(stored.id, QuizMode(stored.mode), stored.started_at, stored.finished_at,
                          final_score(lesson, stored), len(lesson.questions), lesson, stored)
            for stored in store.finished_attempts(profile.id, lesson.id)]
