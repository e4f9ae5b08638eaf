"""The list of lesson problems, each as file:line:column: message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from irtutor.core.problems import Problem
from irtutor.ui import messages


class ProblemsDialog(QDialog):
    def __init__(self, problems: list[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(messages.PROBLEMS_TITLE)
        self.setObjectName("problems-dialog")
        self.resize(760, 360)
        intro = QLabel(messages.PROBLEMS_INTRO)
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(messages.PROBLEMS_TITLE)
        self.list.setWordWrap(True)  # the "how to fix" half of a long message stays readable
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)
        self.list.addItems([str(p) for p in problems])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("&Copy all")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText("\n".join(map(str, problems))))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
