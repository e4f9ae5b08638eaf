"""A bar across the top of the studio for news that needs a choice (recovered text, a file changed on
disk) without stopping the instructor with a dialog: they answer when they are ready."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from irtutor.qtkit.plain_text import plain_label


class InfoBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studio-info-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = plain_label("")
        self.label.setWordWrap(True)
        self.row = QHBoxLayout(self)
        self.row.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton] = {}
        self.hide()

    def show_choice(self, text: str, choices: Sequence[tuple[str, Callable[[], None]]]) -> None:
        """Say `text` with a button per choice; a click runs the choice and closes the bar."""
        self.label.setText(text)
        for button in self.buttons.values():
            self.row.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for label, act in choices:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, act=act: self._choose(act))
            self.row.addWidget(button)
            self.buttons[label.replace("&", "")] = button
        self.show()

    def _choose(self, act: Callable[[], None]) -> None:
        self.hide()
        act()



