"""Automatic rotating backups, restoring one, and checking the database for damage, on real files."""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from irtutor.core.attempts import StoredAnswer
from irtutor.core.errors import SaveFailed
from irtutor.core.questions import Response
from irtutor.services.backups import Backups
from irtutor.storage.backups import check_database
from irtutor.storage.database import open_store
from irtutor.storage.stores import Store

MORNING = datetime(2024, 6, 3, 9, 0, 0, tzinfo=UTC)


def answered(store: Store, count: int) -> int:
    """A student with an attempt holding `count` answers; returns the profile id."""
    profile = store.add_profile("Ana")
    attempt = store.open_attempt(profile.id, "nato-origins")
    for n in range(count):
        store.record_answer(attempt.id, StoredAnswer(f"q{n}", "h" * 64, Response.of("a", "x" * 300), 1.0, True), 100)
    return profile.id


def saved_questions(store: Store, profile_id: int) -> list[str]:
    return [a.question_id for a in store.open_attempt(profile_id, "nato-origins").answers]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(tmp_path / "irtutor.sqlite3")


def test_a_backup_is_made_on_open_when_none_is_recent_and_not_again_the_same_day(store: Store, tmp_path: Path) -> None:
    answered(store, 3)
    backups = Backups(store, tmp_path / "irtutor.sqlite3")
    first = backups.backup_if_due(MORNING)
    assert first is not None
    assert first.path == tmp_path / "backups" / "irtutor-20240603-090000.sqlite3"
    assert backups.backup_if_due(MORNING + timedelta(hours=23)) is None
    assert backups.backup_if_due(MORNING + timedelta(hours=24)) is not None
    assert [b.taken_at for b in backups.all()] == [MORNING + timedelta(hours=24), MORNING]
    with sqlite3.connect(first.path) as copy:  # a complete database on its own, answers included
        assert copy.execute("SELECT count(*) FROM answer").fetchone() == (3,)
    copy.close()
    assert sorted(p.name for p in first.path.parent.iterdir()) == [b.path.name for b in reversed(backups.all())]


def test_only_the_newest_backups_are_kept(store: Store, tmp_path: Path) -> None:
    backups = Backups(store, tmp_path / "irtutor.sqlite3", keep=4)
    for day in range(7):
        backups.create(MORNING + timedelta(days=day))
    assert [b.taken_at for b in backups.all()] == [MORNING + timedelta(days=day) for day in (6, 5, 4, 3)]
    assert len(list((tmp_path / "backups").iterdir())) == 4


def test_restore_brings_back_a_deleted_answer_and_keeps_what_was_there(store: Store, tmp_path: Path) -> None:
    database = tmp_path / "irtutor.sqlite3"
    profile_id = answered(store, 5)
    backups = Backups(store, database)
    chosen = backups.create(MORNING)
    with store.engine.begin() as conn:  # the mishap: an answer is gone
        conn.exec_driver_sql("DELETE FROM answer WHERE question_id = 'q2'")
    assert "q2" not in saved_questions(store, profile_id)

    safety = backups.restore(chosen, MORNING + timedelta(hours=2))

    assert saved_questions(store, profile_id) == ["q0", "q1", "q2", "q3", "q4"]
    with sqlite3.connect(safety.path) as before:  # the state just before the restore is a backup too
        assert before.execute("SELECT count(*) FROM answer").fetchone() == (4,)
    before.close()
    assert check_database(database).ok
    store.record_answer(store.open_attempt(profile_id, "nato-origins").id,
                        StoredAnswer("q5", "h" * 64, Response.of("a", "b"), 1.0, True), 100)
    assert saved_questions(open_store(database), profile_id)[-1] == "q5"


def test_restoring_from_a_full_set_keeps_the_chosen_backup(store: Store, tmp_path: Path) -> None:
    backups = Backups(store, tmp_path / "irtutor.sqlite3", keep=3)
    for hour in range(3):
        backups.create(MORNING + timedelta(hours=hour))
    oldest = backups.all()[-1]
    backups.restore(oldest, MORNING + timedelta(hours=5))
    assert [b.taken_at.hour for b in backups.all()] == [14, 11, 10]  # the safety copy pushed out hour 9, afterwards


def corrupted_copy(database: Path, target: Path) -> Path:
    """A copy of the database (or the file itself) with garbage written over one page of the answer table."""
    if target != database:
        shutil.copyfile(database, target)
    with sqlite3.connect(target) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'answer'").fetchone()[0]
    conn.close()
    with target.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))
    return target


def test_check_says_ok_for_a_good_database_and_finds_a_damaged_page(store: Store, tmp_path: Path) -> None:
    database = tmp_path / "irtutor.sqlite3"
    answered(store, 40)
    store.engine.dispose()  # checkpoint: every page in the main file, so the copy below is the database
    assert check_database(database).ok
    damaged = check_database(corrupted_copy(database, tmp_path / "copy.sqlite3"))
    assert not damaged.ok
    assert damaged.problems[0].startswith(("Damaged: ", "The file cannot be read: the database file is damaged"))


def test_a_damaged_backup_is_not_restored(store: Store, tmp_path: Path) -> None:
    database = tmp_path / "irtutor.sqlite3"
    profile_id = answered(store, 40)
    backups = Backups(store, database)
    chosen = backups.create(MORNING)
    corrupted_copy(chosen.path, chosen.path)
    refused = re.escape("irtutor-20240603-090000.sqlite3 is damaged, so it was not restored")
    with pytest.raises(SaveFailed, match=refused):
        backups.restore(chosen, MORNING + timedelta(hours=1))
    assert len(saved_questions(store, profile_id)) == 40


def test_a_backup_that_cannot_be_written_is_a_save_failed_and_the_database_carries_on(
        store: Store, tmp_path: Path) -> None:
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    backups = Backups(store, tmp_path / "irtutor.sqlite3")
    refused = re.escape(f"Could not back up the database in {tmp_path / 'backups'}: ")
    with pytest.raises(SaveFailed, match="^" + refused):
        backups.backup_if_due(MORNING)
    store.set_setting("theme", "dark")
    assert store.setting("theme") == "dark"
