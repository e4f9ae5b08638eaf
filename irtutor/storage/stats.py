"""Queries for the progress dashboard and the instructor's item statistics.

SQLAlchemy Core, so the same statements run on SQLite and PostgreSQL. The item statistics
read the running sums kept by storage.running_stats rather than every answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, select

from irtutor.storage.errors import guarded
from irtutor.storage.tables import AnswerRow, AttemptRow, ItemStatRow, QuizStatRow

_answer = AnswerRow.__table__
_attempt = AttemptRow.__table__
_quiz = QuizStatRow.__table__
_item = ItemStatRow.__table__


@dataclass(frozen=True)
class FinalAnswer:
    """A student's latest answer to a question, over all their attempts."""

    lesson_id: str
    question_id: str
    score: float
    correct: bool


@dataclass(frozen=True)
class FinishedAttempt:
    lesson_id: str
    finished_at: datetime
    score: float


@dataclass(frozen=True)
class ItemAggregates:
    lesson_id: str
    question_id: str
    answered: int
    sx: float
    sxt: float
    sxx: float


@dataclass(frozen=True)
class QuizAggregates:
    lesson_id: str
    attempts: int
    totals_sum: float
    totals_sq_sum: float


class Statistics:
    def __init__(self, engine: Engine, where: str) -> None:
        self.engine = engine
        self.where = where

    @guarded("read your progress")
    def latest_answers(self, profile_id: int) -> list[FinalAnswer]:
        """Per (lesson, question), the student's most recent answer in any attempt."""
        joined = _answer.join(_attempt, _attempt.c.id == _answer.c.attempt_id)
        latest = (select(func.max(_answer.c.id).label("id")).select_from(joined)
                  .where(_attempt.c.profile_id == profile_id)
                  .group_by(_attempt.c.lesson_id, _answer.c.question_id).subquery())
        query = (select(_attempt.c.lesson_id, _answer.c.question_id, _answer.c.score, _answer.c.correct)
                 .select_from(joined).join(latest, latest.c.id == _answer.c.id))
        with self.engine.connect() as conn:
            return [FinalAnswer(r.lesson_id, r.question_id, r.score, bool(r.correct)) for r in conn.execute(query)]

    @guarded("read your finished attempts")
    def finished_attempts(self, profile_id: int) -> list[FinishedAttempt]:
        """Every finished attempt of the student, oldest first, with its score."""
        query = (select(_attempt.c.lesson_id, _attempt.c.finished_at, _attempt.c.score)
                 .where(_attempt.c.profile_id == profile_id, _attempt.c.finished_at.is_not(None))
                 .order_by(_attempt.c.finished_at))
        with self.engine.connect() as conn:
            return [FinishedAttempt(r[0], r[1], float(r[2] or 0.0)) for r in conn.execute(query)]

    @guarded("read the question statistics")
    def item_aggregates(self) -> tuple[list[QuizAggregates], list[ItemAggregates]]:
        """Sums over all finished attempts of every profile, for facility and discrimination."""
        with self.engine.connect() as conn:
            quizzes = [QuizAggregates(r.lesson_id, r.attempts, r.totals_sum, r.totals_sq_sum)
                       for r in conn.execute(select(_quiz))]
            items = [ItemAggregates(r.lesson_id, r.question_id, r.answered, r.sx, r.sxt, r.sxx)
                     for r in conn.execute(select(_item))]
        return quizzes, items
