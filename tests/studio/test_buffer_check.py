"""Problems in the studio's unsaved text: the same as `irtutor check` after a save, without saving."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from irtutor.content.buffer_check import check_unsaved
from irtutor.content.catalog import load_lessons
from irtutor.content.lesson_loader import load_lesson
from irtutor.core.problems import Problem
from tests.conftest import LESSONS


def _copy(tmp_path: Path, lesson_id: str = "nato-origins") -> Path:
    folder = tmp_path / lesson_id
    shutil.copytree(LESSONS / lesson_id, folder)
    return folder


def _disk(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_an_unknown_citation_typed_into_a_page_is_found_and_goes_when_fixed(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    before = _disk(folder)
    page = folder / "03-article-5.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[2] = "Typed just now [^nope] in the editor. " + lines[2]
    problems = check_unsaved(folder, {page.name: "\n".join(lines)})
    assert [(p.path, p.line, p.column) for p in problems] == [(str(page), 3, 16)]
    assert problems[0].message.startswith("citation [^nope] names no source in lesson.yaml")
    lines[2] = lines[2].replace("[^nope]", "[^nato-treaty]")
    assert check_unsaved(folder, {page.name: "\n".join(lines)}) == []
    assert _disk(folder) == before


def test_a_bad_page_reference_in_the_quiz_buffer_has_its_line(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    quiz = folder / "quiz.yaml"
    text = quiz.read_text(encoding="utf-8")
    line = text.split("\n").index("    page: 03-article-5") + 1
    problems = check_unsaved(folder, {"quiz.yaml": text.replace("    page: 03-article-5", "    page: 03-article-6", 1)})
    assert [(p.path, p.line, p.column) for p in problems] == [(str(quiz), line, 11)]
    assert "page '03-article-6' is not a page of this lesson" in problems[0].message
    assert load_lesson(folder)[1] == []  # the disk was never touched


def test_a_new_unsaved_page_counts_as_a_page(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    page = "05-new-page.md"
    problems = check_unsaved(folder, {page: "# New\n\nSee [^gone].\n"})
    assert [(p.path, p.line, p.column) for p in problems] == [(str(folder / page), 3, 5)]
    quiz = (folder / "quiz.yaml").read_text(encoding="utf-8").replace("page: 03-article-5", f"page: {page[:-3]}")
    assert check_unsaved(folder, {page: "# New\n\nText.\n", "quiz.yaml": quiz}) == []
    assert not (folder / page).exists()


def test_cross_lesson_checks_run_with_the_rest_of_the_course(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    others = load_lessons([LESSONS]).lessons
    page = folder / "01-a-divided-europe.md"
    text = page.read_text(encoding="utf-8") + "\nSee [the rounds](page:nato-enlargement/99-nowhere).\n"
    problems = check_unsaved(folder, {page.name: text}, others)
    assert [p.message.split(":")[0] for p in problems] == ["page"]
    assert "lesson 'nato-enlargement' has no page '99-nowhere'" in problems[0].message


def test_checks_on_a_worker_thread_do_not_leak_into_other_threads(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    seen: list[list[Problem]] = []
    broken = {"quiz.yaml": "questions: [\n"}
    worker = threading.Thread(target=lambda: seen.append(check_unsaved(folder, broken)))
    worker.start()
    worker.join()
    assert seen[0] and "YAML syntax" in seen[0][0].message
    assert load_lesson(folder)[1] == []
