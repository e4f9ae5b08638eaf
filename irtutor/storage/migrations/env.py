"""Alembic environment: runs against the engine the app hands in, never a URL from a file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from irtutor.storage import review_tables  # noqa: F401  (registers the review tables on Base.metadata)
from irtutor.storage.tables import Base


def run(connection: Connection) -> None:
    # Batch mode lets migrations alter SQLite tables by copy-and-rename.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with connection.begin(), context.begin_transaction():
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration left rows pointing at nothing: {broken[:5]}")


engine = context.config.attributes["engine"]
with engine.connect() as connection:
    raw = connection.connection.driver_connection if engine.dialect.name == "sqlite" else None
    if raw is not None:
        # Copy-and-rename drops the old table; with foreign keys on, SQLite would cascade that
        # drop to every answer of every attempt. Off for the migration (outside any transaction,
        # where the pragma takes effect), checked before the commit, and back on afterwards.
        raw.execute("PRAGMA foreign_keys=OFF")
    try:
        run(connection)
        if connection.in_transaction():  # Alembic may leave its version-table read open
            connection.commit()
    finally:
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=ON")
