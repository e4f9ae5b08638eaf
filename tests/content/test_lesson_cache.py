"""The lesson cache: unchanged folders come from it, any edit is read again, and a tampered
cache file can't make the app run anything."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from irtutor.content.catalog import load_lessons
from tests.conftest import LESSONS, REPO
from tests.content.minimal_lesson import PAGE, write_lesson


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    root = tmp_path / "lessons"
    shutil.copytree(LESSONS, root)
    return root


def test_a_second_start_reads_no_folder_and_sees_the_same_lessons(lessons: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.pickle"
    first = load_lessons([lessons], cache)
    second = load_lessons([lessons], cache)
    assert (first.read_again, second.read_again) == (7, 0)
    assert second.lessons == first.lessons and second.problems == first.problems == []


def test_an_edited_page_is_read_again_and_its_new_text_shown(lessons: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.pickle"
    load_lessons([lessons], cache)
    page = next((lessons / "brics-vs-g7").glob("01-*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added today.\n", encoding="utf-8")
    again = load_lessons([lessons], cache)
    assert again.read_again == 1
    lesson = next(lesson for lesson in again.lessons if lesson.id == "brics-vs-g7")
    assert "A sentence added today." in lesson.pages[0].markdown


def test_a_broken_lesson_keeps_its_problem_when_taken_from_the_cache(tmp_path: Path) -> None:
    write_lesson(tmp_path / "bad", {"01-intro.md": PAGE + "\nSee [^nowhere].\n"})
    cache = tmp_path / "cache.pickle"
    first = load_lessons([tmp_path / "bad"], cache)
    second = load_lessons([tmp_path / "bad"], cache)
    assert second.read_again == 0 and second.problems == first.problems and len(first.problems) == 1


def test_changed_reference_data_reads_every_lesson_again(lessons: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(REPO / "resources", resources)
    monkeypatch.setenv("IRTUTOR_RESOURCE_DIR", str(resources))
    cache = tmp_path / "cache.pickle"
    load_lessons([lessons], cache)
    events = resources / "data" / "events.csv"
    os.utime(events, ns=(events.stat().st_atime_ns, events.stat().st_mtime_ns + 1_000_000_000))
    assert load_lessons([lessons], cache).read_again == 7


class _Exploit:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, (f"touch {_Exploit.marker}",))

    marker = ""


@pytest.mark.parametrize("payload", ["exploit", "garbage", "other-class"])
def test_a_tampered_cache_is_ignored_and_never_run(lessons: Path, tmp_path: Path, payload: str) -> None:
    cache, marker = tmp_path / "cache.pickle", tmp_path / "ran"
    _Exploit.marker = str(marker)
    cache.write_bytes({"exploit": pickle.dumps(_Exploit()), "garbage": b"\x80\x05 not a pickle",
                       "other-class": pickle.dumps(Path("/etc/passwd"))}[payload])
    loaded = load_lessons([lessons], cache)
    assert not marker.exists()
    assert loaded.read_again == 7 and len(loaded.lessons) == 7
    assert load_lessons([lessons], cache).read_again == 0  # rewritten sound
