"""A full disk, a read-only or a damaged database: a clear SaveFailed, and nothing committed lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from irtutor.core.attempts import StoredAnswer
from irtutor.core.errors import SaveFailed
from irtutor.core.questions import Response
from irtutor.storage.database import open_store
from irtutor.storage.stores import Store


def answer(n: int) -> StoredAnswer:
    return StoredAnswer(f"q{n}", "h" * 64, Response.of("a", "long-option-id-" + "x" * 200), 1.0, True)


def limit_connections(store: Store, *pragmas: str) -> None:
    """Apply SQLite pragmas to every connection from now on (pooled ones are dropped first)."""

    def apply(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        for pragma in pragmas:
            dbapi_connection.execute(pragma)

    event.listen(store.engine, "connect", apply)
    store.engine.dispose()


def test_full_disk_says_so_and_keeps_every_committed_answer(tmp_path: Path) -> None:
    store = open_store(tmp_path / "answers.sqlite3")
    profile = store.add_profile("Ana")
    attempt = store.open_attempt(profile.id, "nato-origins")
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    limit_connections(store, f"PRAGMA max_page_count={pages + 2}")
    saved = []
    with pytest.raises(SaveFailed) as failure:
        for n in range(10_000):
            store.record_answer(attempt.id, answer(n), 100)
            saved.append(f"q{n}")
    assert str(failure.value) == (
        f"Could not save your answer in {tmp_path / 'answers.sqlite3'}: the disk is full; "
        "free some space and try again."
    )
    reopened = open_store(tmp_path / "answers.sqlite3")
    assert [a.question_id for a in reopened.open_attempt(profile.id, "nato-origins").answers] == saved
    assert saved


def test_read_only_database_says_so(tmp_path: Path) -> None:
    store = open_store(tmp_path / "answers.sqlite3")
    profile = store.add_profile("Ana")
    attempt = store.open_attempt(profile.id, "nato-origins")
    limit_connections(store, "PRAGMA query_only=ON")
    with pytest.raises(SaveFailed, match="the database file is read-only"):
        store.record_answer(attempt.id, answer(1), 100)


def test_damaged_database_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "answers.sqlite3"
    path.write_bytes(b"this is not a database, it is a text file that someone saved over it\n" * 100)
    with pytest.raises(SaveFailed) as failure:
        open_store(path)
    assert str(failure.value) == (
        f"Could not open the database in {path}: the database file is damaged (not a database)."
    )
