"""Opening the database: any folder name, a newer schema, a read-only file; always SaveFailed, never a traceback."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from irtutor.core.errors import SaveFailed
from irtutor.storage.database import open_store
from irtutor.storage.migrate import head_revision


def test_folder_name_with_url_characters_holds_the_database(tmp_path: Path) -> None:
    folder = tmp_path / "a?b#c%d"
    store = open_store(folder / "irtutor.sqlite3")
    store.add_profile("Ana")
    store.engine.dispose()
    assert (folder / "irtutor.sqlite3").is_file()
    assert {p.name for p in tmp_path.iterdir()} == {"a?b#c%d"}
    assert {p.name for p in folder.iterdir()} <= {"irtutor.sqlite3", "irtutor.sqlite3-wal", "irtutor.sqlite3-shm"}
    assert [p.name for p in open_store(folder / "irtutor.sqlite3").profiles()] == ["Ana"]


def made_database(path: Path) -> Path:
    """A database the app created and closed, with one student in it."""
    store = open_store(path)
    store.add_profile("Ana")
    store.engine.dispose()
    return path


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = made_database(tmp_path / "irtutor.sqlite3")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SaveFailed) as failure:
        open_store(path)
    assert str(failure.value) == (
        f"The database in {path} was written by a newer version of IR Tutor (schema 0099_from_the_future); "
        "open it with that version, or choose another data folder. Nothing in it was changed."
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["irtutor.sqlite3"]


def test_read_only_database_is_refused_when_opened_not_at_the_first_answer(tmp_path: Path) -> None:
    path = made_database(tmp_path / "irtutor.sqlite3")
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    with pytest.raises(SaveFailed) as failure:
        open_store(url=url)
    assert str(failure.value) == (
        f"Could not open the database in {url}: the database file is read-only; check its permissions."
    )


def test_a_writable_database_opens_and_the_check_leaves_no_trace(tmp_path: Path) -> None:
    path = made_database(tmp_path / "irtutor.sqlite3")
    store = open_store(path)
    assert [p.name for p in store.profiles()] == ["Ana"]
    store.set_setting("theme", "dark")
    assert store.setting("theme") == "dark"


def test_any_other_failure_while_opening_is_a_save_failed_naming_the_file(tmp_path: Path) -> None:
    path = made_database(tmp_path / "irtutor.sqlite3")
    with sqlite3.connect(path) as conn:  # two schema versions at once: a damaged file
        conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    conn.close()
    damaged = rf"the database names 2 schema versions \({head_revision()}, 0001\); it is damaged\.$"
    with pytest.raises(SaveFailed, match=f"^Could not open the database in {re.escape(str(path))}: {damaged}"):
        open_store(path)
