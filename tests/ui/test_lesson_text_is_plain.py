"""Lesson text is shown as text: markup in any field never becomes markup on screen.

A QLabel (and every tooltip) guesses "rich text" when a string looks like HTML, and rich text
loads `<img src=...>` from the local disk. Lesson folders come from anyone, so every field of
two lessons that use all ten question kinds gets an image tag appended, and the real window is
walked after each page, each answered question and the attempt review.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QGraphicsView, QLabel, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from tests.conftest import FIXTURES
from tests.right_answers import right_response
from tests.ui.driving import create_profile, open_quiz, settle, start_app

SPY = '<img src="spy.png"><b>bold</b>'
TEXT_KEYS = {"title", "summary", "prompt", "text", "feedback", "feedback_true", "feedback_false", "explanation",
             "unit", "publisher", "author", "left", "right"}
TEXT_LISTS = {"objectives", "items", "answers", "distractors"}


def _poison(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        poisoned = {k: _poison(v, k) for k, v in value.items()}
        if key == "terms":
            poisoned = {k: f"{v} {SPY}" for k, v in value.items()}
        return poisoned
    if isinstance(value, list):
        return [f"{v} {SPY}" if key in TEXT_LISTS and isinstance(v, str | int) else _poison(v, key) for v in value]
    if key in TEXT_KEYS and isinstance(value, str):
        if "{{" in value:  # a cloze text: poison around its gaps, never inside them
            return f"{SPY} {value} {SPY}"
        return f"{value} {SPY}"
    return value


def poisoned_lessons(tmp_path: Path) -> Path:
    root = tmp_path / "lessons"
    for name in ("berlin-kinds", "visual-kinds"):
        folder = root / name
        shutil.copytree(FIXTURES / "lessons" / name, folder)
        for file in ("lesson.yaml", "quiz.yaml"):
            path = folder / file
            path.write_text(yaml.safe_dump(_poison(yaml.safe_load(path.read_text())), allow_unicode=True))
        for page in folder.glob("*.md"):
            title, _, rest = page.read_text().partition("\n")
            page.write_text(f"{title} {SPY}\n{rest}\n\nRaw HTML in a paragraph: {SPY}\n")
    broken = root / "broken"  # its problem message quotes what the author wrote
    shutil.copytree(root / "berlin-kinds", broken)
    page = next(broken.glob("*.md"))
    page.write_text(page.read_text() + f"\nA citation of nothing[^{SPY.replace(' ', '')}].\n")
    return root


def markup_on_screen(root: QWidget) -> list[str]:
    """Every place under `root` where the spy tag would be read as markup, not shown as text."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}({widget.objectName()})"
        if SPY in widget.toolTip():  # tooltips always guess, so lesson text must arrive escaped
            found.append(f"tooltip of {name}")
        if isinstance(widget, QLabel) and SPY in widget.text() and widget.textFormat() != Qt.TextFormat.PlainText:
            found.append(f"{name}: {widget.text()[:60]}")
        if isinstance(widget, QTextEdit) and 'src="spy.png"' in widget.toHtml():
            found.append(f"{name} document")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and SPY in tip:
                    found.append(f"tooltip of row {row} in {name}")
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                html = getattr(item, "toHtml", None)
                if html is not None and 'src="spy.png"' in html():
                    found.append(f"graphics text in {name}")
                if SPY in item.toolTip():
                    found.append(f"tooltip of a graphics item in {name}")
    return found


def test_markup_in_lesson_files_is_shown_as_text_everywhere(qtbot: QtBot, tmp_path: Path) -> None:
    window = start_app(qtbot, [poisoned_lessons(tmp_path)])
    create_profile(qtbot, window, "Ana")
    seen: list[str] = markup_on_screen(window)
    for lesson in window.workspace.library.lessons:
        view = window.open_lesson(lesson.id)
        assert view is not None
        for index in range(len(lesson.pages)):
            view.reader.show_page(index)
            seen += markup_on_screen(window)
        quiz = open_quiz(qtbot, window, QuizMode.PRACTICE, lesson.id)
        for _ in quiz.session.questions:
            widget = quiz.question_widget
            widget.set_response(right_response(widget.question))
            seen += markup_on_screen(window)
            qtbot.mouseClick(quiz.check_button, Qt.MouseButton.LeftButton)
            settle(qtbot, quiz.ops)
            seen += markup_on_screen(window)
            if quiz.next_button.isEnabled():
                qtbot.mouseClick(quiz.next_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(quiz.finish_button, Qt.MouseButton.LeftButton)
        settle(qtbot, quiz.ops)
        seen += markup_on_screen(window)
    window.show_glossary()
    seen += markup_on_screen(window.glossary)
    window.glossary.close()
    window.show_progress()
    settle(qtbot, window.ops)
    seen += markup_on_screen(window.dashboard)
    window.dashboard.close()
    window.show_problems()
    problems = window.findChild(QDialog, "problems-dialog")
    assert problems is not None and any("spy.png" in problems.list.item(i).text() for i in range(problems.list.count()))
    seen += markup_on_screen(problems)
    problems.close()
    assert not seen, "lesson text shown as markup:\n" + "\n".join(dict.fromkeys(seen))
