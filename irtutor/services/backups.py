"""Backups of the student database: automatic once a day, restore on request, and a health check."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from irtutor.storage.backups import (
    EVERY,
    KEEP,
    Backup,
    HealthReport,
    backup_due,
    check_database,
    create_backup,
    list_backups,
    restore_backup,
)
from irtutor.storage.migrate import upgrade_to_head
from irtutor.storage.stores import Store


class Backups:
    """The backups of the SQLite file behind `store`, kept in a `backups` folder beside it."""

    def __init__(self, store: Store, database: Path, keep: int = KEEP) -> None:
        self.store = store
        self.database = database
        self.folder = database.parent / "backups"
        self.keep = keep

    def backup_if_due(self, now: datetime | None = None) -> Backup | None:
        """A new backup if the newest is a day old or there is none; raises SaveFailed if it cannot be written."""
        now = now or datetime.now(UTC)
        return self.create(now) if backup_due(self.folder, now, EVERY) else None

    def create(self, now: datetime | None = None) -> Backup:
        return create_backup(self.database, self.folder, now or datetime.now(UTC), self.keep)

    def all(self) -> list[Backup]:
        """Newest first."""
        return list_backups(self.folder)

    def restore(self, backup: Backup, now: datetime | None = None) -> Backup:
        """Replace the database with `backup`; returns the backup of what it held just before."""
        # Pooled connections would keep transactions and page caches of the file being replaced.
        self.store.engine.dispose()
        safety = restore_backup(self.database, backup, self.folder, now or datetime.now(UTC), self.keep)
        self.store.engine.dispose()
        upgrade_to_head(self.store.engine)  # a backup from before the last update has the older schema
        return safety

    def check(self) -> HealthReport:
        return check_database(self.database)
