"""A cloze question: running text that wraps like a paragraph, with the gaps inline.

A typed gap is a line to type in; a choice gap is a drop-down list that starts on "Choose…".
Tab goes from gap to gap in reading order.
"""

from __future__ import annotations

import html
import re
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from irtutor.core.grading import Outcome
from irtutor.core.kinds.cloze import ClozeKey, Gap
from irtutor.core.questions import Response
from irtutor.core.verdicts import Verdict
from irtutor.qtkit.plain_text import plain_tooltip
from irtutor.ui import messages
from irtutor.ui.flow_layout import FlowLayout
from irtutor.ui.question_base import QuestionWidget, verdict_colour
from irtutor.ui.typed_questions import marked_style

GAP_WIDTH_CHARS = 12
"""The least width of a typed gap, in average characters."""
GAP_MAX_CHARS = 32
"""The most: a longer answer scrolls inside its gap rather than pushing the text wide."""
GAP_MARGIN = 24
"""Pixels beyond the text: the frame, and the thick border and padding of a marked gap."""

GapInput = QLineEdit | QComboBox


class ClozeQuestionWidget(QuestionWidget):
    key_type = ClozeKey

    def build(self) -> None:
        self.inputs: dict[str, GapInput] = {}
        # Every typed gap of a question as wide as its longest accepted answer needs (within limits),
        # so "United States" fits and the gaps' sizes do not tell one answer's length from another's.
        self.gap_width = self._fitting_width(
            max((v.text for g in self.key.gaps if not g.is_choice for v in g.variants if v.credit > 0),
                key=len, default=""))
        self.text_area = QWidget()
        self.text_area.setObjectName("cloze-text")
        space = self.fontMetrics().horizontalAdvance(" ")
        self._fill(FlowLayout(self.text_area, spacing=space))
        self.right_answers = QLabel()
        self.right_answers.setObjectName("right-answers")
        self.right_answers.setWordWrap(True)
        self.right_answers.setVisible(False)
        box = QVBoxLayout(self)
        box.addWidget(self.prompt)
        box.addWidget(self.text_area)
        box.addWidget(self.right_answers)
        inputs = list(self.inputs.values())
        for before, after in pairwise(inputs):
            QWidget.setTabOrder(before, after)
        self.setFocusProxy(inputs[0])  # the view focuses a shown question that has an input to type in

    def _fill(self, flow: FlowLayout) -> None:
        """Words and gaps in reading order; a piece with no space before it in the text is glued on."""
        spaced = True
        total = len(self.key.gaps)
        for segment in self.key.segments:
            if isinstance(segment, Gap):
                flow.add_widget(self._gap_input(segment, len(self.inputs) + 1, total), glued=not spaced)
                spaced = False
                continue
            for word in re.finditer(r"\S+", segment):
                label = QLabel(word.group())
                label.setTextFormat(Qt.TextFormat.PlainText)
                flow.add_widget(label, glued=word.start() == 0 and not spaced)
            spaced = segment[-1].isspace()

    def _gap_input(self, gap: Gap, number: int, total: int) -> GapInput:
        widget: GapInput
        if gap.is_choice:
            widget = QComboBox()
            widget.addItem(messages.CHOOSE_GAP, "")
            for choice in self._choices(gap):
                widget.addItem(choice, choice)
            widget.currentIndexChanged.connect(lambda _index: self.emit_changed())
        else:
            widget = QLineEdit()
            widget.setFixedWidth(self.gap_width)
            widget.textChanged.connect(lambda _text: self.emit_changed())
        widget.setObjectName(f"gap-{gap.id}")
        self.tag_part(widget, gap.id)
        widget.setAccessibleName(messages.GAP_NAME.format(number=number, total=total))
        widget.setAccessibleDescription(self._sentence())
        self.inputs[gap.id] = widget
        return widget

    def _fitting_width(self, text: str) -> int:
        """Pixels for a typed gap showing `text`: at least GAP_WIDTH_CHARS, at most GAP_MAX_CHARS."""
        metrics = self.fontMetrics()
        least, most = metrics.averageCharWidth() * GAP_WIDTH_CHARS, metrics.averageCharWidth() * GAP_MAX_CHARS
        return min(max(least, metrics.horizontalAdvance(text)), most) + GAP_MARGIN

    def _choices(self, gap: Gap) -> tuple[str, ...]:
        """The choices shuffled: the lesson lists the right one first."""
        # Each gap its own shuffle: with the question's id alone as the seed, gaps with as many
        # choices would all put the right one at the same place.
        return self.arranged(gap.choices, always=True, key=f"{self.question.id}:{gap.id}")

    def _sentence(self) -> str:
        """The whole text with numbered blanks, which a screen reader says to place the gap being filled:
        read word by word, the labels alone would not."""
        numbers = {gap.id: number for number, gap in enumerate(self.key.gaps, start=1)}
        return "".join(s if isinstance(s, str) else messages.GAP_BLANK.format(number=numbers[s.id])
                       for s in self.key.segments).strip()

    # --- the QuestionWidget surface

    def selection(self) -> Response:
        return Response(gaps={gap_id: text for gap_id, widget in self.inputs.items()
                              if (text := _value(widget)).strip()})

    def set_response(self, response: Response) -> None:
        given = response.gap_map()
        for gap_id, widget in self.inputs.items():
            _set_value(widget, given.get(gap_id, ""))

    def show_answer(self, response: Response, outcome: Outcome) -> None:
        self.set_response(response)
        missed = []
        for number, gap in enumerate(self.key.gaps, start=1):
            widget = self.inputs[gap.id]
            part = outcome.part(gap.id)
            self.show_verdict(widget, part)
            _lock(widget, verdict_colour(part.verdict if part else Verdict.WRONG, self.palette()))
            if isinstance(widget, QLineEdit):  # what the student typed, whole if it can be
                widget.setFixedWidth(max(widget.width(), self._fitting_width(widget.text())))
                widget.setCursorPosition(0)
            if part is None or part.credit < 1.0:
                right = gap.best
                widget.setToolTip(plain_tooltip(messages.THE_RIGHT_ANSWER.format(answer=right)))
                widget.setAccessibleDescription(messages.THE_RIGHT_ANSWER.format(answer=right))
                missed.append(html.escape(messages.GAP_RIGHT_ANSWER.format(number=number, answer=right)))
        if missed:
            self.right_answers.setText(f"<b>{messages.GAP_RIGHT_ANSWERS}</b><br>" + "<br>".join(missed))
            self.right_answers.setVisible(True)
        self.mark_answered()


def _value(widget: GapInput) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else str(widget.currentData() or "")


def _set_value(widget: GapInput, value: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    else:  # a choice the lesson no longer offers shows as not chosen
        widget.setCurrentIndex(max(0, widget.findData(value)))


def _lock(widget: GapInput, colour: str) -> None:
    """Read-only in the verdict's colour; a typed gap stays focusable, so its tooltip and name can be read."""
    if isinstance(widget, QLineEdit):
        widget.setReadOnly(True)
        widget.setStyleSheet(marked_style(colour))
    else:  # disabled, yet in the verdict's colour rather than the disabled grey
        widget.setEnabled(False)
        widget.setStyleSheet(f"QComboBox, QComboBox:disabled {{ {marked_style(colour)} }}")
