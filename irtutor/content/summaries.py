"""The lesson list's titles, cheap enough to read before the first paint.

Titles come from a small JSON cache in the data folder, checked against each lesson.yaml's
size and modification time; only a changed or new file is parsed as YAML. Start-up therefore
costs the same whether there are two lessons or two hundred, and loads no YAML parser at all
when nothing changed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from irtutor.core.summary import LessonSummary

LESSON_FILE = "lesson.yaml"
CACHE_VERSION = 1


def lesson_folders(roots: list[Path]) -> list[Path]:
    """Each root that is a lesson folder itself, and each visible folder directly under the others."""
    folders: list[Path] = []
    for root in roots:
        if (root / LESSON_FILE).is_file():
            folders.append(root)
        elif root.is_dir():
            folders.extend(p for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith((".", "_")))
    return folders


def quick_summaries(roots: list[Path], cache_file: Path | None = None) -> list[LessonSummary]:
    """Titles for the lesson list; a file that fails here is reported by the full load instead."""
    cache = _read_cache(cache_file)
    fresh: dict[str, Any] = {}
    summaries: dict[str, LessonSummary] = {}
    listed: dict[str, int] = {}
    for root_index, folder in ((n, f) for n, root in enumerate(roots) for f in lesson_folders([root])):
        path = folder / LESSON_FILE
        try:
            stat = path.stat()
        except OSError:
            continue
        key, stamp = str(path.resolve()), [stat.st_mtime_ns, stat.st_size]
        entry = _usable(cache.get(key), stamp)
        if entry is None:
            fields = _parse(path)
            if fields is None:
                continue
            entry = {"stamp": stamp, "fields": fields}
        fresh[key] = entry
        summary = LessonSummary(**entry["fields"], folder=str(folder))
        # As in the catalog: a later root's lesson of the same id (the instructor's copy) replaces
        # the earlier one; within one root the first stays (the full load reports the second).
        if listed.get(summary.id, root_index) < root_index or summary.id not in summaries:
            summaries.pop(summary.id, None)
            summaries[summary.id], listed[summary.id] = summary, root_index
    if cache_file is not None and fresh != cache:
        _write_cache(cache_file, fresh)
    return sorted(summaries.values(), key=lambda s: (s.order, s.title))


_FIELD_TYPES = {"id": str, "title": str, "summary": str, "order": int}


def _usable(entry: object, stamp: list[int]) -> dict[str, Any] | None:
    """The cached entry if it is current and well formed; a damaged one is re-read from the lesson."""
    if not isinstance(entry, dict) or entry.get("stamp") != stamp:
        return None
    fields = entry.get("fields")
    if not isinstance(fields, dict) or fields.keys() != _FIELD_TYPES.keys():
        return None
    if not all(type(fields[name]) is kind for name, kind in _FIELD_TYPES.items()):
        return None
    return entry


def _parse(path: Path) -> dict[str, Any] | None:
    from irtutor.content.located_yaml import load_located_yaml
    from irtutor.content.text_files import read_lesson_text
    from irtutor.core.problems import LessonError

    try:
        data = load_located_yaml(read_lesson_text(path), str(path)).data
        return {"id": str(data["id"]), "title": str(data["title"]), "summary": str(data.get("summary", "")),
                "order": int(data.get("order", 0))}
    except (OSError, LessonError, TypeError, KeyError, ValueError):
        return None


def _read_cache(cache_file: Path | None) -> dict[str, Any]:
    if cache_file is None:
        return {}
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        lessons = data["lessons"] if data.get("version") == CACHE_VERSION else {}
        return lessons if isinstance(lessons, dict) else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return {}  # a missing or damaged cache is rebuilt from the lesson files


def _write_cache(cache_file: Path, lessons: dict[str, Any]) -> None:
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        partial = cache_file.with_suffix(".tmp")
        partial.write_text(json.dumps({"version": CACHE_VERSION, "lessons": lessons}), encoding="utf-8")
        os.replace(partial, cache_file)
    except OSError:
        pass  # a read-only or full data folder only costs the next start a few milliseconds
