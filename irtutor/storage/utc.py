"""The one way times are stored: timezone-aware UTC in, timezone-aware UTC out.

SQLite has no time type, so SQLAlchemy's DateTime writes text and drops any zone, and Python
reads naive times back as local time (`.timestamp()`, `astimezone()`): a student outside UTC
saw clock times shifted by their offset. Here every column of times takes only aware
datetimes (a naive one is refused rather than guessed at), converts them to UTC, and on
SQLite writes fixed-width ISO 8601 text that names its offset ("2026-03-01 09:00:00.000000+00:00"),
so the file says what it means and text order is time order for `due <= now`. PostgreSQL
gets TIMESTAMP WITH TIME ZONE. Schema revision 0004 rewrote older files to this form.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect
from sqlalchemy.dialects.sqlite import DATETIME as SQLITE_DATETIME
from sqlalchemy.types import TypeDecorator, TypeEngine


class _SqliteText(SQLITE_DATETIME):
    """DATETIME in the schema, but the text is made and read by UtcDateTime, not by SQLAlchemy's
    SQLite processors (they would drop the offset)."""

    def bind_processor(self, dialect: Dialect) -> None:
        return None

    def result_processor(self, dialect: Dialect, coltype: object) -> None:
        return None


def sqlite_text(moment: datetime) -> str:
    """The stored form of an aware time on SQLite."""
    return utc(moment).isoformat(sep=" ", timespec="microseconds")


def utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("times must be timezone-aware; a naive time would be read in the wrong zone")
    return moment.astimezone(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(_SqliteText())
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | str | None:
        if value is None:
            return None
        return sqlite_text(value) if dialect.name == "sqlite" else utc(value)

    def process_result_value(self, value: datetime | str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return utc(datetime.fromisoformat(value) if isinstance(value, str) else value)
