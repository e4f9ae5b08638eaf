"""Loaded lessons kept between runs, so that start-up costs the same for 7 lessons or 700.

Reading a lesson (YAML, the JSON Schema, Markdown checks, fact checks) takes ~20 ms; a class of
700 lessons took 18 s to start. The cache keeps each folder's result (the Lesson, or the
problems that kept it out) under a stamp of every file in that folder: name, size and
modification time. A folder whose stamp still matches is taken from the cache; any other is
read again. The whole cache is dropped when the code that reads lessons, the schemas or the
reference data change, since any of them can change what a folder loads to.

The file is a pickle, read back by an unpickler that may build only the core's own classes
and plain containers, so a tampered cache file can't make the app call anything else.
"""

from __future__ import annotations

import logging
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from irtutor.core.lesson import Lesson
from irtutor.core.problems import Problem

log = logging.getLogger(__name__)
CACHE_FORMAT = 1
FolderStamp = tuple[tuple[str, int, int], ...]
_SAFE_BUILTINS = {"tuple", "list", "dict", "set", "frozenset", "str", "int", "float", "bool", "complex"}


@dataclass
class CachedFolder:
    stamp: FolderStamp
    lesson: Lesson | None
    problems: list[Problem]


@dataclass
class LessonCache:
    code_stamp: FolderStamp = ()
    folders: dict[str, CachedFolder] = field(default_factory=dict)
    data_problem: Problem | None = None


def folder_stamp(folder: Path) -> FolderStamp:
    """Name, size and modification time of each entry in the folder and its media/ folder; any edit changes it.

    The images in media/ count: a page's check reports an image that cannot be shown."""
    entries = []
    try:
        for prefix, where in (("", folder), ("media/", folder / "media")):
            if prefix and not where.is_dir():
                continue
            with os.scandir(where) as scan:
                entries += [(prefix + e.name, (i := e.stat()).st_size, i.st_mtime_ns) for e in scan]
    except OSError:
        return (("?unreadable", 0, 0),)
    return tuple(sorted(entries))


def code_stamp(*folders: Path) -> FolderStamp:
    """What can change the result of reading a lesson: our reading code, schemas and data."""
    stamp: list[tuple[str, int, int]] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):  # subpackages too (core/kinds holds every kind's key)
            try:
                info = path.stat()
            except OSError:
                continue
            if path.is_file() and "__pycache__" not in path.parts:
                stamp.append((str(path), info.st_size, info.st_mtime_ns))
    return (("format", CACHE_FORMAT, 0), *stamp)


def read_cache(path: Path | None, stamp: FolderStamp) -> LessonCache:
    """The cache at `path` if it was written under the same code stamp; an empty one otherwise."""
    if path is None:
        return LessonCache(stamp)
    try:
        with path.open("rb") as handle:
            cache = _CoreUnpickler(handle).load()
    except FileNotFoundError:
        return LessonCache(stamp)
    except Exception as exc:  # any damage means: read the lessons again
        log.warning("lesson cache %s ignored: %s", path, exc)
        return LessonCache(stamp)
    if not isinstance(cache, LessonCache) or cache.code_stamp != stamp:
        return LessonCache(stamp)
    return cache


def write_cache(path: Path | None, cache: LessonCache) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".tmp")
        with partial.open("wb") as handle:
            pickle.dump(cache, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except (OSError, pickle.PicklingError, RecursionError) as exc:
        # A full or read-only data folder costs the next start the time to read the lessons.
        log.warning("lesson cache %s not written: %s", path, exc)


class _CoreUnpickler(pickle.Unpickler):
    """Builds classes only: the core's, this module's two, and plain containers; never a function."""

    def find_class(self, module: str, name: str) -> Any:
        allowed = (module.startswith("irtutor.core.") or (module == __name__ and name in _OWN)
                   or (module == "builtins" and name in _SAFE_BUILTINS))
        if allowed:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"the lesson cache may not name {module}.{name}")


_OWN = {"LessonCache", "CachedFolder"}
