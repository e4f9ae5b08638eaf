"""INSERT ... ON CONFLICT DO UPDATE, written in the engine's own dialect.

One statement instead of select-then-insert: two writers can no longer both see "no row" and
both insert (the second would fail on the unique key). SQLite and PostgreSQL spell it the same
way in SQLAlchemy, but each dialect has its own `insert`; statements are built once per dialect.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Insert, Table

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite


def _insert(dialect: str, table: Table) -> sqlite.Insert | postgresql.Insert:
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table)
    if dialect == "postgresql":
        # Imported only there: nothing else needs the PostgreSQL dialect, and start-up time counts.
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table)
    raise NotImplementedError(f"no upsert written for the {dialect} dialect")


@cache
def replacing(dialect: str, table: Table, key: tuple[str, ...]) -> Insert:
    """Insert a row, or overwrite the other columns of the row with the same `key` (columns of a
    primary or unique key). The surrogate `id`, if any, stays as it was."""
    stmt = _insert(dialect, table)
    kept = {*key, "id"}
    return stmt.on_conflict_do_update(index_elements=list(key),
                                      set_={c.name: stmt.excluded[c.name] for c in table.c if c.name not in kept})


@cache
def adding(dialect: str, table: Table) -> Insert:
    """Insert a row of amounts, or add them to the row with the same primary key (running sums)."""
    stmt = _insert(dialect, table)
    key = [c.name for c in table.primary_key]
    return stmt.on_conflict_do_update(index_elements=key, set_={
        c.name: table.c[c.name] + stmt.excluded[c.name] for c in table.c if c.name not in key})
