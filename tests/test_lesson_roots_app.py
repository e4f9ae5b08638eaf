"""Where the app reads lessons: the shipped ones, the instructor's own folder, and each `--lessons` folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from irtutor.app import lesson_roots, load_library, main, parse_args
from irtutor.content.summaries import lesson_folders
from irtutor.paths import builtin_lessons_dir, instructor_lessons_dir
from irtutor.ui.main_window import LESSON_ID, MainWindow
from tests.conftest import FIXTURES

SHIPPED_TITLE = "NATO's origins (1949)"
MY_TITLE = "NATO's origins, as I teach it"


def my_copy_of_nato_origins() -> Path:
    """A copy of a shipped lesson in the instructor's folder, with its title changed."""
    copy = instructor_lessons_dir() / "nato-origins"
    shutil.copytree(builtin_lessons_dir() / "nato-origins", copy)
    meta = copy / "lesson.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(f'"{SHIPPED_TITLE}"', f'"{MY_TITLE}"'), encoding="utf-8")
    return copy


def list_rows(window: MainWindow) -> dict[str, tuple[str, str]]:
    items = (window.lesson_list.item(row) for row in range(window.lesson_list.count()))
    return {item.text(): (item.data(LESSON_ID), item.toolTip()) for item in items}


def test_my_copy_of_a_shipped_lesson_is_listed_instead_of_it_and_marked(qtbot: QtBot) -> None:
    from tests.ui.driving import start_app

    copy = my_copy_of_nato_origins()
    window = start_app(qtbot, lesson_roots())
    assert window.library is not None and window.profile_dialog is not None
    window.profile_dialog.close()
    rows = list_rows(window)
    assert len(rows) == len(lesson_folders([builtin_lessons_dir()]))
    assert not any(SHIPPED_TITLE in text for text in rows)
    lesson_id, tooltip = rows[f"✎ {MY_TITLE} (my copy)"]
    assert lesson_id == "nato-origins" and str(copy) in tooltip and "copy of a shipped lesson" in tooltip
    assert sum(text.startswith("✎") for text in rows) == 1  # the shipped lessons are not marked
    assert window.open_lesson("nato-origins").lesson.title == MY_TITLE


def test_the_list_shown_before_the_lessons_load_is_marked_the_same(qtbot: QtBot) -> None:
    from irtutor.content.summaries import quick_summaries

    my_copy_of_nato_origins()
    early = MainWindow(quick_summaries(lesson_roots()))
    qtbot.addWidget(early)
    later = MainWindow(quick_summaries(lesson_roots()))
    qtbot.addWidget(later)
    later.attach_library(load_library(lesson_roots()))
    assert list_rows(early) == list_rows(later)


def test_lessons_flag_adds_its_lessons_to_the_shipped_ones(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    shutil.copytree(FIXTURES / "lessons" / "berlin-kinds", extra / "berlin-kinds")
    roots = lesson_roots(parse_args(["--lessons", str(extra)]).lessons)
    assert roots == [builtin_lessons_dir(), instructor_lessons_dir(), extra]
    library = load_library(roots)
    shipped = {folder.name for folder in lesson_folders([builtin_lessons_dir()])}
    assert {lesson.id for lesson in library.lessons} == shipped | {"berlin-kinds"}
    added = library.lesson("berlin-kinds")
    assert added is not None and added.editable and not added.overrides_shipped
    assert not any(lesson.editable for lesson in library.lessons if lesson.id in shipped)


def test_a_missing_instructor_folder_lists_nothing_and_is_not_created() -> None:
    library = load_library(lesson_roots())
    assert len(library.lessons) == len(lesson_folders([builtin_lessons_dir()]))
    assert not instructor_lessons_dir().exists()


def test_preview_and_author_are_subcommands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert parse_args(["preview", "course"]).folder == "course"
    assert parse_args(["author"]).folder is None
    assert parse_args(["author", "course"]).command == "author"
    assert main(["preview", str(tmp_path / "nothing-here")]) == 1
    assert "no lesson here" in capsys.readouterr().err
