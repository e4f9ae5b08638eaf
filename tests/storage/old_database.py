"""What a student sees of a database: attempts, scores, answers and review cards, as plain JSON.

The fixture builder (tests/fixtures/make_old_database.py) records this for the database it
makes; the upgrade test computes it again, with today's code, on a migrated copy. Equal
summaries mean nothing the student had was lost or changed by the upgrade.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from irtutor.content.lesson_loader import load_lesson
from irtutor.core.attempts import Profile
from irtutor.core.lesson import Lesson
from irtutor.services.attempt_history import attempt_history
from irtutor.services.quiz_session import QuizSession
from irtutor.storage.review_store import ReviewStore
from irtutor.storage.stores import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OLD_DUMP = FIXTURES / "old-database" / "irtutor.sql"
"""The older release's database as SQL text (sqlite3's iterdump): reviewable in a diff, and no binary in git."""
EXPECTED = FIXTURES / "old-database" / "expected.json"
LESSON_IDS = ("berlin-kinds", "visual-kinds")  # between them, every question kind
# Late enough that every card is due: the queue then lists all of them.
FAR_FUTURE = datetime(2100, 1, 1, tzinfo=UTC)


def restore_old_database(target: Path) -> Path:
    """The older release's database, made at `target` from its SQL dump."""
    db = sqlite3.connect(target)
    try:
        db.executescript(OLD_DUMP.read_text(encoding="utf-8"))
    finally:
        db.close()
    return target


def fixture_lessons() -> list[Lesson]:
    lessons = []
    for lesson_id in LESSON_IDS:
        lesson, problems = load_lesson(FIXTURES / "lessons" / lesson_id)
        assert lesson is not None, problems
        lessons.append(lesson)
    return lessons


def iso(moment: datetime | None) -> str | None:
    # Before the time-zone migration the store handed back naive UTC; either way this is UTC.
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).isoformat()


def summary(store: Store, lessons: list[Lesson]) -> dict[str, Any]:
    profiles = store.profiles()
    return {"profiles": [p.name for p in profiles],
            "lessons": {lesson.id: _lesson_summary(store, lesson, profiles) for lesson in lessons},
            "review": {p.name: _review_summary(ReviewStore(store.engine, store.where), p) for p in profiles}}


def _lesson_summary(store: Store, lesson: Lesson, profiles: list[Profile]) -> dict[str, Any]:
    return {p.name: {"finished": [_attempt(review) for review in attempt_history(store, lesson, p)],
                     "unfinished": _unfinished(store, lesson, p)} for p in profiles}


def _attempt(review: Any) -> dict[str, Any]:
    return {"mode": review.mode.value, "started": iso(review.started_at), "finished": iso(review.finished_at),
            "score": round(review.score, 6), "total": review.total,
            "items": [_item(item.question.id, item.answer, item.tries) for item in review.items]}


def _item(question_id: str, answer: Any, tries: int) -> dict[str, Any]:
    if answer is None:
        return {"question": question_id, "answered": False}
    return {"question": question_id, "response": answer.response.to_json(), "score": round(answer.outcome.score, 6),
            "correct": answer.outcome.correct, "tries": tries}


def _unfinished(store: Store, lesson: Lesson, profile: Profile) -> dict[str, Any] | None:
    session = QuizSession.resume(store, lesson, profile)
    if session is None:
        return None
    state = session.state
    return {"mode": session.mode.value, "position": state.position, "order": [q.id for q in session.questions],
            "answers": {qid: _item(qid, a, state.tries.get(qid, 0)) for qid, a in sorted(state.answers.items())}}


def _review_summary(reviews: ReviewStore, profile: Profile) -> list[dict[str, Any]]:
    cards = []
    for card in reviews.due_cards(profile.id, FAR_FUTURE):
        s = card.schedule
        log = reviews.history(profile.id, card.lesson_id, card.question_id)
        cards.append({"card": f"{card.lesson_id}/{card.question_id}", "state": s.state.value, "step": s.step,
                      "stability": s.stability, "difficulty": s.difficulty, "due": iso(s.due),
                      "last_review": iso(s.last_review),
                      "log": [[int(e.rating), iso(e.reviewed_at), e.duration_ms, e.source.value] for e in log]})
    return cards
