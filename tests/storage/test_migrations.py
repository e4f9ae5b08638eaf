"""The shipped Alembic history builds exactly the schema the code uses, and can step back."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from irtutor.storage.engine import open_engine, sqlite_url
from irtutor.storage.migrate import MIGRATIONS, alembic_config, upgrade_to, upgrade_to_head
from irtutor.storage.tables import Base


def test_head_matches_the_tables_the_code_uses(tmp_path: Path) -> None:
    engine = open_engine(sqlite_url(tmp_path / "db.sqlite3"))
    upgrade_to_head(engine)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_every_revision_upgrades_from_an_empty_file(tmp_path: Path) -> None:
    script = ScriptDirectory(str(MIGRATIONS))
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert revisions, "no migrations shipped"
    for number, revision in enumerate(revisions):
        engine = open_engine(sqlite_url(tmp_path / f"v{number}.sqlite3"))
        upgrade_to(engine, revision)
        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == revision
        upgrade_to_head(engine)
        assert {"profile", "attempt", "answer", "setting"} <= set(inspect(engine).get_table_names())


def test_migrations_ship_inside_the_package() -> None:
    assert MIGRATIONS.is_relative_to(Path(__import__("irtutor").__file__).parent)
    config = alembic_config(open_engine("sqlite://"))
    assert ScriptDirectory.from_config(config).get_current_head() is not None


def test_schema_changes_roll_back_whole_when_cut_short(tmp_path: Path) -> None:
    """A crash in the middle of a migration must not leave half a schema behind."""
    engine = open_engine(sqlite_url(tmp_path / "db.sqlite3"))
    upgrade_to_head(engine)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
            conn.exec_driver_sql("ALTER TABLE profile ADD COLUMN colour TEXT")
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    inspector = inspect(engine)
    assert "half_done" not in inspector.get_table_names()
    assert "colour" not in {c["name"] for c in inspector.get_columns("profile")}


def test_foreign_keys_are_back_on_after_migrating(tmp_path: Path) -> None:
    from irtutor.storage.database import open_store

    store = open_store(tmp_path / "db.sqlite3")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_the_revisions_read_from_file_names_are_alembics_own() -> None:
    from alembic.script import ScriptDirectory

    from irtutor.storage.migrate import head_revision, known_revisions

    script = ScriptDirectory(str(MIGRATIONS))
    assert known_revisions() == [s.revision for s in reversed(list(script.walk_revisions()))]
    assert head_revision() == script.get_current_head()


def test_a_current_database_opens_without_loading_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import REPO

    database = tmp_path / "current.sqlite3"
    probe = ("import sys; from pathlib import Path; from irtutor.storage.database import open_store; "
             f"open_store(Path({str(database)!r})); print('alembic' in sys.modules)")
    run = [sys.executable, "-c", probe]
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    first = subprocess.run(run, capture_output=True, text=True, env=env, check=True).stdout.strip()
    second = subprocess.run(run, capture_output=True, text=True, env=env, check=True).stdout.strip()
    assert (first, second) == ("True", "False")  # a new file is migrated; a current one is not touched
