"""Numbered buttons, one per question of an attempt: where each stands, and a click to go there.

The same grid serves a test under way (answered, not answered, flagged) and a finished attempt's
review (right, partly right, wrong, not answered), so a student learns one picture for both.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from irtutor.ui import messages
from irtutor.ui.flow_layout import FlowLayout
from irtutor.ui.question_base import MISSED_COLOUR, VERDICT_COLOUR

ANSWERED_COLOUR = "#3a5f8f"
"""Slate blue: answered, with no verdict yet (a test before it is submitted)."""
STATE_COLOUR = {"answered": ANSWERED_COLOUR, "unanswered": "", "flagged": "",
                **{str(verdict): colour for verdict, colour in VERDICT_COLOUR.items()}}
FLAG_MARK = "⚑"


class QuizNavigator(QWidget):
    sig_go = Signal(int)
    """The student clicked a question's number; the argument is its position (from 0)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quiz-navigator")
        self.setAccessibleName("Questions")
        self.buttons: list[QPushButton] = []
        self.flow = FlowLayout(self, spacing=4)
        self.flow.setContentsMargins(0, 0, 0, 0)

    def show_states(self, states: list[str], current: int = -1, flagged: frozenset[int] = frozenset()) -> None:
        """One button per state ("answered", "unanswered" or a core Verdict's value), `current` framed."""
        while len(self.buttons) < len(states):
            self._add_button(len(self.buttons))
        for position, button in enumerate(self.buttons):
            button.setVisible(position < len(states))
            if position < len(states):
                _paint(button, position + 1, states[position], position == current, position in flagged)

    def _add_button(self, position: int) -> None:
        button = QPushButton(str(position + 1))
        button.setObjectName(f"nav-{position + 1}")
        button.setFixedWidth(button.fontMetrics().horizontalAdvance("⚑ 88") + 16)
        button.clicked.connect(lambda: self.sig_go.emit(position))
        self.flow.addWidget(button)
        self.buttons.append(button)


def _paint(button: QPushButton, number: int, state: str, current: bool, flagged: bool) -> None:
    colour = STATE_COLOUR.get(state, MISSED_COLOUR)
    fill = f"background: {colour}; color: white;" if colour else ""
    frame = "border: 3px solid palette(highlight);" if current else "border: 1px solid palette(mid);"
    button.setStyleSheet(f"QPushButton {{ {fill} {frame} border-radius: 4px; padding: 3px; }}")
    button.setText(f"{FLAG_MARK} {number}" if flagged else str(number))
    spoken = [messages.NAV_STATES.get(state, state)] + [messages.NAV_STATES[word] for word, on in
                                                        (("flagged", flagged), ("current", current)) if on]
    button.setAccessibleName(messages.NAVIGATOR_NAME.format(number=number, state=", ".join(spoken)))
    button.setToolTip(button.accessibleName())
    button.setProperty("state", state)
    button.setProperty("flagged", flagged)
