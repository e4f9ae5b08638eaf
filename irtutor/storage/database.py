"""Opening the app's database, ready for use: engine, schema at head, a Store."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, delete, false
from sqlalchemy.engine import URL

from irtutor.core.errors import SaveFailed
from irtutor.storage.engine import open_engine, sqlite_url
from irtutor.storage.errors import explain
from irtutor.storage.migrate import unknown_revision, upgrade_to_head
from irtutor.storage.stores import Store
from irtutor.storage.tables import SettingRow


def open_store(path: Path | None = None, url: str | None = None) -> Store:
    """A Store on `url`, or on the SQLite file at `path`, migrated to the current schema.

    Anything that goes wrong, whatever raised it, becomes a SaveFailed that says what and where:
    the start-up code shows it and carries on without saving instead of stopping on a traceback.
    """
    where = url or str(path)
    engine: Engine | None = None
    try:
        engine = open_engine(url if url is not None else _file_url(path))
        _refuse_newer_schema(engine, where)
        upgrade_to_head(engine)
        _check_writable(engine)
    except Exception as exc:
        if engine is not None:
            engine.dispose()  # let go of the file: the user may move or replace it next
        if isinstance(exc, SaveFailed):
            raise
        raise SaveFailed(f"Could not open the database in {where}: {explain(exc)}.") from exc
    return Store(engine, where)


def _file_url(path: Path | None) -> URL:
    if path is None:
        raise ValueError("open_store needs a path or a url")
    path.parent.mkdir(parents=True, exist_ok=True)
    return sqlite_url(path)


def _refuse_newer_schema(engine: Engine, where: str) -> None:
    # Alembic would stop on a revision it cannot find; say what that means before touching the file.
    revision = unknown_revision(engine)
    if revision is not None:
        raise SaveFailed(f"The database in {where} was written by a newer version of IR Tutor (schema {revision}); "
                         "open it with that version, or choose another data folder. Nothing in it was changed.")


def _check_writable(engine: Engine) -> None:
    # A read-only file opens and reads fine, then refuses the first answer; a write that changes no
    # row, rolled back, finds that out now. (BEGIN IMMEDIATE alone succeeds on a read-only file.)
    with engine.connect() as conn, conn.begin() as transaction:
        conn.execute(delete(SettingRow.__table__).where(false()))
        transaction.rollback()
