"""Opening the database: any folder name, a newer schema, a read-only file; always SaveFailed, never a traceback."""

from __future__ import annotations

from pathlib import Path

from irtutor.storage.database import open_store


def test_folder_name_with_url_characters_holds_the_database(tmp_path: Path) -> None:
    folder = tmp_path / "a?b#c%d"
    store = open_store(folder / "irtutor.sqlite3")
    store.add_profile("Ana")
    store.engine.dispose()
    assert (folder / "irtutor.sqlite3").is_file()
    assert {p.name for p in tmp_path.iterdir()} == {"a?b#c%d"}
    assert {p.name for p in folder.iterdir()} <= {"irtutor.sqlite3", "irtutor.sqlite3-wal", "irtutor.sqlite3-shm"}
    assert [p.name for p in open_store(folder / "irtutor.sqlite3").profiles()] == ["Ana"]
