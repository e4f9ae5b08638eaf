"""The studio's problems: what `irtutor check` would print for the text on screen, each a click away
from its spot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from irtutor.core.problems import Problem

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1
NO_PROBLEMS = "No problems: irtutor check would pass this lesson."


class ProblemsPanel(QListWidget):
    sig_jump = Signal(object)
    """A problem was clicked or chosen with Enter: the Problem, to show its file at its line and column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studio-problems")
        self.setAccessibleName("Problems")
        self.setWordWrap(True)
        self.problems: list[Problem] = []
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def set_problems(self, problems: list[Problem], folder: Path) -> None:
        self.problems = list(problems)
        self.clear()
        if not problems:
            item = QListWidgetItem(NO_PROBLEMS)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
            return
        for problem in problems:
            path = Path(problem.path)
            name = path.name if path.parent == folder else str(path)
            item = QListWidgetItem(f"{name}:{problem.line}:{problem.column}: {problem.message}")
            item.setData(PROBLEM_ROLE, problem)
            self.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        problem = item.data(PROBLEM_ROLE)
        if problem is not None:
            self.sig_jump.emit(problem)
