"""Lesson folders written by an attacker or an unlucky instructor: each gives one positioned
problem, never a traceback, a hang or a read outside the lesson, and the other lessons load."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from irtutor.content.catalog import load_lessons
from irtutor.content.summaries import quick_summaries
from tests.conftest import LESSONS, REPO
from tests.content.minimal_lesson import LESSON_YAML, PAGE, QUIZ_YAML, write_lesson

NUMERIC_QUIZ = QUIZ_YAML + """\
  - id: n
    kind: numeric
    prompt: How many?
    answer: {answer}
    tolerance: {tolerance}
    explanation: Because.
    page: 01-intro
"""
BOMB = LESSON_YAML + "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))

HOSTILE = [
    pytest.param({"lesson.yaml": LESSON_YAML + "facts_as_of: 2026-13-45\n"},
                 "lesson.yaml:14:14: '2026-13-45' cannot be read: month must be in 1..12; correct it, or put it "
                 "in quotes if it is text", id="impossible-date"),
    pytest.param({"lesson.yaml": LESSON_YAML.replace("order: 1", "order: " + "9" * 5000)},
                 "lesson.yaml:5:8: '9999999999999999999999999999999999999999...' cannot be read: the number has "
                 "too many digits; correct it, or put it in quotes if it is text", id="5000-digit-integer"),
    pytest.param({"lesson.yaml": BOMB},
                 "lesson.yaml:15:10: YAML aliases (*name) are not allowed in lesson files; write the value out "
                 "in full", id="billion-laughs"),
    pytest.param({"quiz.yaml": NUMERIC_QUIZ.format(answer=".nan", tolerance=1)},
                 "quiz.yaml:15:13: '.nan' is not a number a lesson can use; write a finite number", id="nan-answer"),
    pytest.param({"quiz.yaml": NUMERIC_QUIZ.format(answer=3, tolerance="-.inf")},
                 "quiz.yaml:16:16: '-.inf' is not a number a lesson can use; write a finite number",
                 id="infinite-tolerance"),
    pytest.param({"01-intro.md": PAGE + "\n```{chart} defence-spending year=²⁰²⁴\n```\n"},
                 "01-intro.md:5:4: year: '²⁰²⁴' is not a year such as 2004", id="superscript-year"),
]


@pytest.mark.parametrize(("files", "expected"), HOSTILE)
def test_hostile_values_are_positioned_problems(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    folder = write_lesson(tmp_path / "hostile", files)
    loaded = load_lessons([tmp_path / "hostile", LESSONS])
    assert [str(p).removeprefix(f"{folder}{os.sep}") for p in loaded.problems] == [expected]
    # The shipped lessons still load beside the broken one, which students get too unless its lesson.yaml is wrong.
    spared = not expected.startswith("lesson.yaml")
    assert len(loaded.lessons) == 7 + spared


def _check(*paths: Path, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "irtutor", "check", *map(str, paths)], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})


def test_check_prints_no_traceback_for_hostile_values(tmp_path: Path) -> None:
    write_lesson(tmp_path / "a", {"lesson.yaml": LESSON_YAML + "facts_as_of: 2026-13-45\n"})
    result = _check(tmp_path / "a")
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    assert "lesson.yaml:14:14: '2026-13-45' cannot be read" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_device_link_or_huge_page_is_refused_without_reading_it(tmp_path: Path) -> None:
    folder = write_lesson(tmp_path / "odd")
    os.mkfifo(folder / "02-pipe.md")  # reading it would wait for a writer forever
    os.symlink("/dev/zero", folder / "03-zero.md")  # reading it would never end
    secret = tmp_path / "private.txt"
    secret.write_text("# Someone's diary\n\nprivate words\n")
    os.symlink(secret, folder / "04-elsewhere.md")
    with (folder / "05-huge.md").open("wb") as huge:
        huge.truncate(200_000_000)  # sparse: 200 MB to read, no disk used
    result = _check(tmp_path / "odd", timeout=60)
    lines = result.stdout.splitlines()
    assert f"{folder / '02-pipe.md'}:1:1: this is not a regular file (a device, pipe or socket); a lesson file " \
           "must be plain text" in lines
    for name in ("03-zero.md", "04-elsewhere.md"):
        assert f"{folder / name}:1:1: the file is a link to somewhere outside its lesson folder; copy the file " \
               "into the folder instead" in lines
    assert f"{folder / '05-huge.md'}:1:1: the file is 200,000 KB; a lesson file of this kind may be at most " \
           "256 KB, so split it" in lines
    assert "private words" not in result.stdout + result.stderr


def test_a_link_inside_the_lesson_folder_is_fine(tmp_path: Path) -> None:
    folder = write_lesson(tmp_path / "linked")
    (folder / "01-intro.md").rename(folder / "intro.txt")
    os.symlink("intro.txt", folder / "01-intro.md")
    assert load_lessons([tmp_path / "linked"]).problems == []


def test_a_page_line_of_a_quarter_million_brackets_is_checked_without_hanging(tmp_path: Path) -> None:
    # Before the fix the term-link pattern rescanned the line from every "[": minutes for this line.
    write_lesson(tmp_path / "brackets", {"01-intro.md": PAGE + "[" * 250_000 + "[^" * 1000 + "\n"})
    result = _check(tmp_path / "brackets", timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_missing_data_file_is_one_problem_and_every_lesson_still_loads(tmp_path: Path) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(REPO / "resources", resources)
    (resources / "data" / "nato_members.csv").unlink()
    result = _check(env={"IRTUTOR_RESOURCE_DIR": str(resources)})
    assert result.stdout.splitlines() == [
        f"{resources / 'data' / 'nato_members.csv'}:1:1: cannot be read (No such file or directory); reinstall "
        "IR Tutor to bring back its data files (charts, maps and fact checks that need this file are unavailable)",
        "7 lesson(s) OK, 1 problem(s)",
    ]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("make", "expected"), [
    (lambda p: p / "01-intro.md", "this is a file; give the lesson folder that holds it (the folder with lesson.yaml)"),
    (lambda p: p.parent / "empty", "no lesson here: a lesson is a folder with a lesson.yaml, or give a folder of "
                                   "such folders"),
], ids=["a-page-file", "an-empty-folder"])
def test_check_on_something_that_is_no_lesson_exits_1(tmp_path: Path, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    folder = write_lesson(tmp_path / "lessons")
    (tmp_path / "lessons" / "empty").mkdir()
    target = make(folder)
    result = _check(target)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"{target}:1:1: {expected}"


@pytest.mark.parametrize("damage", [
    b"\x00\xff not json",
    b'{"version": 1, "lessons": []}',
    b'{"version": 1, "lessons": {"X": {"stamp": [1, 2], "fields": {"id": 5}}}}',
    b'{"version": 1, "lessons": {"X": 7}}',
    b"[" * 100_000,
], ids=["binary", "list", "wrong-fields", "not-an-entry", "deeply-nested"])
def test_a_damaged_summaries_cache_is_rebuilt(tmp_path: Path, damage: bytes) -> None:
    cache = tmp_path / "cache.json"
    fresh = quick_summaries([LESSONS], cache)
    # The damage keyed by the real lesson's path, so a careless reader would use it.
    key = str((LESSONS / "nato-origins" / "lesson.yaml").resolve())
    cache.write_bytes(damage.replace(b'"X"', f'"{key}"'.encode()))
    assert quick_summaries([LESSONS], cache) == fresh
    assert quick_summaries([LESSONS], cache) == fresh  # the rewritten cache is sound
