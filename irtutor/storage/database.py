"""Opening the app's database, ready for use: engine, schema at head, a Store."""

from __future__ import annotations

from pathlib import Path

from irtutor.storage.engine import open_engine, sqlite_url
from irtutor.storage.errors import saving
from irtutor.storage.migrate import upgrade_to_head
from irtutor.storage.stores import Store


def open_store(path: Path | None = None, url: str | None = None) -> Store:
    """A Store on `url`, or on the SQLite file at `path`, migrated to the current schema."""
    where = url or str(path)
    with saving("open the database", where):
        if url is None:
            assert path is not None
            path.parent.mkdir(parents=True, exist_ok=True)
            url = sqlite_url(path)
        engine = open_engine(url)
        upgrade_to_head(engine)
    return Store(engine, where)
