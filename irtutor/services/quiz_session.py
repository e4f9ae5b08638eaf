"""One student taking one lesson's quiz: grade, commit, retry or submit, and resume later."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from irtutor.core.attempts import AttemptState, Profile, RecordedAnswer, StoredAnswer, StoredAttempt
from irtutor.core.grading import Outcome, grade
from irtutor.core.lesson import Lesson
from irtutor.core.practice_focus import Focus, QuestionRecord, focused
from irtutor.core.questions import Question, Response
from irtutor.core.quiz_settings import AttemptLayout, QuizMode, new_layout, penalised_score
from irtutor.core.tries import while_trying

if TYPE_CHECKING:
    from irtutor.services.review_queue import ReviewQueue
    from irtutor.storage.review_store import PendingReview
    from irtutor.storage.stores import Store

class NothingToPractise(LookupError):
    """A focused attempt found no question to ask (nothing wrong, nothing difficult yet)."""

    def __init__(self, focus: Focus) -> None:
        super().__init__(str(focus))
        self.focus = focus


REVEALED = "revealed"
FLAGGED = "flagged"
"""Keys of the attempt's layout JSON beside AttemptLayout's own: what the student marked."""


def _ids(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


CHANGED_NOTE = "This question was edited after you answered it; your score stands as it was graded then."


class QuizSession:
    """An attempt in progress. Start one with `start`, or pick up the unfinished one with `resume`."""

    def __init__(self, store: Store, lesson: Lesson, profile: Profile, stored: StoredAttempt,
                 review_queue: ReviewQueue | None = None) -> None:
        self.store = store
        self.review_queue = review_queue
        self.lesson = lesson
        self.profile = profile
        self.mode = QuizMode(stored.mode)
        self.layout, self.questions, self.state = replay(lesson, stored)
        marks = stored.layout if isinstance(stored.layout, dict) else {}
        self.revealed: set[str] = set(_ids(marks.get(REVEALED)))
        """Practice questions whose right answer the student asked to see: their tries are over."""
        self.flagged: set[str] = set(_ids(marks.get(FLAGGED)))
        """Questions the student flagged to come back to. Both sets are kept in the attempt's layout
        JSON (`marked_layout`, saved by `save_marks`), so a restart keeps them."""

    @classmethod
    def start(cls, store: Store, lesson: Lesson, profile: Profile, mode: QuizMode,
              seed: int | None = None, review_queue: ReviewQueue | None = None,
              focus: Focus = Focus.ALL, records: Mapping[str, QuestionRecord] | None = None) -> QuizSession:
        """A new attempt, laid out (shuffled or not) as the quiz's settings say; with a `focus`, only
        (or first) the questions the student's `records` pick out."""
        ids = tuple(q.id for q in lesson.questions)
        chosen = focused(focus, ids, records or {})
        if focus.is_subset and not chosen:
            raise NothingToPractise(focus)
        unseen = sum(1 for q in chosen if q not in (records or {})) if focus is Focus.UNSEEN_FIRST else 0
        layout = new_layout(chosen, lesson.quiz_settings, secrets.randbits(31) if seed is None else seed,
                            str(focus), keep_first=unseen)
        minutes = lesson.quiz_settings.time_limit_minutes
        if mode is QuizMode.TEST and minutes:
            layout = replace(layout, deadline=(datetime.now(UTC) + timedelta(minutes=minutes)).isoformat())
        stored = store.start_attempt(profile.id, lesson.id, str(mode), layout.to_json())
        return cls(store, lesson, profile, stored, review_queue)

    @classmethod
    def resume(cls, store: Store, lesson: Lesson, profile: Profile,
               review_queue: ReviewQueue | None = None) -> QuizSession | None:
        stored = store.unfinished_attempt(profile.id, lesson.id)
        return None if stored is None else cls(store, lesson, profile, stored, review_queue)

    @property
    def shows_feedback(self) -> bool:
        return self.mode is QuizMode.PRACTICE

    def submit(self, question_id: str, response: Response, duration_ms: int) -> Outcome:
        """Grade the response and commit it; the Outcome is returned only once it is on disk.

        In practice mode a retry scores less by the quiz's penalty for each earlier wrong try;
        in test mode a changed answer simply replaces the earlier one.
        """
        question = self._question(question_id)
        outcome = grade(question, response)
        try_number = self.state.tries.get(question.id, 0) + 1
        if self.mode is QuizMode.PRACTICE and try_number > 1:
            score = penalised_score(outcome.score, try_number - 1, self.lesson.quiz_settings.retry_penalty)
            outcome = _with_score(outcome, score)
        stored = StoredAnswer(question.id, question.content_hash(), response, outcome.score, outcome.correct,
                              try_number)
        # Practice answers schedule their review card at once, in the same commit; a test's
        # answers may still change, so they schedule theirs when the test is submitted.
        review = self._review(question.id, outcome.score, duration_ms) if self.shows_feedback else None
        self.store.record_answer(self.state.attempt_id, stored, max(0, duration_ms), review)
        self.state.tries[question.id] = try_number
        self.state.answers[question.id] = RecordedAnswer(question.id, response, outcome)
        return outcome

    def can_retry(self, question_id: str) -> bool:
        """Practice mode lets a student try a wrongly answered question again (for fewer marks),
        while tries remain and they have not asked to see the answer."""
        recorded = self.state.answered(question_id)
        return (self.mode is QuizMode.PRACTICE and recorded is not None and not recorded.outcome.correct
                and question_id not in self.revealed and self.tries_left(question_id) > 0)

    def tries_left(self, question_id: str) -> int:
        return max(0, self.lesson.quiz_settings.tries - self.state.tries.get(question_id, 0))

    def reveals(self, question_id: str) -> bool:
        """Whether the answer's feedback may show what is right: once it is right, or its tries are over."""
        recorded = self.state.answered(question_id)
        return recorded is not None and not self.can_retry(question_id)

    def reveal(self, question_id: str) -> None:
        """The student chose "Show answer": the question's tries end with the score it has."""
        self.revealed.add(question_id)

    def shown_outcome(self, question_id: str) -> Outcome | None:
        """The latest answer's outcome as the student may see it now (core.tries while tries remain)."""
        recorded = self.state.answered(question_id)
        if recorded is None or self.reveals(question_id):
            return None if recorded is None else recorded.outcome
        return while_trying(self._question(question_id), recorded.outcome)

    def toggle_flag(self, question_id: str) -> bool:
        """Flag (or unflag) a question to come back to; returns whether it is flagged now."""
        self.flagged ^= {question_id}
        return question_id in self.flagged

    def marked_layout(self) -> dict[str, object]:
        """The layout JSON with the shown answers and flags as they are now (a snapshot to save)."""
        return {**self.layout.to_json(), REVEALED: sorted(self.revealed), FLAGGED: sorted(self.flagged)}

    def save_marks(self, layout: dict[str, object]) -> None:
        """Store a `marked_layout` snapshot with the attempt (on the storage worker, after `reveal`
        or `toggle_flag` changed the sets in the GUI thread)."""
        self.store.update_attempt_layout(self.state.attempt_id, layout)

    def seconds_left(self, now: datetime | None = None) -> float | None:
        """A timed test's remaining seconds (0 once past), or None without a time limit."""
        if not self.layout.deadline or self.shows_feedback:
            return None
        end = datetime.fromisoformat(self.layout.deadline)
        return max(0.0, (end - (now or datetime.now(UTC))).total_seconds())

    def unanswered(self) -> list[int]:
        """The numbers (from 1, in the attempt's order) of questions with no answer yet."""
        return [n for n, q in enumerate(self.questions, start=1) if self.state.answered(q.id) is None]

    def next_try_penalty(self, question_id: str) -> float:
        """The share of the marks the next try would lose."""
        return self.lesson.quiz_settings.retry_penalty * self.state.tries.get(question_id, 0)

    def move_to(self, position: int) -> int:
        position = max(0, min(position, len(self.questions) - 1))
        if position != self.state.position:
            self.store.set_position(self.state.attempt_id, position)
            self.state.position = position
        return position

    def finish(self) -> float:
        """Close (submit) the attempt; the next start of this quiz begins a new one. Returns the score."""
        reviews = () if self.shows_feedback else tuple(
            r for r in (self._review(a.question_id, a.outcome.score, 0) for a in self.state.answers.values()) if r)
        self.store.finish_attempt(self.state.attempt_id, reviews)
        self.state.finished = True
        return self.state.total_score()

    def _review(self, question_id: str, score: float, duration_ms: int) -> PendingReview | None:
        # Pending, not planned here: the store reads the card in the same transaction that writes it.
        if self.review_queue is None:
            return None
        return self.review_queue.pending(self.profile.id, self.lesson.id, question_id, score, duration_ms)

    def _question(self, question_id: str) -> Question:
        question = self.lesson.question(question_id)
        if question is None:
            raise KeyError(f"no question {question_id!r} in lesson {self.lesson.id!r}")
        return question


def replay(lesson: Lesson, stored: StoredAttempt) -> tuple[AttemptLayout, tuple[Question, ...], AttemptState]:
    """A stored attempt as the student left it: its layout, its questions in that order, and its state."""
    layout = AttemptLayout.from_json(stored.layout, tuple(q.id for q in lesson.questions))
    questions = _in_layout_order(lesson, layout.question_order, complete=not Focus(layout.focus).is_subset)
    state = AttemptState(stored.id, lesson.id, min(stored.position, max(len(questions) - 1, 0)))
    by_id = {q.id: q for q in lesson.questions}
    for answer in stored.answers:
        question = by_id.get(answer.question_id)
        if question is not None:
            state.tries[question.id] = max(answer.try_number, state.tries.get(question.id, 0))
            state.answers[question.id] = RecordedAnswer(question.id, answer.response, _replayed(question, answer))
    return layout, questions, state


def final_score(lesson: Lesson, stored: StoredAttempt) -> float:
    """What `replay(...)`'s state totals, without grading anything: each question's latest answer
    scores what it scored when given (answers to questions since removed from the lesson do not count)."""
    in_lesson = {q.id for q in lesson.questions}
    latest = {a.question_id: a.score for a in stored.answers if a.question_id in in_lesson}
    return sum(latest.values())


def _in_layout_order(lesson: Lesson, order: tuple[str, ...], *, complete: bool = True) -> tuple[Question, ...]:
    """The attempt's order; for a whole quiz, questions added to the lesson since it began come last."""
    listed = [q for q in (lesson.question(qid) for qid in order) if q is not None]
    seen = {q.id for q in listed}
    return tuple(listed + ([q for q in lesson.questions if q.id not in seen] if complete else []))


def _replayed(question: Question, answer: StoredAnswer) -> Outcome:
    """The feedback for a stored answer, with the score it earned when it was given."""
    outcome = _with_score(grade(question, answer.response), answer.score)
    if answer.question_hash == question.content_hash():
        return outcome
    return replace(outcome, correct=answer.correct, feedback=(CHANGED_NOTE,))


def _with_score(outcome: Outcome, score: float) -> Outcome:
    return replace(outcome, score=score)
