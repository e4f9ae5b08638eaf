"""One student's history with each question of a lesson, for focused practice."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from irtutor.core.practice_focus import QuestionRecord
from irtutor.storage.errors import guarded
from irtutor.storage.tables import AnswerRow, AttemptRow

_answer = AnswerRow.__table__
_attempt = AttemptRow.__table__


class PracticeHistory:
    def __init__(self, engine: Engine, where: str) -> None:
        self.engine = engine
        self.where = where

    @guarded("read which questions you got wrong")
    def records(self, profile_id: int, lesson_id: str) -> dict[str, QuestionRecord]:
        """Per question answered: how many answers counted, their mean score, and whether the latest was right."""
        joined = _answer.join(_attempt, _attempt.c.id == _answer.c.attempt_id)
        mine = (_attempt.c.profile_id == profile_id) & (_attempt.c.lesson_id == lesson_id) & _answer.c.is_final
        totals = (select(_answer.c.question_id, func.count().label("n"), func.avg(_answer.c.score).label("mean"),
                         func.max(_answer.c.id).label("latest"))
                  .select_from(joined).where(mine).group_by(_answer.c.question_id).subquery())
        query = (select(totals.c.question_id, totals.c.n, totals.c.mean, _answer.c.correct)
                 .join(_answer, _answer.c.id == totals.c.latest))
        with self.engine.connect() as conn:
            return {r.question_id: QuestionRecord(r.question_id, int(r.n), float(r.mean or 0.0), bool(r.correct))
                    for r in conn.execute(query)}
