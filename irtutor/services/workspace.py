"""What the window works with once start-up has opened the lessons and the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from irtutor.core.attempts import Profile
from irtutor.core.lesson import Lesson
from irtutor.core.practice_focus import Focus, QuestionRecord
from irtutor.core.quiz_settings import QuizMode
from irtutor.services.attempt_history import AttemptReview, attempt_history
from irtutor.services.profiles import Profiles
from irtutor.services.progress import ProgressReport
from irtutor.services.quiz_session import QuizSession
from irtutor.services.review_queue import ReviewQueue
from irtutor.services.review_session import ReviewSession
from irtutor.storage.practice_history import PracticeHistory
from irtutor.storage.review_store import ReviewStore
from irtutor.storage.stats import Statistics

if TYPE_CHECKING:
    from irtutor.services.backups import Backups
    from irtutor.services.library import Library
    from irtutor.storage.stores import Store


@dataclass
class Workspace:
    """The services for one run. `store` is None when the database could not be opened;
    `storage_error` then says why, and lessons can still be read."""

    library: Library
    store: Store | None
    storage_error: str = ""
    database_file: Path | None = None
    backup_error: str = ""
    """Why today's automatic backup could not be written, if it could not."""
    """The SQLite file behind `store`, for backups; None for a server database or none at all."""

    @property
    def backups(self) -> Backups | None:
        from irtutor.services.backups import Backups

        if self.store is None or self.database_file is None:
            return None
        return Backups(self.store, self.database_file)

    @property
    def profiles(self) -> Profiles | None:
        return Profiles(self.store) if self.store else None

    def resume_quiz(self, lesson: Lesson, profile: Profile) -> QuizSession | None:
        """The student's unfinished attempt at this lesson's quiz, if there is one."""
        return QuizSession.resume(self._store(), lesson, profile, self._review_queue())

    def start_quiz(self, lesson: Lesson, profile: Profile, mode: QuizMode, focus: Focus = Focus.ALL) -> QuizSession:
        """A new attempt; with a focus, aimed at what this student got wrong, never saw, or finds hard.
        Raises NothingToPractise when the focus leaves no question."""
        records = self.practice_records(lesson, profile) if focus is not Focus.ALL else None
        return QuizSession.start(self._store(), lesson, profile, mode, review_queue=self._review_queue(),
                                 focus=focus, records=records)

    def practice_records(self, lesson: Lesson, profile: Profile) -> dict[str, QuestionRecord]:
        """This student's history with each question of the lesson (for the focus choices and the hard list)."""
        store = self._store()
        return PracticeHistory(store.engine, store.where).records(profile.id, lesson.id)

    def attempt_history(self, lesson: Lesson, profile: Profile) -> list[AttemptReview]:
        return attempt_history(self._store(), lesson, profile)

    def progress(self) -> ProgressReport:
        store, queue = self._store(), self._review_queue()
        return ProgressReport(Statistics(store.engine, store.where), self.library.lessons,
                              lambda profile_id: set(queue.due(profile_id)))

    def review_session(self, profile: Profile, now: datetime | None = None,
                       focus: Focus = Focus.ALL) -> ReviewSession:
        """The cards due now (or at `now`) for this student, across all loaded lessons; with a focus,
        the questions they got wrong or find difficult instead."""
        return ReviewSession(self._store(), self._review_queue(), self.library.lessons, profile, now, focus)

    def due_count(self, profile: Profile) -> int:
        return self._review_queue().due_count(profile.id)

    def _review_queue(self) -> ReviewQueue:
        store = self._store()
        return ReviewQueue(ReviewStore(store.engine, store.where))

    def _store(self) -> Store:
        if self.store is None:
            raise RuntimeError("no database")
        return self.store
