"""Stores: one short unit of work per user action, core objects in and out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Engine, Row, Text, bindparam, cast, insert, select, update

from irtutor.core.attempts import Profile, StoredAnswer, StoredAttempt
from irtutor.core.questions import Response
from irtutor.core.review import ReviewUpdate
from irtutor.storage.errors import guarded
from irtutor.storage.review_store import PendingReview, apply_review
from irtutor.storage.running_stats import add_finished_attempt
from irtutor.storage.tables import AnswerRow, AttemptRow, ProfileRow, SettingRow
from irtutor.storage.upsert import replacing

_answer = AnswerRow.__table__
_attempt = AttemptRow.__table__
_profile = ProfileRow.__table__
_setting = SettingRow.__table__
REVIEW_MODE = "review"
# Built once: an answer is the hot path, and a prepared statement skips SQLAlchemy's per-call construction.
_SUPERSEDE = (update(_answer).where(_answer.c.attempt_id == bindparam("attempt"),
                                    _answer.c.question_id == bindparam("question"), _answer.c.is_final)
              .values(is_final=False))
_INSERT_ANSWER = insert(_answer)
_INSERT_ATTEMPT = insert(_attempt)
_OPEN_ATTEMPT_LESSON = select(_attempt.c.lesson_id).where(_attempt.c.id == bindparam("attempt"),
                                                          _attempt.c.finished_at.is_(None))
_FINISH = (update(_attempt).where(_attempt.c.id == bindparam("attempt"))
           .values(finished_at=bindparam("finished"), score=bindparam("total")))
_MOVE = update(_attempt).where(_attempt.c.id == bindparam("attempt")).values(position=bindparam("place"))
_RELAYOUT = update(_attempt).where(_attempt.c.id == bindparam("attempt")).values(layout=bindparam("layout"))
_ATTEMPT_COLUMNS = (_attempt.c.id, _attempt.c.lesson_id, _attempt.c.position, _attempt.c.mode, _attempt.c.layout,
                    _attempt.c.started_at, _attempt.c.finished_at)
# The response as its JSON text: decoding it is most of the cost of reading thousands of answers,
# and a student gives the same few responses again and again, so each text is decoded once.
_ANSWER_COLUMNS = (_answer.c.attempt_id, _answer.c.question_id, _answer.c.question_hash,
                   cast(_answer.c.response, Text).label("response"), _answer.c.score, _answer.c.correct,
                   _answer.c.try_number)
_OWN_QUIZ = (_attempt.c.profile_id == bindparam("profile"), _attempt.c.lesson_id == bindparam("lesson"))
_UNFINISHED = (select(*_ATTEMPT_COLUMNS)
               .where(*_OWN_QUIZ, _attempt.c.finished_at.is_(None), _attempt.c.mode != REVIEW_MODE)
               .order_by(_attempt.c.id.desc()).limit(1))
_ANSWERS_OF_ATTEMPT = (select(*_ANSWER_COLUMNS).where(_answer.c.attempt_id == bindparam("attempt"))
                       .order_by(_answer.c.id))
_FINISHED = (select(*_ATTEMPT_COLUMNS).where(*_OWN_QUIZ, _attempt.c.finished_at.is_not(None))
             .order_by(_attempt.c.id.desc()))
# All their answers in one query, not one per attempt: a keen student has hundreds of attempts.
_ANSWERS_OF_FINISHED = (select(*_ANSWER_COLUMNS).join_from(_answer, _attempt, _attempt.c.id == _answer.c.attempt_id)
                        .where(*_OWN_QUIZ, _attempt.c.finished_at.is_not(None)).order_by(_answer.c.id))


def _now() -> datetime:
    return datetime.now(UTC)  # UtcDateTime columns take aware times only


class Store:
    """Everything the services read and write. `where` names the database in error messages."""

    def __init__(self, engine: Engine, where: str) -> None:
        self.engine = engine
        self.where = where

    @guarded("read the student profiles")
    def profiles(self) -> list[Profile]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(_profile.c.id, _profile.c.name).order_by(_profile.c.name))
            return [Profile(row.id, row.name) for row in rows]

    @guarded("create the profile")
    def add_profile(self, name: str) -> Profile:
        with self.engine.begin() as conn:
            new_id = conn.execute(insert(_profile).values(name=name, created_at=_now())).inserted_primary_key[0]
        return Profile(int(new_id), name)

    @guarded("rename the profile")
    def rename_profile(self, profile_id: int, name: str) -> Profile:
        with self.engine.begin() as conn:
            conn.execute(update(_profile).where(_profile.c.id == profile_id).values(name=name))
        return Profile(profile_id, name)

    @guarded("read a setting")
    def setting(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(_setting.c.value).where(_setting.c.key == key)).scalar()

    @guarded("save a setting")
    def set_setting(self, key: str, value: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(replacing(conn.dialect.name, _setting, ("key",)), {"key": key, "value": value})

    @guarded("open the quiz attempt")
    def open_attempt(self, profile_id: int, lesson_id: str) -> StoredAttempt:
        """The student's unfinished attempt at this quiz, or a new practice attempt."""
        found = self.unfinished_attempt(profile_id, lesson_id)
        return found if found is not None else self.start_attempt(profile_id, lesson_id, "practice", None)

    @guarded("look for your unfinished attempt")
    def unfinished_attempt(self, profile_id: int, lesson_id: str) -> StoredAttempt | None:
        with self.engine.connect() as conn:
            row = conn.execute(_UNFINISHED, {"profile": profile_id, "lesson": lesson_id}).first()
            if row is None:
                return None
            answers = _answers_by_attempt(conn.execute(_ANSWERS_OF_ATTEMPT, {"attempt": row.id}))
            return _stored_attempt(row, answers.get(row.id, ()))

    @guarded("open the review record")
    def review_attempt(self, profile_id: int, lesson_id: str) -> int:
        """The open-ended attempt that holds a student's review-queue answers for one lesson.

        Answers given in the review queue are kept like any other answer; this attempt is never
        finished, so it counts in the student's progress but not in any quiz's statistics.
        """
        with self.engine.begin() as conn:
            found = conn.execute(select(_attempt.c.id).where(
                _attempt.c.profile_id == profile_id, _attempt.c.lesson_id == lesson_id,
                _attempt.c.mode == REVIEW_MODE)).scalar()
            if found is not None:
                return int(found)
            values = dict(profile_id=profile_id, lesson_id=lesson_id, mode=REVIEW_MODE, position=0, layout=None,
                          started_at=_now())
            return int(conn.execute(_INSERT_ATTEMPT, values).inserted_primary_key[0])

    @guarded("start a new attempt")
    def start_attempt(self, profile_id: int, lesson_id: str, mode: str,
                      layout: dict[str, object] | None) -> StoredAttempt:
        started = _now()
        with self.engine.begin() as conn:
            values = dict(profile_id=profile_id, lesson_id=lesson_id, mode=mode, position=0, layout=layout,
                          started_at=started)
            attempt_id = int(conn.execute(_INSERT_ATTEMPT, values).inserted_primary_key[0])
        return StoredAttempt(attempt_id, lesson_id, 0, False, (), mode, layout, started, None)

    @guarded("read your finished attempts")
    def finished_attempts(self, profile_id: int, lesson_id: str) -> list[StoredAttempt]:
        """Every finished attempt at this quiz, newest first, with its answers (two queries in all)."""
        key = {"profile": profile_id, "lesson": lesson_id}
        with self.engine.connect() as conn:
            rows = conn.execute(_FINISHED, key).all()
            answers = _answers_by_attempt(conn.execute(_ANSWERS_OF_FINISHED, key))
        return [_stored_attempt(row, answers.get(row.id, ())) for row in rows]

    @guarded("save your answer")
    def record_answer(self, attempt_id: int, answer: StoredAnswer, duration_ms: int,
                      review: ReviewUpdate | PendingReview | None = None) -> int:
        """Commit one answer, and the review-card update it causes; when this returns both are on disk.

        One transaction of prebuilt statements: a pending review reads its card, is planned and
        written here, with the answer, so an answer costs one commit (one fsync), not two units of work.
        """
        with self.engine.begin() as conn:
            if review is not None:
                apply_review(conn, review)
            conn.execute(_SUPERSEDE, {"attempt": attempt_id, "question": answer.question_id})
            result = conn.execute(_INSERT_ANSWER, {
                "attempt_id": attempt_id, "question_id": answer.question_id, "question_hash": answer.question_hash,
                "response": answer.response.to_json(), "correct": answer.correct, "score": answer.score,
                "duration_ms": duration_ms, "answered_at": _now(), "try_number": answer.try_number, "is_final": True,
            })
            return int(result.inserted_primary_key[0])

    @guarded("remember your place in the quiz")
    def set_position(self, attempt_id: int, position: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(_MOVE, {"attempt": attempt_id, "place": position})

    @guarded("remember what you marked in the quiz")
    def update_attempt_layout(self, attempt_id: int, layout: dict[str, object]) -> None:
        """Replace the attempt's layout JSON (its order, and what the student marked: shown answers, flags)."""
        with self.engine.begin() as conn:
            conn.execute(_RELAYOUT, {"attempt": attempt_id, "layout": layout})

    @guarded("finish the attempt")
    def finish_attempt(self, attempt_id: int, reviews: tuple[ReviewUpdate | PendingReview, ...] = ()) -> None:
        """Close the attempt, add it to the statistics, and apply the review updates its answers cause."""
        with self.engine.begin() as conn:
            lesson_id = conn.execute(_OPEN_ATTEMPT_LESSON, {"attempt": attempt_id}).scalar()
            if lesson_id is None:
                return  # already finished (a second click): count it once
            score = add_finished_attempt(conn, attempt_id, lesson_id)
            for review in reviews:
                apply_review(conn, review)
            conn.execute(_FINISH, {"attempt": attempt_id, "finished": _now(), "total": score})

def _stored_attempt(row: Row, answers: Iterable[StoredAnswer]) -> StoredAttempt:
    return StoredAttempt(row.id, row.lesson_id, row.position, row.finished_at is not None, tuple(answers), row.mode,
                         row.layout, row.started_at, row.finished_at)


def _answers_by_attempt(rows: Iterable[Row]) -> dict[int, list[StoredAnswer]]:
    """Answer rows (in the order given) grouped by their attempt."""
    grouped: dict[int, list[StoredAnswer]] = {}
    # A student who keeps practising gives the same answer to a question attempt after attempt; one
    # shared (immutable) StoredAnswer per distinct answer keeps thousands of copies off the heap,
    # where each full garbage collection would scan them all again.
    distinct: dict[tuple, StoredAnswer] = {}
    responses: dict[str, Response] = {}  # likewise each response text is decoded once
    # Unpacked by position: named access on each of thousands of rows costs as much as the query.
    for attempt_id, *fields in rows:
        key = tuple(fields)
        answer = distinct.get(key)
        if answer is None:
            question_id, question_hash, text, score, correct, try_number = key
            response = responses.get(text)
            if response is None:
                response = responses[text] = Response.from_json(json.loads(text))
            answer = distinct[key] = StoredAnswer(question_id, question_hash, response, score, bool(correct),
                                                  try_number)
        grouped.setdefault(attempt_id, []).append(answer)
    return grouped
