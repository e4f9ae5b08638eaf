"""Working through the review queue: the cards due now, across all lessons, one at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from irtutor.core.attempts import Profile, StoredAnswer
from irtutor.core.grading import Outcome, grade
from irtutor.core.lesson import Lesson
from irtutor.core.practice_focus import Focus, focused
from irtutor.core.questions import Question, Response
from irtutor.core.review import ReviewSource

if TYPE_CHECKING:
    from irtutor.services.review_queue import ReviewQueue
    from irtutor.storage.stores import Store


@dataclass(frozen=True)
class DueCard:
    lesson: Lesson
    question: Question


class ReviewSession:
    """The due cards as they stood when the session began (or, with a focus, the questions the
    student got wrong or finds difficult, in every lesson); each answer is kept and rescheduled."""

    def __init__(self, store: Store, queue: ReviewQueue, lessons: list[Lesson], profile: Profile,
                 now: datetime | None = None, focus: Focus = Focus.ALL) -> None:
        self.store, self.queue, self.profile, self.now = store, queue, profile, now
        self.focus = focus
        by_id = {lesson.id: lesson for lesson in lessons}
        self.cards: list[DueCard] = []
        picks = queue.due(profile.id, now) if focus is Focus.ALL else self._focused(lessons)
        for lesson_id, question_id in picks:
            lesson = by_id.get(lesson_id)
            question = lesson.question(question_id) if lesson else None
            if lesson is not None and question is not None:  # a question since removed is skipped
                self.cards.append(DueCard(lesson, question))
        self.next_due = queue.next_due(profile.id, now) if focus is Focus.ALL and not self.cards else None
        """With nothing due now, when the next card is (None if none is scheduled)."""

    def _focused(self, lessons: list[Lesson]) -> list[tuple[str, str]]:
        from irtutor.storage.practice_history import PracticeHistory

        history = PracticeHistory(self.store.engine, self.store.where)
        picks = []
        for lesson in lessons:
            ids = tuple(q.id for q in lesson.questions)
            records = history.records(self.profile.id, lesson.id)
            picks += [(lesson.id, qid) for qid in focused(self.focus, ids, records)]
        return picks

    def submit(self, card: DueCard, response: Response, duration_ms: int) -> Outcome:
        """Grade, keep the answer and reschedule the card, in one commit."""
        outcome = grade(card.question, response)
        attempt_id = self.store.review_attempt(self.profile.id, card.lesson.id)
        answer = StoredAnswer(card.question.id, card.question.content_hash(), response, outcome.score,
                              outcome.correct)
        review = self.queue.plan(self.profile.id, card.lesson.id, card.question.id, outcome.score, duration_ms,
                                 now=self.now, source=ReviewSource.REVIEW)
        self.store.record_answer(attempt_id, answer, max(0, duration_ms), review)
        return outcome
