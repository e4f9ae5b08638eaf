"""Timeline placement: put each event at its year, with a spin box per event (keyboard) or on the axis (mouse).

The spin boxes and the axis markers are two views of the same placements and always agree.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QVBoxLayout

from irtutor.core.grading import Outcome, grade
from irtutor.core.kinds.timeline_placement import TimelineKey
from irtutor.core.numbers import read_number
from irtutor.core.questions import Item, Question, QuestionKind, Response
from irtutor.core.verdicts import Verdict
from irtutor.ui.placement_axis import PlacementAxis
from irtutor.ui.question_base import QuestionWidget, verdict_colour

NOT_PLACED = "not placed"
YEAR_FOR = "Year of: {event}"
ROW_TITLE = "{number}. {text}"
PLACE_HINT = "Type a year for each event (arrow keys step it), or click the axis to place the event whose box " \
             "you are in and drag the numbered markers."
RIGHT_YEAR = "✓ {right}"
WRONG_YEAR = "✗ right: {right}"
TOLERANCE = "A year up to {tolerance} off the right one counts as right."
ANSWERS_NOTE = "Filled markers: your years; hollow markers below the axis: the right years."
SPOKEN_RIGHT = "Right: {right}."
SPOKEN_WRONG = "Wrong; the right year is {right}."
MARGIN_YEARS = 10


def axis_range(years: tuple[int, ...]) -> tuple[int, int]:
    """Decades around the right years with a margin, so the axis's ends do not give the answer away."""
    low, high = min(years, default=1945), max(years, default=2025)
    return (low - MARGIN_YEARS) // 10 * 10, -(-(high + MARGIN_YEARS) // 10) * 10


class TimelinePlacementQuestionWidget(QuestionWidget):
    """A row per event (number, title, year box, verdict) above an axis of numbered markers."""

    key_type = TimelineKey

    def build(self) -> None:
        events = {e.id: e for e in self.key.events}
        self.shown: tuple[Item, ...] = tuple(events[i] for i in self.arranged(tuple(events)))
        self.first, self.last = axis_range(self.key.years)
        self.axis = PlacementAxis([e.id for e in self.shown], self.first, self.last)
        self.spins: dict[str, QSpinBox] = {}
        self.verdicts: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        for row, event in enumerate(self.shown):
            self._add_row(grid, row, event)
        hint = QLabel(PLACE_HINT + (" " + TOLERANCE.format(tolerance=self.key.tolerance_years)
                                    if self.key.tolerance_years else ""))
        hint.setWordWrap(True)
        self.answers_note = QLabel(ANSWERS_NOTE)
        self.answers_note.setVisible(False)
        outer = QVBoxLayout(self)
        outer.addWidget(self.prompt)
        outer.addWidget(hint)
        outer.addLayout(grid)
        outer.addWidget(self.axis)
        outer.addWidget(self.answers_note)
        outer.addStretch(1)
        if self.shown:
            self.setFocusProxy(self.spins[self.shown[0].id])  # the quiz puts the keyboard on the first box
        self.axis.sig_placed.connect(self._on_axis_placed)

    def _add_row(self, grid: QGridLayout, row: int, event: Item) -> None:
        label = QLabel(ROW_TITLE.format(number=row + 1, text=event.text))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        spin = QSpinBox()
        spin.setObjectName(f"year-{event.id}")
        spin.setAccessibleName(YEAR_FOR.format(event=event.text))
        spin.setRange(self.first - 1, self.last)  # the value below the range means "not placed"
        spin.setSpecialValueText(NOT_PLACED)
        spin.setValue(self.first - 1)
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance(NOT_PLACED) + 40)
        spin.installEventFilter(self)
        label.setBuddy(spin)
        verdict = QLabel()
        verdict.setVisible(False)
        self.tag_part(verdict, event.id)
        grid.addWidget(label, row, 0)
        grid.addWidget(spin, row, 1)
        grid.addWidget(verdict, row, 2)
        self.spins[event.id] = spin
        self.verdicts[event.id] = verdict
        spin.valueChanged.connect(lambda value, event_id=event.id: self._on_spin(event_id, value))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The box with the keyboard chooses which event a click on the axis places.
        if event.type() == QEvent.Type.FocusIn:
            self.axis.current = next((i for i, s in self.spins.items() if s is watched), self.axis.current)
            self.axis.update()
        return super().eventFilter(watched, event)

    def year_of(self, event_id: str) -> int | None:
        value = self.spins[event_id].value()
        return None if value < self.first else value

    def _on_spin(self, event_id: str, value: int) -> None:
        self.axis.set_year(event_id, self.year_of(event_id))
        self.emit_changed()

    def _on_axis_placed(self, event_id: str, year: int) -> None:
        self.spins[event_id].setValue(year)

    def selection(self) -> Response:
        return Response(pairs={e.id: str(y) for e in self.shown if (y := self.year_of(e.id)) is not None})

    def set_response(self, response: Response) -> None:
        for event_id, text in response.pair_map().items():
            read = read_number(text)
            if event_id in self.spins and read is not None:
                self.spins[event_id].setValue(int(read.value))

    def show_answer(self, response: Response, outcome: Outcome) -> None:
        self.set_response(response)
        for event, year in zip(self.key.events, self.key.years, strict=True):
            part = outcome.part(event.id)
            right = part is not None and part.verdict is Verdict.RIGHT
            text = (RIGHT_YEAR if right else WRONG_YEAR).format(right=year)
            verdict = self.verdicts[event.id]
            self.show_verdict(verdict, part)
            verdict.setText(text)
            colour = verdict_colour(part.verdict if part else Verdict.WRONG, self.palette())
            verdict.setStyleSheet(f"color: {colour}; font-weight: bold;")
            verdict.setVisible(True)
            spin = self.spins[event.id]
            spin.setReadOnly(True)
            spin.setAccessibleDescription((SPOKEN_RIGHT if right else SPOKEN_WRONG).format(right=year))
        self.axis.answers = dict(zip((e.id for e in self.key.events), self.key.years, strict=True))
        self.axis.locked = True
        self.axis.update()
        self.answers_note.setVisible(True)
        self.mark_answered()


def preview() -> TimelinePlacementQuestionWidget:
    """Four events from events.csv, placed and checked (one a year off within the tolerance, one wrong)."""
    events = (Item("wales", "Wales Summit Defence Investment Pledge"), Item("nato", "North Atlantic Treaty signed"),
              Item("ussr", "Soviet Union dissolved"), Item("bric", "First BRIC summit in Yekaterinburg"))
    question = Question("place-four", QuestionKind.TIMELINE_PLACEMENT, "Put each event at its year.",
                        TimelineKey(events, (2014, 1949, 1991, 2009), tolerance_years=1),
                        "From events.csv.", page="")
    widget = TimelinePlacementQuestionWidget(question)
    response = Response(pairs={"nato": "1949", "ussr": "1989", "wales": "2014", "bric": "2010"})
    widget.show_answer(response, grade(question, response))
    return widget
