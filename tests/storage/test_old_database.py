"""A database an older release made (every question kind answered) still shows the same after the upgrade."""

from __future__ import annotations

import json
from pathlib import Path

from irtutor.storage.database import open_store
from irtutor.storage.engine import open_engine, sqlite_url
from irtutor.storage.migrate import current_revision, head_revision
from tests.storage.old_database import EXPECTED, fixture_lessons, restore_old_database, summary


def test_an_older_database_shows_the_same_attempts_answers_and_review_cards(tmp_path: Path) -> None:
    copy = tmp_path / "irtutor.sqlite3"
    restore_old_database(copy)
    assert current_revision(open_engine(sqlite_url(copy))) == "0003"  # the fixture really is old

    store = open_store(copy)

    assert current_revision(store.engine) == head_revision()
    assert summary(store, fixture_lessons()) == json.loads(EXPECTED.read_text())


def test_the_fixture_answers_every_question_kind() -> None:
    # Otherwise a kind's stored answers could stop working after an upgrade unnoticed.
    from irtutor.core.questions import QuestionKind

    lessons = fixture_lessons()
    kinds = {q.kind for lesson in lessons for q in lesson.questions}
    assert kinds == set(QuestionKind)
    expected = json.loads(EXPECTED.read_text())["lessons"]
    answered = {item["question"] for lesson in expected.values() for attempt in lesson["Ana"]["finished"]
                for item in attempt["items"] if item.get("answered", True)}
    assert answered == {q.id for lesson in lessons for q in lesson.questions}
