"""A map-selection question: click countries on the map, or tick them in the keyboard list.

The map shows no membership colours here: colouring by round would give the answer away. Once
answered, right picks, wrong picks and missed countries differ in colour, hatching and symbol
(✓ plain, ✗ cross-hatched, ? striped with a dashed outline), in the list's words and in a legend.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from irtutor.charts import map_style
from irtutor.charts.country_list import CountryList
from irtutor.charts.enlargement_map import map_sources, reference_data
from irtutor.charts.map_canvas import CountryMapView
from irtutor.charts.map_legend import Legend, swatch
from irtutor.core.grading import Outcome
from irtutor.core.kinds.map_selection import MapKey
from irtutor.core.questions import Response
from irtutor.qtkit.plain_text import plain_tooltip
from irtutor.ui.question_base import QuestionWidget

HOW_TO = "Click a country to select it or to clear it; or find it in the list and press Space."
SELECTED_COUNT = "{count} selected: {names}"
NONE_SELECTED = "Nothing selected yet."
YEAR = "The question is about {year}."
MARK_FILLS = {"right": map_style.RIGHT, "wrong": map_style.WRONG, "missed": map_style.MISSED}
MARK_WORDS = {"right": "✓ {name}", "wrong": "✗ {name} (wrong pick)", "missed": "? {name} (missed)"}


class MapSelectionQuestionWidget(QuestionWidget):
    key_type = MapKey

    def build(self) -> None:
        self.view = CountryMapView(reference_data().countries)
        self.view.setMinimumSize(320, 220)  # small screens: the page scrolls rather than the window growing
        self.names = {iso3: shape.name for iso3, shape in self.view.shapes.items()}
        for iso3, item in self.view.paths.items():
            item.setToolTip(plain_tooltip(self.names[iso3]))
        self.country_list = CountryList(self.names, checkable=True)
        self.country_list.setMaximumWidth(220)
        self.chosen: set[str] = set()
        self.locked = False
        self.marks: dict[str, str] = {}
        """After the answer: iso3 -> "right", "wrong" or "missed", as the map and the list show them."""
        self.status = QLabel(NONE_SELECTED)
        self.status.setWordWrap(True)
        self.legend = self._marks_legend()
        self.legend.hide()
        self._lay_out()
        self.view.sig_country_clicked.connect(self.toggle)
        self.country_list.sig_check_changed.connect(self._ticked)
        self.country_list.sig_current_changed.connect(self.view.focus_country)

    def _marks_legend(self) -> Legend:
        legend = Legend("Your answer")
        for mark, (colour, pattern, _symbol, words) in map_style.MARKS.items():
            legend.add_row(mark, swatch(colour, pattern, ink=QColor(colour).darker(170),
                                        dashed=mark == "missed"), words)
        return legend

    def _lay_out(self) -> None:
        sources = QLabel(map_sources())
        sources.setWordWrap(True)
        sources.setObjectName("map-caption")
        column = QVBoxLayout()
        column.addWidget(self.view, 1)
        column.addWidget(self.status)
        column.addWidget(sources)
        body = QHBoxLayout()
        body.addLayout(column, 1)
        side = QVBoxLayout()
        side.addWidget(self.country_list, 1)
        side.addWidget(self.legend)
        body.addLayout(side)
        outer = QVBoxLayout(self)
        outer.addWidget(self.prompt)
        hint = HOW_TO + (" " + YEAR.format(year=self.key.year) if self.key.year else "")
        how = QLabel(f"<i>{hint}</i>")
        how.setWordWrap(True)  # one long line would set the question's least width
        outer.addWidget(how)
        outer.addLayout(body, 1)

    def toggle(self, iso3: str) -> None:
        """Select a country if it is not selected, else clear it (a click on the map)."""
        if not self.locked:
            self._apply(self.chosen ^ {iso3})
            self.country_list.select(iso3)

    def _ticked(self, iso3: str, on: bool) -> None:
        self._apply(self.chosen | {iso3} if on else self.chosen - {iso3})

    def _apply(self, chosen: set[str]) -> None:
        if chosen == self.chosen:
            return
        self._show(chosen)
        self.emit_changed()

    def _show(self, chosen: set[str] | frozenset[str]) -> None:
        """Draw `chosen` on the map and in the list, without counting it as a change by the student."""
        self.chosen = {c for c in chosen if c in self.view.paths}
        self.view.set_fills(dict.fromkeys(self.chosen, map_style.SELECTED))
        self.country_list.set_checked(self.chosen)
        names = sorted(self.names[c] for c in self.chosen)
        self.status.setText(SELECTED_COUNT.format(count=len(names), names=", ".join(names)) if names
                            else NONE_SELECTED)

    def selection(self) -> Response:
        return Response(selected=frozenset(self.chosen))

    def set_response(self, response: Response) -> None:
        self._show(response.selected)

    def shown_verdicts(self) -> dict[str, str]:
        """The marks the map draws (fill and symbol per country), as the core gave them."""
        return {iso3: self.marks[iso3] for iso3 in self.view.marks}

    def show_answer(self, response: Response, outcome: Outcome) -> None:
        self._show(response.selected)
        self.locked = True
        self.country_list.lock()
        marks = {part.part: str(part.verdict) for part in outcome.parts if part.part in self.view.paths}
        self.view.set_fills({iso3: MARK_FILLS[mark] for iso3, mark in marks.items()})
        self.view.set_marks(marks)
        self.marks = marks
        for iso3, mark in marks.items():
            self.country_list.set_label(iso3, MARK_WORDS[mark].format(name=self.names[iso3]))
        self.legend.show()
        self.mark_answered()
