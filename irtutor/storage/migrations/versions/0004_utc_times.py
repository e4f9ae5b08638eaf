"""Times name their zone: every stored time becomes timezone-aware UTC (see storage/utc.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Before this, times were written as naive UTC text ("2026-03-01 09:00:00.000000") and read back
as naive datetimes, which Python takes for local time. On SQLite the same instant is now
written with its offset ("...+00:00"); on a server database the columns become
TIMESTAMP WITH TIME ZONE, the old values read as UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TIME_COLUMNS = {"profile": ("created_at",), "attempt": ("started_at", "finished_at"), "answer": ("answered_at",),
                "review_card": ("due", "last_review"), "review_log": ("reviewed_at",)}
SUFFIX = "+00:00"
# The shape SQLAlchemy wrote: "YYYY-MM-DD HH:MM:SS.ffffff", 26 characters.
WRITTEN_LENGTH = 26


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, columns in TIME_COLUMNS.items():
        for column in columns:
            if sqlite:
                _sqlite_to_utc_text(table, column)
            else:
                op.alter_column(table, column, type_=sa.DateTime(timezone=True),
                                postgresql_using=f"{column} AT TIME ZONE 'UTC'")


def _sqlite_to_utc_text(table: str, column: str) -> None:
    # One statement for the rows in SQLAlchemy's own shape (all of them, in practice: a million
    # answers take a second); anything else written by hand is parsed and rewritten one by one.
    op.execute(f"UPDATE {table} SET {column} = {column} || '{SUFFIX}' "
               f"WHERE length({column}) = {WRITTEN_LENGTH} AND {column} NOT LIKE '%+%'")
    conn = op.get_bind()
    odd = conn.execute(sa.text(f"SELECT rowid, {column} FROM {table} "
                               f"WHERE {column} IS NOT NULL AND {column} NOT LIKE '%{SUFFIX}'")).all()
    for rowid, value in odd:
        moment = datetime.fromisoformat(value)
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
        conn.execute(sa.text(f"UPDATE {table} SET {column} = :v WHERE rowid = :r"),
                     {"v": moment.isoformat(sep=" ", timespec="microseconds"), "r": rowid})


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, columns in TIME_COLUMNS.items():
        for column in columns:
            if sqlite:
                op.execute(f"UPDATE {table} SET {column} = substr({column}, 1, {WRITTEN_LENGTH}) "
                           f"WHERE {column} LIKE '%{SUFFIX}'")
            else:
                op.alter_column(table, column, type_=sa.DateTime(timezone=False),
                                postgresql_using=f"{column} AT TIME ZONE 'UTC'")
