"""Opening the database: SQLite in the data folder by default, any SQLAlchemy URL if given."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def open_engine(url: str) -> Engine:
    """An engine with SQLite set for durability: WAL, foreign keys, and fsync on every commit."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # Answers come at human pace, so paying an fsync per commit buys "never lost" cheaply.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
    # Python's sqlite3 runs CREATE/ALTER outside any transaction; taking BEGIN into our own
    # hands (SQLAlchemy's documented recipe) makes a migration cut short by a crash roll back whole.
    dbapi_connection.isolation_level = None
