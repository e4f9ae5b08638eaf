"""Rotating copies of the database file, taken with SQLite's online backup API, and a health check.

A backup is a complete SQLite file named for the moment it was taken, in UTC so that the names
sort in time order across daylight-saving changes: backups/irtutor-20240603-120501.sqlite3.
The backup API copies a consistent snapshot while the app keeps the database open, which a plain
file copy of a WAL database does not.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from irtutor.core.errors import SaveFailed
from irtutor.storage.errors import explain

NAME_FORMAT = "irtutor-%Y%m%d-%H%M%S.sqlite3"
KEEP = 10
EVERY = timedelta(hours=24)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # timezone-aware UTC, read from the file name
    size: int  # bytes


@dataclass(frozen=True)
class HealthReport:
    """What SQLite's integrity and foreign-key checks found; no problems means the file is sound."""

    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def list_backups(folder: Path) -> list[Backup]:
    """The backups in `folder`, newest first; other files there are left alone."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("irtutor-*.sqlite3"):
        try:
            taken = datetime.strptime(path.name, NAME_FORMAT).replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Backup(path, taken, path.stat().st_size))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def backup_due(folder: Path, now: datetime, every: timedelta = EVERY) -> bool:
    backups = list_backups(folder)
    return not backups or now - backups[0].taken_at >= every


def create_backup(database: Path, folder: Path, now: datetime, keep: int = KEEP) -> Backup:
    """Copy the database into `folder`, then delete all but the newest `keep` backups."""
    backup = _copy_out(database, folder, now)
    prune(folder, keep)
    return backup


def prune(folder: Path, keep: int) -> None:
    for old in list_backups(folder)[keep:]:
        old.path.unlink(missing_ok=True)


def restore_backup(database: Path, backup: Backup, folder: Path, now: datetime, keep: int = KEEP) -> Backup:
    """Put `backup` in place of the database and return the backup taken of it just before.

    The caller closes its own connections first. The chosen backup is checked before anything is
    overwritten, and the restored file after; a failure names the backup that holds the old data.
    """
    health = check_database(backup.path)
    if not health.ok:
        raise SaveFailed(f"The backup {backup.path.name} is damaged, so it was not restored: {health.problems[0]}")
    safety = _copy_out(database, folder, now)
    with (_failing_as("restore the backup", database), closing(_connect(backup.path, read_only=True)) as source,
          closing(_connect(database)) as target):
        source.backup(target)
    health = check_database(database)
    if not health.ok:
        raise SaveFailed(f"The restored database in {database} fails its check ({health.problems[0]}); "
                         f"your data from before the restore is in {safety.path}.")
    prune(folder, keep)  # only now: the safety copy must not push out the backup being restored
    return safety


def check_database(database: Path) -> HealthReport:
    """PRAGMA integrity_check and foreign_key_check, each problem in a sentence."""
    try:
        with closing(_connect(database, read_only=True)) as conn:
            pages = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
            orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.Error as exc:
        return HealthReport((f"The file cannot be read: {explain(exc)}.",))
    return HealthReport(tuple(f"Damaged: {line}" for line in pages)
                        + tuple(f"A row in {table} (row {rowid}) refers to a {parent} that does not exist."
                                for table, rowid, parent, _key in orphans))


def _copy_out(database: Path, folder: Path, now: datetime) -> Backup:
    with _failing_as("back up the database", folder):
        folder.mkdir(parents=True, exist_ok=True)
        final = _free_name(folder, now)
        partial = final.with_name(final.name + ".part")  # never listed: a cut-short copy is not a backup
        try:
            with closing(_connect(database, read_only=True)) as source, closing(_connect(partial)) as target:
                source.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            _fsync(partial)
            os.replace(partial, final)
        finally:
            partial.unlink(missing_ok=True)
        return Backup(final, datetime.strptime(final.name, NAME_FORMAT).replace(tzinfo=UTC), final.stat().st_size)


def _free_name(folder: Path, now: datetime) -> Path:
    # Two backups in one second (a restore right after the automatic one) must not overwrite each other.
    moment = now.astimezone(UTC).replace(microsecond=0)
    while (folder / moment.strftime(NAME_FORMAT)).exists():
        moment += timedelta(seconds=1)
    return folder / moment.strftime(NAME_FORMAT)


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only:  # mode=ro also refuses to create an empty file where the database should be
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    return sqlite3.connect(path, timeout=5.0)


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


@contextmanager
def _failing_as(action: str, where: Path) -> Iterator[None]:
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        raise SaveFailed(f"Could not {action} in {where}: {explain(exc)}.") from exc
