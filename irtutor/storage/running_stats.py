"""Keeping the quiz statistics' running sums up to date as attempts finish.

Facility and discrimination need, per question, sums over every finished attempt (see
core.progress.rest_of_test_sums). Recomputing them means sorting every answer ever given (a
second on a million answers), so each finishing attempt adds its share instead, in the same
transaction that marks it finished; `recomputed_sums` is the slow, obvious version that tests
compare against.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, func, insert, select

from irtutor.storage.tables import AnswerRow, AttemptRow, ItemStatRow, QuizStatRow
from irtutor.storage.upsert import adding

_answer = AnswerRow.__table__
_attempt = AttemptRow.__table__
_quiz = QuizStatRow.__table__
_item = ItemStatRow.__table__
_FINALS = select(_answer.c.question_id, _answer.c.score).where(_answer.c.attempt_id == bindparam("attempt"),
                                                               _answer.c.is_final)


def add_finished_attempt(conn: Connection, attempt_id: int, lesson_id: str) -> float:
    """Add one just-finished attempt to the running sums; returns its score."""
    finals = conn.execute(_FINALS, {"attempt": attempt_id}).all()
    total = sum(row.score for row in finals)
    # Each sum is added in the statement that writes it (INSERT ... ON CONFLICT add), so two
    # attempts finishing at once cannot both create a quiz's first row, nor lose each other's share.
    conn.execute(adding(conn.dialect.name, _quiz),
                 {"lesson_id": lesson_id, "attempts": 1, "totals_sum": total, "totals_sq_sum": total * total})
    if finals:
        conn.execute(adding(conn.dialect.name, _item), [
            {"lesson_id": lesson_id, "question_id": row.question_id, "answered": 1, "sx": row.score,
             "sxt": row.score * total, "sxx": row.score * row.score} for row in finals])
    return total


def recomputed_sums(conn: Connection) -> tuple[list[tuple], list[tuple]]:
    """The running sums computed from scratch, rows sorted, for checks and repairs."""
    finished = _attempt.c.finished_at.is_not(None)
    quizzes = conn.execute(select(_attempt.c.lesson_id, func.count(), func.sum(_attempt.c.score),
                                  func.sum(_attempt.c.score * _attempt.c.score))
                           .where(finished).group_by(_attempt.c.lesson_id).order_by(_attempt.c.lesson_id)).all()
    x, total = _answer.c.score, _attempt.c.score
    items = conn.execute(select(_attempt.c.lesson_id, _answer.c.question_id, func.count(), func.sum(x),
                                func.sum(x * total), func.sum(x * x))
                         .select_from(_answer.join(_attempt, _attempt.c.id == _answer.c.attempt_id))
                         .where(_answer.c.is_final, finished)
                         .group_by(_attempt.c.lesson_id, _answer.c.question_id)
                         .order_by(_attempt.c.lesson_id, _answer.c.question_id)).all()
    return [tuple(r) for r in quizzes], [tuple(r) for r in items]


def rebuild_running_sums(conn: Connection) -> None:
    """Replace the running sums by a full recomputation (after a bulk import, or to repair)."""
    quizzes, items = recomputed_sums(conn)
    conn.execute(_quiz.delete())
    conn.execute(_item.delete())
    if quizzes:
        conn.execute(insert(_quiz), [dict(zip(("lesson_id", "attempts", "totals_sum", "totals_sq_sum"), q, strict=True))
                                     for q in quizzes])
    if items:
        conn.execute(insert(_item), [dict(zip(("lesson_id", "question_id", "answered", "sx", "sxt", "sxx"), i,
                                              strict=True)) for i in items])
