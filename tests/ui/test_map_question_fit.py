"""The map question fits a small laptop page: it never forces the window wider or taller."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from irtutor.ui.map_question import MapSelectionQuestionWidget
from tests.ui.test_map_question import NINETY_NINE


def test_the_map_question_asks_for_little_room(qtbot: QtBot) -> None:
    widget = MapSelectionQuestionWidget(NINETY_NINE)
    qtbot.addWidget(widget)
    least = widget.minimumSizeHint()
    assert least.width() <= 480 and least.height() <= 400
