"""Unsaved editor text kept in a recovery folder, so a crash or a kill loses a few seconds of work.

The studio saves each unsaved buffer here every few seconds and discards it on a real save. On
the next start, whatever is still here was never saved, and is offered back. Each original file
has one entry, named by a hash of its resolved path (so any path, however long or strange, maps
to a safe file name), holding the original path, the time and the text in one JSON file written
atomically: an entry is whole or absent, never half written.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from irtutor.content.atomic_write import describe_os_error, write_text_atomically
from irtutor.core.errors import SaveFailed

log = logging.getLogger(__name__)
_FORMAT = 1


@dataclass(frozen=True)
class RecoveredText:
    original: Path
    """The file the text was being edited for."""
    text: str
    saved_at: datetime
    """When it was put in the recovery folder (UTC)."""


class RecoveryFolder:
    """The recovery entries under `root` (created on the first save)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def save(self, original: Path, text: str) -> None:
        """Keep `text` as the latest unsaved text of `original`; raises SaveFailed (e.g. disk full)."""
        entry = {"format": _FORMAT, "original": str(original.resolve()),
                 "saved_at": datetime.now(UTC).isoformat(), "text": text}
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveFailed(f"{self.root} could not be created: {describe_os_error(exc)}") from exc
        write_text_atomically(self._entry(original), json.dumps(entry, ensure_ascii=False))

    def pending(self) -> list[RecoveredText]:
        """Every text still waiting, oldest first; a damaged entry is skipped (and logged)."""
        found = []
        for path in sorted(self.root.glob("*.json")) if self.root.is_dir() else []:
            try:
                entry = json.loads(path.read_text(encoding="utf-8"))
                found.append(RecoveredText(Path(entry["original"]), str(entry["text"]),
                                           datetime.fromisoformat(entry["saved_at"])))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("recovery entry %s ignored: %s", path, exc)
        return sorted(found, key=lambda recovered: recovered.saved_at)

    def discard(self, original: Path) -> None:
        """Forget the unsaved text of `original` (it was saved, or the instructor let it go)."""
        try:
            self._entry(original).unlink(missing_ok=True)
        except OSError as exc:
            raise SaveFailed(f"{self._entry(original)} could not be removed: {describe_os_error(exc)}") from exc

    def _entry(self, original: Path) -> Path:
        digest = hashlib.sha256(str(original.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
        return self.root / f"{digest[:32]}.json"
