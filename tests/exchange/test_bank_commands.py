"""`irtutor import` and `irtutor export` as an instructor runs them, and the studio's Import and Export,
on real lesson copies: a table first, nothing written without a yes, then only new lines added."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from irtutor.app import main
from irtutor.cli import check, import_bank
from irtutor.content.lesson_loader import load_lesson
from tests.conftest import LESSONS

BANK = """// A small bank, as an instructor might keep it in Moodle.
$CATEGORY: $course$/IR/Cold War

::helsinki-year:: In which year was the Helsinki Final Act signed? {#1975}

::csce-members:: The CSCE became the OSCE in 1995. {TRUE#It became the OSCE at the start of 1995.}

::brussels:: Which treaty of March 1948 bound five West European states? {
=Brussels Treaty#Right: signed on 17 March 1948.
~Dunkirk Treaty#That was 1947, France and Britain only.
~Rome Treaty#That was 1957.
}

::essay-1:: Was NATO's 1949 treaty defensive? Argue both sides. {}
"""


@pytest.fixture
def lesson(tmp_path: Path) -> Path:
    folder = tmp_path / "nato-origins"
    shutil.copytree(LESSONS / "nato-origins", folder)
    return folder


def test_import_shows_a_table_and_writes_nothing_without_a_yes(lesson: Path, tmp_path: Path) -> None:
    bank = tmp_path / "bank.gift"
    bank.write_text(BANK, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in lesson.iterdir() if p.is_file()}
    out = io.StringIO()
    assert import_bank(str(bank), str(lesson), out=out, answer=io.StringIO("n\n")) == 1
    report = out.getvalue()
    assert "line 4" in report and "numeric" in report and "imported" in report
    assert "skipped: essay" in report and "Nothing was written." in report
    assert {p.name: p.read_bytes() for p in lesson.iterdir() if p.is_file()} == before


def test_a_yes_adds_the_questions_after_the_lessons_own_and_the_lesson_checks_clean(lesson: Path,
                                                                                   tmp_path: Path) -> None:
    bank = tmp_path / "bank.gift"
    bank.write_text(BANK, encoding="utf-8")
    quiz_before = (lesson / "quiz.yaml").read_text(encoding="utf-8")
    old, _ = load_lesson(lesson)
    out = io.StringIO()
    assert import_bank(str(bank), str(lesson), out=out, answer=io.StringIO("y\n")) == 0, out.getvalue()
    quiz_after = (lesson / "quiz.yaml").read_text(encoding="utf-8")
    assert quiz_after.startswith(quiz_before.rstrip("\n"))  # the lesson's own lines, byte for byte
    new, problems = load_lesson(lesson)
    assert new is not None and not problems and old is not None
    added = new.questions[len(old.questions):]
    assert [q.id for q in added] == ["helsinki-year", "csce-members", "brussels"]
    assert {q.topic for q in added} == {"cold-war"}
    assert "Was NATO's 1949 treaty defensive?" in " ".join(new.discussion)
    assert check([str(lesson)], out=io.StringIO()) == 0


def test_export_then_import_gives_the_questions_back(lesson: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    for fmt, name in (("moodle-xml", "quiz.xml"), ("gift", "quiz.gift")):
        out = tmp_path / name
        assert main(["export", str(lesson), "--to", fmt, str(out)]) == 0
        printed = capsys.readouterr().out
        assert f"Wrote {out}" in printed
        target = tmp_path / f"into-{fmt}" / "nato-origins"
        shutil.copytree(LESSONS / "nato-origins", target)
        (target / "quiz.yaml").write_text("questions: []\n", encoding="utf-8")
        assert main(["import", str(out), "--into", str(target), "--yes"]) == 0, capsys.readouterr().out
        original, _ = load_lesson(lesson)
        back, problems = load_lesson(target)
        assert back is not None and original is not None and not problems
        assert len(back.questions) >= len(original.questions) - 1, fmt  # a GIFT nearer form may split or drop


def test_the_studio_previews_an_import_and_adds_it_to_the_draft(qtbot: QtBot, lesson: Path, tmp_path: Path) -> None:
    from irtutor.ui.studio.studio_window import StudioWindow

    bank = tmp_path / "bank.gift"
    bank.write_text(BANK, encoding="utf-8")
    window = StudioWindow([lesson.parent], LESSONS, tmp_path / "recovery")
    qtbot.addWidget(window, before_close_func=lambda w: w.discard_unsaved())
    window.show()
    assert window.select_lesson(lesson)
    quiz_before = (lesson / "quiz.yaml").read_bytes()
    dialog = window.import_bank(bank)
    assert dialog is not None
    assert dialog.table.rowCount() == 4
    assert [dialog.table.item(r, 2).text() for r in range(4)][:3] == ["imported"] * 3
    dialog.table.setCurrentCell(2, 0)  # the Brussels question, in its form and in Try it
    assert dialog.form is not None and dialog.form.mapping()["id"] == "brussels"
    assert dialog.try_it.fill_right_answer().score == 1.0
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert (lesson / "quiz.yaml").read_bytes() == quiz_before  # in the draft; the author saves
    assert window.isWindowModified()
    ids = [q["id"] for q in window.workbench.quiz_editor.document.questions()]
    assert ids[-3:] == ["helsinki-year", "csce-members", "brussels"]
    assert window.save()
    assert check([str(lesson)], out=io.StringIO()) == 0
