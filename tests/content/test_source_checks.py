"""Sources: one defined and cited nowhere is reported (unless offered as further reading), and one
web address keeps one title across lessons."""

from __future__ import annotations

from pathlib import Path

from irtutor.content.catalog import load_lessons
from irtutor.content.lesson_loader import load_lesson
from tests.content.minimal_lesson import LESSON_YAML, write_lesson

EXTRA_SOURCE = "  unused:\n    title: A survey\n    publisher: A journal\n"


def test_a_source_nothing_cites_is_reported_at_its_key_and_the_lesson_still_opens(tmp_path: Path) -> None:
    folder = write_lesson(tmp_path, {"lesson.yaml": LESSON_YAML.replace("terms:", EXTRA_SOURCE + "terms:")})
    lesson, problems = load_lesson(folder)
    assert lesson is not None
    assert [(Path(p.path).name, p.line, p.column) for p in problems] == [("lesson.yaml", 12, 3)]
    assert "source 'unused' is cited on no page and by no question" in problems[0].message
    assert "further_reading" in problems[0].message


def test_a_source_cited_only_by_a_question_counts_as_cited(tmp_path: Path) -> None:
    page = "# Introduction\n\nText about [[Article 5]] with no citation.\n"
    lesson, problems = load_lesson(write_lesson(tmp_path, {"01-intro.md": page}))
    assert lesson is not None and problems == []  # quiz.yaml's question names `source: src`


def test_further_reading_accepts_an_uncited_source_and_names_only_real_ones(tmp_path: Path) -> None:
    meta = LESSON_YAML.replace("terms:", EXTRA_SOURCE + "terms:") + "further_reading:\n  - unused\n  - unknown\n"
    lesson, problems = load_lesson(write_lesson(tmp_path, {"lesson.yaml": meta}))
    assert lesson is not None
    assert [(p.line, p.column, p.message) for p in problems] == [
        (19, 5, "further reading 'unknown' names no source in lesson.yaml (sources: src, unused)")]


def _lesson(root: Path, lesson_id: str, order: int, title: str, url: str) -> Path:
    folder = write_lesson(root / lesson_id)
    source = f"  src:\n    title: \"{title}\"\n    publisher: Someone\n    url: {url}\n"
    meta = LESSON_YAML.replace("id: mini", f"id: {lesson_id}").replace("order: 1", f"order: {order}")
    meta = meta.replace("  src:\n    title: A source\n    publisher: Someone\n", source)
    (folder / "lesson.yaml").write_text(meta, encoding="utf-8")
    return folder.rename(root / lesson_id / lesson_id)


def test_one_address_with_two_titles_is_reported_at_the_second_naming_the_first(tmp_path: Path) -> None:
    first = _lesson(tmp_path, "first", 1, "NATO-Russia relations: the facts", "https://www.nato.int/x.htm")
    second = _lesson(tmp_path, "second", 2, "Setting the record straight", "https://www.nato.int/x.htm/")
    loaded = load_lessons([tmp_path / "first", tmp_path / "second"])
    assert len(loaded.lessons) == 2
    assert [(p.path, p.line, p.column) for p in loaded.problems] == [(str(second / "lesson.yaml"), 10, 12)]
    assert loaded.problems[0].message == (
        "https://www.nato.int/x.htm/ is titled 'Setting the record straight' here but "
        f"'NATO-Russia relations: the facts' at {first / 'lesson.yaml'}:10; give one address one title")


def test_one_address_with_one_title_in_two_lessons_is_fine(tmp_path: Path) -> None:
    _lesson(tmp_path, "first", 1, "Same title", "https://example.org/a")
    _lesson(tmp_path, "second", 2, "Same title", "https://example.org/a")
    assert load_lessons([tmp_path / "first", tmp_path / "second"]).problems == []
