"""How a stored time is shown: on the student's own clock."""

from __future__ import annotations

from datetime import datetime

SHOWN_FORMAT = "%d %b %Y, %H:%M"


def local_clock(moment: datetime | None) -> str:
    """The time in the computer's zone ("" for none). Stored times are aware UTC (storage.utc);
    a naive one is refused, since Python would take it for local time without saying so."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        raise ValueError("a time to show must be timezone-aware")
    return moment.astimezone().strftime(SHOWN_FORMAT)
