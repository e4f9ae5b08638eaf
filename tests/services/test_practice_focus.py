"""Practice aimed at what a student got wrong: only the wrong ones, unseen first, the hard list.
Each focused attempt is stored like any other and resumes as it was left."""

from __future__ import annotations

from pathlib import Path

import pytest

from irtutor.content.lesson_loader import load_lesson
from irtutor.core.lesson import Lesson
from irtutor.core.practice_focus import Focus
from irtutor.core.questions import Response
from irtutor.core.quiz_settings import QuizMode
from irtutor.services.quiz_session import NothingToPractise, QuizSession
from irtutor.services.workspace import Workspace
from irtutor.storage.database import open_store
from tests.conftest import LESSONS
from tests.right_answers import right_response


@pytest.fixture
def lesson() -> Lesson:
    found, problems = load_lesson(LESSONS / "nato-origins")
    assert found is not None, problems
    return found


def answer_first(workspace: Workspace, lesson: Lesson, profile, how: dict[str, bool]) -> None:  # type: ignore[no-untyped-def]
    """One finished practice attempt answering the questions in `how`: True right, False wrong."""
    session = workspace.start_quiz(lesson, profile, QuizMode.PRACTICE)
    for question in session.questions:
        if question.id in how:
            response = right_response(question) if how[question.id] else Response(text="?", selected=frozenset({"zz"}))
            session.submit(question.id, response, 1000)
    session.finish()


def workspace_at(tmp_path: Path, lesson: Lesson) -> Workspace:
    from irtutor.services.library import Library

    library = Library([])
    library.lessons = [lesson]
    return Workspace(library, open_store(tmp_path / "db.sqlite3"))


def test_practising_only_the_wrong_ones_asks_exactly_those_and_resumes_so(tmp_path: Path, lesson: Lesson) -> None:
    workspace = workspace_at(tmp_path, lesson)
    profile = workspace.store.add_profile("Ana")
    ids = [q.id for q in lesson.questions]
    answer_first(workspace, lesson, profile, {ids[0]: False, ids[1]: True, ids[2]: False})
    focused = workspace.start_quiz(lesson, profile, QuizMode.PRACTICE, Focus.WRONG)
    assert [q.id for q in focused.questions] == [ids[0], ids[2]]
    resumed = QuizSession.resume(workspace.store, lesson, profile)
    assert resumed is not None and [q.id for q in resumed.questions] == [ids[0], ids[2]]
    # Put right now, they are no longer wrong: a second "wrong only" attempt skips them.
    for question in focused.questions:
        focused.submit(question.id, right_response(question), 1000)
    focused.finish()
    with pytest.raises(NothingToPractise):
        workspace.start_quiz(lesson, profile, QuizMode.PRACTICE, Focus.WRONG)


def test_unseen_questions_come_first_then_the_rest(tmp_path: Path, lesson: Lesson) -> None:
    workspace = workspace_at(tmp_path, lesson)
    profile = workspace.store.add_profile("Ana")
    ids = [q.id for q in lesson.questions]
    answer_first(workspace, lesson, profile, {ids[0]: True, ids[3]: False})
    session = workspace.start_quiz(lesson, profile, QuizMode.PRACTICE, Focus.UNSEEN_FIRST)
    order = [q.id for q in session.questions]
    assert sorted(order) == sorted(ids) and set(order[-2:]) == {ids[0], ids[3]}


def test_the_difficult_list_is_the_lowest_average_first(tmp_path: Path, lesson: Lesson) -> None:
    workspace = workspace_at(tmp_path, lesson)
    profile = workspace.store.add_profile("Ana")
    ids = [q.id for q in lesson.questions]
    answer_first(workspace, lesson, profile, {ids[0]: False, ids[1]: False, ids[2]: True})
    answer_first(workspace, lesson, profile, {ids[0]: False, ids[1]: True, ids[2]: True})
    records = workspace.practice_records(lesson, profile)
    assert (records[ids[0]].answers, records[ids[0]].mean_score) == (2, 0.0)
    assert records[ids[1]].mean_score == 0.5 and records[ids[1]].latest_correct
    session = workspace.start_quiz(lesson, profile, QuizMode.PRACTICE, Focus.DIFFICULT)
    assert [q.id for q in session.questions] == [ids[0], ids[1]]  # 0% before 50%; 100% is not difficult
