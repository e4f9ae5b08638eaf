"""View -> Theme: light, dark or the desktop's, applied to the whole application and remembered."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from irtutor.core.verdicts import Verdict
from irtutor.ui.question_base import VERDICT_COLOUR_DARK, verdict_colour
from irtutor.ui.settings import WindowSettings
from irtutor.ui.theme import Theme
from tests.ui.driving import create_profile, start_app


def _window_lightness() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness()


def test_dark_then_light_from_the_view_menu_and_remembered(qtbot: QtBot) -> None:
    window = start_app(qtbot)
    create_profile(qtbot, window, "Ana")
    assert window.theme_actions[Theme.SYSTEM].isChecked()  # the default follows the desktop
    assert _window_lightness() > 128  # the offscreen "desktop" has no dark mode
    window.theme_actions[Theme.DARK].trigger()
    assert _window_lightness() < 64
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 64)  # Qt posts it
    assert QApplication.style().name().casefold() == "fusion"
    view = window.open_lesson("nato-origins")
    assert view is not None
    text = view.reader.text.palette()
    assert text.color(QPalette.ColorRole.Base).lightness() < 64
    assert text.color(QPalette.ColorRole.Text).lightness() > 192
    assert verdict_colour(Verdict.WRONG, view.palette()) == VERDICT_COLOUR_DARK[Verdict.WRONG]
    assert WindowSettings().theme() is Theme.DARK
    window.close()

    again = start_app(qtbot)
    try:
        assert again.theme_actions[Theme.DARK].isChecked() and _window_lightness() < 64
        again.theme_actions[Theme.LIGHT].trigger()
        assert _window_lightness() > 128
        assert [t for t, a in again.theme_actions.items() if a.isChecked()] == [Theme.LIGHT]
    finally:
        again.set_theme(Theme.SYSTEM)  # leave the application light for the tests after this one
