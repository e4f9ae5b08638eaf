"""The dashboard reads without squinting: every lesson row shows, lessons and topics are named in words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from irtutor.core.quiz_settings import QuizMode
from irtutor.ui.dashboard import topic_words
from tests.ui.driving import create_profile, open_quiz, settle, start_app
from tests.ui.test_review_queue_ui import answer_first_two


def test_the_dashboard_names_lessons_and_topics_in_words(qtbot: QtBot, tmp_path: Path) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    answer_first_two(open_quiz(qtbot, window, QuizMode.PRACTICE))
    settle(qtbot, window.ops)
    qtbot.keyClick(window.lesson_list, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.dashboard is not None and window.dashboard.isVisible())
    dashboard = window.dashboard
    dashboard.resize(1000, 720)
    qtbot.wait(50)
    table = dashboard.lessons_table
    assert table.rowCount() == 7
    last = table.visualItemRect(table.item(table.rowCount() - 1, 0))
    assert last.bottom() <= table.viewport().height()  # every row visible, no scrolling
    ticks = dashboard.bars.getAxis("bottom")._tickLevels[0]
    titles = [lesson.title for lesson in window.library.lessons]
    assert [label.replace("\n", " ").rstrip("…")[:10] for _x, label in ticks] == [t[:10] for t in titles]
    topics = dashboard.topics.toPlainText()
    assert "question(s)" not in topics and "-" not in topics.split(":")[0]
    assert "1 question." in topics or " questions." in topics
    dashboard.grab().save(str(tmp_path / "dashboard.png"))
    dashboard.bars.grab().save(str(tmp_path / "bars.png"))
    dashboard.close()


def test_topic_words() -> None:
    assert topic_words("article-5") == "Article 5"
    assert topic_words("burden_sharing") == "Burden sharing"
