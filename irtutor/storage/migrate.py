"""Alembic, shipped inside the package, brings any older database up to the current schema."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade_to_head(engine: Engine) -> None:
    command.upgrade(alembic_config(engine), "head")


def upgrade_to(engine: Engine, revision: str) -> None:
    """For tests that build a database of an older schema version."""
    command.upgrade(alembic_config(engine), revision)


def unknown_revision(engine: Engine) -> str | None:
    """The database's schema revision if this version of the app has no migration by that name
    (a newer IR Tutor wrote it); None for a known revision or an empty file. Only reads."""
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    known = {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}
    return current if current is not None and current not in known else None
