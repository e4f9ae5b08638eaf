"""The GUI's storage worker uses connections the GUI thread's start-up opened: SQLite must allow it."""

from __future__ import annotations

import threading
from pathlib import Path

from irtutor.paths import database_path
from irtutor.storage.database import open_store


def test_a_store_opened_on_one_thread_saves_and_reads_on_another(data_dir: Path) -> None:
    store = open_store(database_path())
    store.add_profile("Ana")  # this thread's connection goes back to the pool, for the worker to reuse
    seen: list[str] = []
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            seen.extend(p.name for p in store.profiles())
            store.add_profile("Ben")
        except BaseException as exc:  # pysqlite's "objects created in a thread..." would land here
            failures.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert failures == []
    assert seen == ["Ana"]
    assert sorted(p.name for p in store.profiles()) == ["Ana", "Ben"]
    # SQLAlchemy 2's pysqlite dialect turns the check off for file databases; we rely on it.
    _args, kwargs = store.engine.dialect.create_connect_args(store.engine.url)
    assert kwargs["check_same_thread"] is False
    store.engine.dispose()
