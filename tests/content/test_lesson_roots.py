"""Shipped lessons, the instructor's own folder and extra folders: a later root's copy of a lesson wins."""

from __future__ import annotations

import shutil
from pathlib import Path

from irtutor.content.catalog import load_lessons
from irtutor.content.summaries import quick_summaries
from irtutor.paths import data_dir, instructor_lessons_dir
from irtutor.services.library import Library
from tests.conftest import LESSONS


def _edited_copy(root: Path, lesson_id: str, title: str) -> Path:
    folder = root / lesson_id
    shutil.copytree(LESSONS / lesson_id, folder)
    meta = folder / "lesson.yaml"
    text = meta.read_text(encoding="utf-8")
    old_title = next(line for line in text.split("\n") if line.startswith("title:"))
    meta.write_text(text.replace(old_title, f"title: {title}"), encoding="utf-8")
    return folder


def test_the_instructors_copy_replaces_the_shipped_lesson_and_is_marked(tmp_path: Path) -> None:
    own = instructor_lessons_dir()
    assert own == data_dir() / "my-lessons"
    copy = _edited_copy(own, "nato-origins", "My NATO origins")
    loaded = load_lessons([LESSONS, own], tmp_path / "cache.pickle", read_only=[LESSONS])
    assert loaded.problems == []
    assert len(loaded.lessons) == len(list(LESSONS.glob("*/lesson.yaml")))
    mine = next(lesson for lesson in loaded.lessons if lesson.id == "nato-origins")
    assert (mine.title, mine.folder) == ("My NATO origins", str(copy))
    assert mine.editable and mine.overrides_shipped
    others = [lesson for lesson in loaded.lessons if lesson.id != "nato-origins"]
    assert not any(lesson.editable or lesson.overrides_shipped for lesson in others)
    again = load_lessons([LESSONS, own], tmp_path / "cache.pickle", read_only=[LESSONS])  # from the cache
    assert (again.read_again, again.lessons) == (0, loaded.lessons)


def test_a_new_lesson_in_an_extra_folder_is_editable_and_overrides_nothing(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    shutil.copytree(LESSONS / "brics-vs-g7", extra / "brics-vs-g7")
    library = Library([extra], read_only=[LESSONS])
    library.load()
    lesson = library.lesson("brics-vs-g7")
    assert lesson is not None and lesson.editable and not lesson.overrides_shipped


def test_a_broken_copy_in_the_instructors_folder_leaves_the_shipped_lesson(tmp_path: Path) -> None:
    # (Two folders of one root cannot both load under one id, since the id must equal the folder name;
    # the catalog still reports such a pair as before.)
    own = tmp_path / "own"
    _edited_copy(own, "nato-origins", "Copy")
    misnamed = tmp_path / "misnamed"
    shutil.copytree(own / "nato-origins", misnamed / "nato-origins-2")
    loaded = load_lessons([LESSONS, misnamed], read_only=[LESSONS])
    assert [p.message for p in loaded.problems if "must equal the folder name" in p.message]
    shipped = next(lesson for lesson in loaded.lessons if lesson.id == "nato-origins")
    assert not shipped.editable and not shipped.overrides_shipped


def test_the_lesson_list_before_loading_shows_the_instructors_copy_once(tmp_path: Path) -> None:
    own = tmp_path / "own"
    _edited_copy(own, "nato-origins", "My NATO origins")
    summaries = quick_summaries([LESSONS, own], tmp_path / "summaries.json")
    titles = [s.title for s in summaries if s.id == "nato-origins"]
    assert titles == ["My NATO origins"]
