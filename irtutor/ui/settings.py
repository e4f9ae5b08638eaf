"""What the window remembers between runs: geometry, splitters, text size, theme and where each student was.

An INI file in the data folder (beside the database, so a portable install carries it along);
nothing here matters enough for the database, and a lost file only costs the defaults.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from irtutor.paths import data_dir
from irtutor.ui.theme import Theme, parse

TEXT_STEPS = (-3, 6)
"""How far Ctrl+- and Ctrl+= go from the standard size, in steps of 10%."""


class WindowSettings:
    def __init__(self) -> None:
        self.store = QSettings(str(data_dir() / "window.ini"), QSettings.Format.IniFormat)

    def state(self, name: str) -> QByteArray | None:
        """A saved geometry or splitter state, or None before the first save."""
        value = self.store.value(f"state/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, name: str, value: QByteArray) -> None:
        self.store.setValue(f"state/{name}", value)

    def text_step(self) -> int:
        return _clamp(_int(self.store.value("text/step"), 0))

    def set_text_step(self, step: int) -> int:
        step = _clamp(step)
        self.store.setValue("text/step", step)
        return step

    def theme(self) -> Theme:
        """Light, dark, or the desktop's (the default)."""
        return parse(self.store.value("view/theme", Theme.SYSTEM.value))

    def set_theme(self, theme: Theme) -> None:
        self.store.setValue("view/theme", theme.value)

    def place(self, profile_id: int) -> tuple[str, int] | None:
        """The lesson and page this student last had open."""
        lesson = self.store.value(f"student-{profile_id}/lesson")
        if not isinstance(lesson, str) or not lesson:
            return None
        return lesson, _int(self.store.value(f"student-{profile_id}/page"), 0)

    def set_place(self, profile_id: int, lesson_id: str, page: int) -> None:
        self.store.setValue(f"student-{profile_id}/lesson", lesson_id)
        self.store.setValue(f"student-{profile_id}/page", page)

    def sync(self) -> None:
        self.store.sync()


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


def _clamp(step: int) -> int:
    return max(TEXT_STEPS[0], min(TEXT_STEPS[1], step))
