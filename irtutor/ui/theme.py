"""Light, dark, or whatever the desktop uses: the application's palette, on Qt's Fusion style.

Fusion draws every widget from the palette, so one dark palette darkens the whole window the
same way on Windows, macOS and Linux; widgets that pick colours themselves (charts, map,
verdicts) read the palette's window lightness and follow.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QStyleFactory

from irtutor.ui import messages


class Theme(StrEnum):
    LIGHT = "light"
    DARK = "dark"
    SYSTEM = "system"


_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#17181a",
    QPalette.ColorRole.AlternateBase: "#2b2c2f",
    QPalette.ColorRole.ToolTipBase: "#2b2c2f",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2d2e31",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.BrightText: "#ff8a80",
    QPalette.ColorRole.Light: "#3c4043",
    QPalette.ColorRole.Midlight: "#34363a",
    QPalette.ColorRole.Mid: "#2a2b2e",
    QPalette.ColorRole.Dark: "#111214",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#8a8d91",
    QPalette.ColorRole.Text: "#8a8d91",
    QPalette.ColorRole.ButtonText: "#8a8d91",
    QPalette.ColorRole.Base: "#202124",
    QPalette.ColorRole.Button: "#26272a",
}


def dark_palette() -> QPalette:
    """A full dark palette: every role, and greyed-out text that still reads for disabled widgets."""
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def parse(value: object) -> Theme:
    try:
        return Theme(str(value))
    except ValueError:
        return Theme.SYSTEM


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(theme: Theme) -> bool:
    return theme is Theme.DARK or (theme is Theme.SYSTEM and system_is_dark())


def apply_theme(theme: Theme) -> None:
    """Give the running application the theme's palette (on Fusion, so that all of it follows)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if app.style().name().casefold() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette() if is_dark(theme) else app.style().standardPalette())


def theme_menu(menu: QMenu, current: Theme, chosen: Callable[[Theme], None]) -> dict[Theme, QAction]:
    """View -> Theme: one checked choice of three; `chosen` is called with the one picked."""
    group = QActionGroup(menu)
    actions = {}
    for theme in Theme:
        action = menu.addAction(messages.THEME_NAMES[theme.value])
        action.setCheckable(True)
        action.setChecked(theme is current)
        action.setObjectName(f"theme-{theme.value}")
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, t=theme: chosen(t))
        actions[theme] = action
    return actions

