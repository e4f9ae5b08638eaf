"""One student working through one lesson's quiz: grade, commit, and resume later."""

from __future__ import annotations

from typing import TYPE_CHECKING

from irtutor.core.attempts import AttemptState, Profile, RecordedAnswer, StoredAnswer
from irtutor.core.grading import Outcome, grade
from irtutor.core.lesson import Lesson
from irtutor.core.questions import Question, Response

if TYPE_CHECKING:
    from irtutor.storage.stores import Store

CHANGED_NOTE = "This question was edited after you answered it; your score stands as it was graded then."


class QuizSession:
    def __init__(self, store: Store, lesson: Lesson, profile: Profile) -> None:
        self.store = store
        self.lesson = lesson
        self.profile = profile
        self.state = self._resume()

    def _resume(self) -> AttemptState:
        stored = self.store.open_attempt(self.profile.id, self.lesson.id)
        state = AttemptState(stored.id, self.lesson.id, stored.position)
        for answer in stored.answers:
            question = self.lesson.question(answer.question_id)
            if question is not None:
                state.answers[question.id] = RecordedAnswer(question.id, answer.response,
                                                            self._replayed(question, answer))
        state.position = min(state.position, max(len(self.lesson.questions) - 1, 0))
        return state

    @staticmethod
    def _replayed(question: Question, answer: StoredAnswer) -> Outcome:
        """The feedback for a stored answer, with the score it earned when it was given."""
        outcome = grade(question, answer.response)
        if answer.question_hash == question.content_hash():
            return outcome
        return Outcome(question.id, answer.score, answer.correct, (CHANGED_NOTE,), question.explanation,
                       question.page, question.source)

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.lesson.questions

    def submit(self, question_id: str, response: Response, duration_ms: int) -> Outcome:
        """Grade the response and commit it; the Outcome is returned only once it is on disk."""
        question = self.lesson.question(question_id)
        if question is None:
            raise KeyError(f"no question {question_id!r} in lesson {self.lesson.id!r}")
        outcome = grade(question, response)
        stored = StoredAnswer(question.id, question.content_hash(), response, outcome.score, outcome.correct)
        self.store.record_answer(self.state.attempt_id, stored, max(0, duration_ms))
        self.state.answers[question.id] = RecordedAnswer(question.id, response, outcome)
        return outcome

    def move_to(self, position: int) -> int:
        position = max(0, min(position, len(self.questions) - 1))
        if position != self.state.position:
            self.store.set_position(self.state.attempt_id, position)
            self.state.position = position
        return position

    def finish(self) -> float:
        """Close the attempt; the next start of this quiz begins a new one. Returns the total score."""
        self.store.finish_attempt(self.state.attempt_id)
        self.state.finished = True
        return self.state.total_score()
