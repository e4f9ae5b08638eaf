"""The studio driven as an instructor drives it: real lesson folders, real editors, real saves."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from irtutor.cli import check
from irtutor.core.questions import QuestionKind
from irtutor.ui.studio.studio_window import StudioWindow
from tests.conftest import LESSONS
from tests.right_answers import right_response
from tests.ui.driving import create_profile, open_quiz, settle, start_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def own(tmp_path: Path) -> Path:
    """The instructor's lessons folder, holding a copy of one shipped lesson."""
    folder = tmp_path / "my-lessons"
    shutil.copytree(LESSONS / "nato-origins", folder / "nato-origins")
    return folder


def studio(qtbot: QtBot, own: Path, tmp_path: Path) -> StudioWindow:
    window = StudioWindow([own], LESSONS, tmp_path / "recovery")
    qtbot.addWidget(window, before_close_func=lambda w: w.discard_unsaved())  # no question box at teardown
    window.show()
    qtbot.waitExposed(window)
    return window


def open_page(qtbot: QtBot, window: StudioWindow, folder: Path, page: str) -> None:
    assert window.select_lesson(folder)
    bench = window.workbench
    bench.setCurrentWidget(bench.pages_tab)
    bench.page_list.setCurrentRow(window.draft.page_names.index(page))
    qtbot.waitUntil(lambda: bench.page_editor.page_path.name == page)


def type_at_end(qtbot: QtBot, window: StudioWindow, text: str) -> None:
    edit = window.workbench.page_editor.edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    for n, line in enumerate(text.split("\n")):
        if n:
            qtbot.keyClick(edit, Qt.Key.Key_Return)  # QTest types no "\n"
        qtbot.keyClicks(edit, line)


def test_typing_shows_in_the_preview_and_an_unknown_citation_is_a_problem_at_its_line(
        qtbot: QtBot, own: Path, tmp_path: Path) -> None:
    window = studio(qtbot, own, tmp_path)
    folder = own / "nato-origins"
    page = "01-from-allies-to-blocs.md" if (folder / "01-from-allies-to-blocs.md").exists() else \
        sorted(p.name for p in folder.glob("*.md"))[0]
    open_page(qtbot, window, folder, page)
    before = (folder / page).read_text(encoding="utf-8")
    type_at_end(qtbot, window, "\nA sentence the instructor adds about Bevin[^nope].\n")
    reader = window.workbench.page_editor.preview.reader
    qtbot.waitUntil(lambda: "the instructor adds about Bevin" in _reader_text(reader), timeout=3000)
    line = window.workbench.page_editor.text().split("\n").index(
        "A sentence the instructor adds about Bevin[^nope].") + 1
    qtbot.waitUntil(lambda: any("nope" in p.message for p in window.problems), timeout=3000)
    problem = next(p for p in window.problems if "nope" in p.message)
    assert (Path(problem.path).name, problem.line) == (page, line)
    shown = [window.problems_panel.item(i).text() for i in range(window.problems_panel.count())]
    assert any(text.startswith(f"{page}:{line}:") for text in shown)
    assert window.isWindowModified()
    assert (folder / page).read_text(encoding="utf-8") == before  # nothing is written before a save
    # The page with a problem is still the page as written for "cited on": students' notice page cites nothing.
    assert all(Path(page).stem in places for places in _cited_only_on(window, folder / page).values())

    window.workbench.setCurrentIndex(0)  # elsewhere; a click on the problem comes back to it
    item = next(window.problems_panel.item(i) for i in range(window.problems_panel.count())
                if "nope" in window.problems_panel.item(i).text())
    window.problems_panel.itemActivated.emit(item)
    assert window.workbench.currentWidget() is window.workbench.pages_tab
    assert window.workbench.page_editor.edit.textCursor().blockNumber() + 1 == line

    edit = window.workbench.page_editor.edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    for _ in range(len("[^nope].\n")):
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, ".")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not any("nope" in p.message for p in window.problems), timeout=3000)

    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert "the instructor adds about Bevin." in (folder / page).read_text(encoding="utf-8")
    assert check([str(folder)]) == 0


def _cited_only_on(window: StudioWindow, page: Path) -> dict[str, list[str]]:
    """The sources the form says are cited on `page`, with every place it lists for them."""
    citations = window.workbench.details.citations
    cited_here = {source for source, places in citations.items() if page.stem in places}
    assert cited_here, f"the form says {page.name} cites nothing"
    return {source: citations[source] for source in cited_here}


def _reader_text(reader: object) -> str:
    texts = [reader.text.toPlainText(), *(chunk.toPlainText() for chunk in reader.parts.chunks)]
    return "\n".join(texts)


def test_a_new_lesson_with_a_question_of_every_kind_passes_check_and_plays_for_students(
        qtbot: QtBot, own: Path, tmp_path: Path) -> None:
    window = studio(qtbot, own, tmp_path)
    folder = window.new_lesson("helsinki-1975", "The Helsinki Final Act")
    assert folder == own / "helsinki-1975" and window.entry is not None and window.entry.folder == folder
    bench = window.workbench
    bench.setCurrentWidget(bench.quiz_holder)
    editor = bench.quiz_editor
    assert editor is not None
    for kind in QuestionKind:
        editor.add_question(kind)
    qtbot.waitUntil(lambda: window.draft.unsaved().get("quiz.yaml", "").count("- id:") == len(QuestionKind))
    assert window.save()
    assert check([str(folder)]) == 0

    student = start_app(qtbot, [own])
    create_profile(qtbot, student, "Ana")
    quiz = open_quiz(qtbot, student, lesson_id="helsinki-1975")
    kinds = set()
    for question in quiz.session.questions:
        kinds.add(question.kind)
        quiz.question_widget.set_response(right_response(question))
        qtbot.keyClick(quiz, Qt.Key.Key_Return)  # check
        settle(qtbot, quiz.ops)
        assert quiz.feedback.toPlainText().startswith("Correct."), question.kind
        qtbot.keyClick(quiz, Qt.Key.Key_Return)  # next
    assert kinds == set(QuestionKind)


def test_a_shipped_lesson_is_copied_before_editing_and_can_be_reverted(
        qtbot: QtBot, own: Path, tmp_path: Path) -> None:
    window = studio(qtbot, own, tmp_path)
    shipped = next(e for e in window.lesson_entries() if not e.editable)
    assert window.select_lesson(shipped.folder)
    assert window.centre.currentWidget() is window.shipped_page
    qtbot.mouseClick(window.copy_button, Qt.MouseButton.LeftButton)
    copy = own / shipped.folder.name
    assert (copy / "lesson.yaml").read_bytes() == (shipped.folder / "lesson.yaml").read_bytes()
    assert window.entry is not None and window.entry.folder == copy and window.entry.shipped_twin == shipped.folder
    assert [e.label for e in window.lesson_entries()].count(f"{shipped.title} (my copy)") == 1
    kept = window.revert()
    assert kept is not None and kept.parent.name == ".trash" and not copy.exists()
    assert window.entry is not None and window.entry.folder == shipped.folder


def test_a_file_changed_outside_reloads_when_unedited_and_asks_when_edited(
        qtbot: QtBot, own: Path, tmp_path: Path) -> None:
    window = studio(qtbot, own, tmp_path)
    folder = own / "nato-origins"
    pages = sorted(p.name for p in folder.glob("*.md"))
    open_page(qtbot, window, folder, pages[0])
    path = folder / pages[0]
    # Another editor saves the way most do: a new file renamed over the old one.
    replacement = path.with_suffix(".tmp")
    replacement.write_text(path.read_text(encoding="utf-8") + "\nWritten in another editor.\n", encoding="utf-8")
    os.replace(replacement, path)
    edit = window.workbench.page_editor.edit
    qtbot.waitUntil(lambda: "Written in another editor." in edit.toPlainText(), timeout=5000)
    assert not window.isWindowModified() and not window.info.isVisible()

    type_at_end(qtbot, window, "Mine, unsaved.")
    path.write_text(path.read_text(encoding="utf-8") + "\nAnd again, from outside.\n", encoding="utf-8")
    qtbot.waitUntil(window.info.isVisible, timeout=5000)
    assert "changed on disk" in window.info.label.text()
    assert "Mine, unsaved." in edit.toPlainText()  # nothing is taken from the disk over the instructor's edits
    qtbot.mouseClick(window.info.buttons["Keep my edits"], Qt.MouseButton.LeftButton)
    assert window.save()
    saved = path.read_text(encoding="utf-8")
    assert "Mine, unsaved." in saved and "And again, from outside." not in saved


def test_unsaved_text_survives_a_kill_and_is_offered_back(own: Path, tmp_path: Path, qtbot: QtBot) -> None:
    folder = own / "nato-origins"
    page = sorted(p.name for p in folder.glob("*.md"))[1]
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("studio_child.py")), str(own), str(tmp_path / "recovery"), page],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert child.stdout is not None
    line = child.stdout.readline()  # the child says when the autosave has run
    assert line.strip() == "autosaved", line
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    assert "Typed before the crash." not in (folder / page).read_text(encoding="utf-8")

    window = studio(qtbot, own, tmp_path)
    open_page(qtbot, window, folder, sorted(p.name for p in folder.glob("*.md"))[0])
    assert window.info.isVisible() and page in window.info.label.text()
    qtbot.mouseClick(window.info.buttons["Restore"], Qt.MouseButton.LeftButton)
    assert "Typed before the crash." in window.draft.text(page)
    assert window.isWindowModified()
    window.workbench.page_list.setCurrentRow(window.draft.page_names.index(page))
    assert "Typed before the crash." in window.workbench.page_editor.text()
    assert window.save() and "Typed before the crash." in (folder / page).read_text(encoding="utf-8")
    assert window.recovery.pending() == []


def test_closing_with_unsaved_edits_asks_and_cancel_keeps_the_window(
        qtbot: QtBot, own: Path, tmp_path: Path) -> None:
    window = studio(qtbot, own, tmp_path)
    folder = own / "nato-origins"
    open_page(qtbot, window, folder, sorted(p.name for p in folder.glob("*.md"))[0])
    type_at_end(qtbot, window, "Not yet saved.")
    asked: list[str] = []

    def answer_cancel(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    when_a_question_box_shows(answer_cancel)
    assert not window.close()
    assert asked and "Save the changes" in asked[0]
    assert window.isVisible() and window.isWindowModified()


def when_a_question_box_shows(answer: Callable[[QMessageBox], None]) -> None:
    """Answer the modal question box once it is up, as the instructor's click would (it blocks the test)."""

    def poll() -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, poll)
        else:
            answer(box)

    QTimer.singleShot(20, poll)
