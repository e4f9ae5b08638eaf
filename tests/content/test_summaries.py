"""The start-up lesson list: cached titles, never stale after an instructor edits a lesson."""

from __future__ import annotations

import os
from pathlib import Path

from irtutor.content.summaries import quick_summaries
from tests.content.minimal_lesson import LESSON_YAML, write_lesson


def test_titles_follow_edits_even_with_a_cache(tmp_path: Path) -> None:
    folder = write_lesson(tmp_path / "lessons")
    cache = tmp_path / "cache.json"
    assert [s.title for s in quick_summaries([tmp_path / "lessons"], cache)] == ["Mini lesson"]
    assert cache.is_file()

    (folder / "lesson.yaml").write_text(LESSON_YAML.replace("Mini lesson", "Renamed"), encoding="utf-8")
    stat = (folder / "lesson.yaml").stat()
    os.utime(folder / "lesson.yaml", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert [s.title for s in quick_summaries([tmp_path / "lessons"], cache)] == ["Renamed"]


def test_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    write_lesson(tmp_path / "lessons")
    cache = tmp_path / "cache.json"
    cache.write_text("{not json", encoding="utf-8")
    assert [s.id for s in quick_summaries([tmp_path / "lessons"], cache)] == ["mini"]
    assert cache.read_text(encoding="utf-8").startswith('{"version": 1')


def test_lessons_are_listed_in_their_order(tmp_path: Path) -> None:
    write_lesson(tmp_path / "a")
    second = write_lesson(tmp_path / "b")
    (second / "lesson.yaml").write_text(
        LESSON_YAML.replace("id: mini", "id: first").replace("order: 1", "order: 0").replace("Mini lesson", "First"),
        encoding="utf-8")
    titles = [s.title for s in quick_summaries([tmp_path / "a", tmp_path / "b"], tmp_path / "c.json")]
    assert titles == ["First", "Mini lesson"]
