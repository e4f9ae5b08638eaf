"""Where IR Tutor finds its shipped files and keeps each user's data."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # A wheel carries the folders inside the package; a source checkout keeps them at the top.
    bundled = _PACKAGE / "_shipped" / name
    return bundled if bundled.is_dir() else _PACKAGE.parent / name


def resource_dir() -> Path:
    """The shipped resources; IRTUTOR_RESOURCE_DIR overrides them (tests of a damaged install)."""
    override = os.environ.get("IRTUTOR_RESOURCE_DIR")
    return Path(override) if override else _shipped("resources")


def builtin_lessons_dir() -> Path:
    return _shipped("lessons")


def data_dir() -> Path:
    """The per-user data folder; IRTUTOR_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("IRTUTOR_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("IR Tutor", "IR Tutor", roaming=True))


def instructor_lessons_dir() -> Path:
    """The instructor's own lessons, and their edited copies of shipped ones (never the installed package)."""
    return data_dir() / "my-lessons"


def recovery_dir() -> Path:
    """Unsaved studio text, autosaved every few seconds and offered back after a crash."""
    return data_dir() / "recovery"


def summaries_cache_path() -> Path:
    return data_dir() / "cache" / "lesson-summaries.json"


def lessons_cache_path() -> Path:
    return data_dir() / "cache" / "lessons.pickle"


def database_path() -> Path:
    return data_dir() / "irtutor.sqlite3"
