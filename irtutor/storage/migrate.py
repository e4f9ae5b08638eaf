"""Alembic, shipped inside the package, brings any older database up to the current schema.

Alembic costs ~120 ms to import, which every start would pay for a database that is already
current. The revisions are therefore also read from the migration files' names (0001_..., a
test keeps them equal to Alembic's own list), so a current database opens without Alembic.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def known_revisions() -> list[str]:
    """The revision ids this version of the app ships, oldest first (file names start with them)."""
    return sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision; None for an empty file. Only reads."""
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        except OperationalError:
            return None  # no table yet: a new database
    if len(rows) > 1:
        raise ValueError(f"the database names {len(rows)} schema versions ({', '.join(rows)}); it is damaged")
    return rows[0] if rows else None


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Migrate to the newest schema; a database already there costs one query, not Alembic."""
    if current_revision(engine) == head_revision():
        return
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


def upgrade_to(engine: Engine, revision: str) -> None:
    """For tests that build a database of an older schema version."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def unknown_revision(engine: Engine) -> str | None:
    """The database's schema revision if this version of the app has no migration by that name
    (a newer IR Tutor wrote it); None for a known revision or an empty file. Only reads."""
    current = current_revision(engine)
    return current if current is not None and current not in known_revisions() else None
