"""Turning database exceptions into SaveFailed messages that say what happened and where."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from irtutor.core.errors import SaveFailed

_EXPLANATIONS: list[tuple[str, str]] = [
    ("disk is full", "the disk is full; free some space and try again"),
    ("no space left", "the disk is full; free some space and try again"),
    ("readonly", "the database file is read-only; check its permissions"),
    ("read-only", "the database file is read-only; check its permissions"),
    ("locked", "another program is holding the database; close it and try again"),
    ("not a database", "the database file is damaged (not a database)"),
    ("malformed", "the database file is damaged (malformed)"),
    ("unable to open", "the database file cannot be opened; check the folder exists and is writable"),
]


def explain(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    for needle, words in _EXPLANATIONS:
        if needle in text.lower():
            return words
    return text.splitlines()[0] if text else type(exc).__name__


@contextmanager
def saving(action: str, where: str) -> Iterator[None]:
    """Raise SaveFailed naming the action and the database if anything below fails."""
    try:
        yield
    except (SQLAlchemyError, OSError) as exc:
        raise SaveFailed(f"Could not {action} in {where}: {explain(exc)}.") from exc


def guarded(action: str) -> Callable:
    """Method decorator form of `saving`, for stores that know their `where`."""

    def wrap(method: Callable) -> Callable:
        def run(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            with saving(action, self.where):
                return method(self, *args, **kwargs)

        run.__name__ = method.__name__
        run.__doc__ = method.__doc__
        return run

    return wrap
