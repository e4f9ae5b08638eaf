"""Finished attempts at a quiz, for the attempts list and the question-by-question review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from irtutor.core.attempts import Profile, RecordedAnswer
from irtutor.core.lesson import Lesson
from irtutor.core.questions import Question
from irtutor.core.quiz_settings import QuizMode
from irtutor.services.quiz_session import QuizSession

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
    items: tuple[ReviewedQuestion, ...]


def attempt_history(store: Store, lesson: Lesson, profile: Profile) -> list[AttemptReview]:
    """Every finished attempt, newest first, each as its review."""
    reviews = []
    for stored in store.finished_attempts(profile.id, lesson.id):
        session = QuizSession(store, lesson, profile, stored)
        items = tuple(ReviewedQuestion(q, session.state.answered(q.id), session.state.tries.get(q.id, 0))
                      for q in session.questions)
        reviews.append(AttemptReview(stored.id, session.mode, stored.started_at, stored.finished_at,
                                     session.state.total_score(), len(items), items))
    return reviews
