"""The NATO enlargement map: members coloured by accession round, a year slider with play, a legend,
hover details, a searchable country list for the keyboard, sources, and export to PNG.

    python -m irtutor.charts.enlargement_map [YEAR]     # a quick look on its own
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from irtutor.charts import map_style
from irtutor.charts.country_list import CountryList
from irtutor.charts.map_canvas import CountryMapView
from irtutor.charts.map_legend import Legend, swatch
from irtutor.charts.map_membership import describe, round_counts, rounds_in_order
from irtutor.content.datasets import NATO_MEMBERS, NATURAL_EARTH, ReferenceData, load_reference_data
from irtutor.core.datasets import Member, members_on
from irtutor.paths import resource_dir

FIRST_YEAR = 1949
PLAY_INTERVAL_MS = 700
"""One year per 0.7 s: 1949 to today in about 50 s, slow enough to talk over on a projector."""
TITLE = "NATO members at the end of {year}: {count}"
JOINED = "Joined in {year}: {names}."
NOTHING_JOINED = "No country joined in {year}."
HINT = "Point at a country, or pick one in the list, for its accession date."
NOT_MEMBER = "Not a member"


def map_sources() -> str:
    """Both sources, one per line: the members and the borders."""
    return f"Members: {NATO_MEMBERS.caption()}\nBorders: {NATURAL_EARTH.caption()}"


def reference_data() -> ReferenceData:
    return load_reference_data(resource_dir() / "data")


class MapFigure(QWidget):
    """What is exported and projected: title, map, legend, details line and sources."""

    def __init__(self, view: CountryMapView, legend: Legend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("map-title")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel(HINT)
        self.details.setWordWrap(True)
        self.caption = QLabel(map_sources())
        self.caption.setObjectName("map-caption")
        self.caption.setWordWrap(True)
        small = QFont(self.caption.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.caption.setFont(small)
        body = QHBoxLayout()
        body.addWidget(view, 1)
        body.addWidget(legend, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.caption)
        self.setAutoFillBackground(True)

    def image(self, scale: float = 2.0) -> QPixmap:
        """The figure at `scale` times its screen size, sharp enough for a projector."""
        pixmap = QPixmap(self.size() * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(self.palette().window().color())
        self.render(pixmap)
        return pixmap


class EnlargementMap(QWidget):
    """NATO members by accession round in a chosen year, 1949 to today."""

    def __init__(self, data: ReferenceData | None = None, year: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data or reference_data()
        self.members: dict[str, Member] = {m.iso3: m for m in self.data.members}
        self.colours = {name: c.name() for name, c in map_style.round_colours(
            rounds_in_order(self.data.members)).items()}
        self.view = CountryMapView(self.data.countries)
        self.names = {iso3: shape.name for iso3, shape in self.view.shapes.items()}
        for iso3, item in self.view.paths.items():
            item.setToolTip(describe(self.names[iso3], self.members.get(iso3)))
        self.legend = self._build_legend()
        self.figure = MapFigure(self.view, self.legend)
        self.country_list = CountryList(self.names)
        self.country_list.setMaximumWidth(240)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(FIRST_YEAR, max(date.today().year, max(m.accession.year for m in self.data.members)))
        self.slider.setAccessibleName("Year")
        self.slider.setPageStep(5)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(10)
        self.year_label = QLabel()
        self.year_label.setMinimumWidth(48)
        self.play_button = QPushButton("▶ Play")
        self.play_button.setCheckable(True)
        self.reset_button = QPushButton("Reset view")
        self.export_button = QPushButton("Export PNG…")
        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_INTERVAL_MS)
        self.focused = ""
        self._lay_out()
        self.slider.setValue(year or self.slider.maximum())
        self.show_year(self.slider.value())
        self._connect()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_legend()

    def _fit_legend(self) -> None:
        """As many legend columns as the map's height needs, so the legend never pushes the figure
        taller than the page gives it (its parts would then be drawn over each other)."""
        room = max(self.view.height(), self.view.minimumHeight())
        columns = next((n for n in (1, 2, 3) if self.legend.height_for_columns(n) <= room), 3)
        self.legend.set_columns(columns)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the swatch shows non-members as the map draws them
            dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
            self.legend.swatches[NOT_MEMBER].setPixmap(swatch(map_style.shown(map_style.NON_MEMBER, dark)))

    def _build_legend(self) -> Legend:
        legend = Legend("Joined NATO in")
        for name, colour in self.colours.items():
            legend.add_row(name, swatch(colour), name)
        legend.add_row(NOT_MEMBER, swatch(map_style.NON_MEMBER), NOT_MEMBER)
        return legend

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.year_label)
        controls.addWidget(self.reset_button)
        controls.addWidget(self.export_button)
        left = QVBoxLayout()
        left.addWidget(self.figure, 1)
        left.addLayout(controls)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.country_list)

    def _connect(self) -> None:
        self.slider.valueChanged.connect(self.show_year)
        self.play_button.toggled.connect(self.play)
        self.timer.timeout.connect(self.step)
        self.reset_button.clicked.connect(self.view.reset_view)
        self.export_button.clicked.connect(self._ask_export)
        self.view.sig_country_hovered.connect(self._hovered)
        self.view.sig_country_clicked.connect(self.country_list.select)
        self.country_list.sig_current_changed.connect(self.focus_country)

    @property
    def year(self) -> int:
        return self.slider.value()

    def show_year(self, year: int) -> None:
        """Colour the members at the end of `year` by their round; only brushes change."""
        joined = members_on(self.data.members, date(year, 12, 31))  # the map of 1999 shows Poland (March 1999)
        self.view.set_fills({m.iso3: self.colours[m.round] for m in joined})
        for count in round_counts(self.data.members, year):
            self.legend.set_text(count.round, f"{count.round} ({count.members})" if count.joined else count.round,
                                 dim=not count.joined)
        self.figure.title.setText(TITLE.format(year=year, count=len(joined)))
        self.year_label.setText(str(year))
        new = [m.name for m in joined if m.accession.year == year]
        self.figure.details.setText(JOINED.format(year=year, names=", ".join(new)) if new
                                    else NOTHING_JOINED.format(year=year))
        if self.focused:
            self.focus_country(self.focused)

    def step(self) -> None:
        """One year on; playing stops at the last year."""
        if self.year >= self.slider.maximum():
            self.play_button.setChecked(False)
            return
        self.slider.setValue(self.year + 1)

    def play(self, on: bool) -> None:
        if on and self.year >= self.slider.maximum():
            self.slider.setValue(FIRST_YEAR)
        self.play_button.setText("⏸ Pause" if on else "▶ Play")
        self.timer.start() if on else self.timer.stop()

    def focus_country(self, iso3: str) -> None:
        """Outline a country and say when it joined (from the list or a click)."""
        self.focused = iso3
        self.view.focus_country(iso3)
        if iso3:
            self.figure.details.setText(describe(self.names[iso3], self.members.get(iso3), self.year))

    def _hovered(self, iso3: str) -> None:
        if iso3:
            self.figure.details.setText(describe(self.names[iso3], self.members.get(iso3), self.year))

    def export_png(self, path: Path, scale: float = 2.0) -> Path:
        """Save the figure (title, map, legend and sources) as a PNG at `scale` times screen size."""
        if not self.figure.image(scale).save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        return path

    def _ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export the map", f"nato-map-{self.year}.png", "PNG (*.png)")
        if name:
            self.export_png(Path(name))


def preview(year: int | None = None) -> EnlargementMap:
    widget = EnlargementMap(year=year)
    widget.resize(1200, 760)
    return widget


if __name__ == "__main__":
    app = QApplication(sys.argv)
    shown = preview(int(sys.argv[1]) if len(sys.argv) > 1 else None)
    shown.show()
    sys.exit(app.exec())
