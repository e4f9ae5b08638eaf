"""What the window works with once start-up has opened the lessons and the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from irtutor.core.attempts import Profile
from irtutor.core.lesson import Lesson
from irtutor.services.profiles import Profiles

if TYPE_CHECKING:
    from irtutor.services.library import Library
    from irtutor.services.quiz_session import QuizSession
    from irtutor.storage.stores import Store


@dataclass
class Workspace:
    """The services for one run. `store` is None when the database could not be opened;
    `storage_error` then says why, and lessons can still be read."""

    library: Library
    store: Store | None
    storage_error: str = ""

    @property
    def profiles(self) -> Profiles | None:
        return Profiles(self.store) if self.store else None

    def start_quiz(self, lesson: Lesson, profile: Profile) -> QuizSession:
        """Resume the student's unfinished attempt at this lesson's quiz, or start one."""
        from irtutor.services.quiz_session import QuizSession

        if self.store is None:
            raise RuntimeError("no database")
        return QuizSession(self.store, lesson, profile)
