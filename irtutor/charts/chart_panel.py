"""A sourced chart in a widget: title, plots, notes, the source caption, and the controls around them.

The panel knows nothing about which chart it shows: a draw function puts items on each plot
and returns the hover targets, and the rows of `ChartData` feed the table and the CSV. Colours
follow the application palette; a palette change redraws, so light and dark both read.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from irtutor.charts.chart_data import ChartData, DataRow, Panel

RESET, SHOW_DATA, EXPORT_PNG, EXPORT_CSV = "Reset view", "Show data", "Export PNG…", "Export CSV…"
MIN_PLOT_HEIGHT = 150
"""Pixels of plot area a panel always gets. Small on purpose: a figure is fitted to the page's visible
height (a 1024x600 netbook leaves about 400 px), and a minimum above what is left draws the title,
notes and source over the plot. Where a page is taller the plot takes all the room there is."""
MIN_FITTED_PLOT_HEIGHT = 110
"""The least plot area a page too short for the wish still gives; below it a chart stops reading."""
STACKED_PLOT_HEIGHT = 100
"""Pixels of plot area each panel keeps when the panels stand one under the other."""
PANEL_MIN_WIDTH = 420
"""Pixels each panel needs across; with less, a two-panel chart stacks its panels."""
EXPORT_FAILED = "Could not write {path}: {error}"
TABLE_COLUMNS = ("Series", "Year or date", "Value", "Unit", "Estimate", "Source", "As of")
HOVER_PIXELS = 10
"""How far (in screen pixels) the mouse may be from a point and still show its value."""


@dataclass(frozen=True)
class Theme:
    """Colours taken from the widget's palette, so the chart matches a light or a dark desktop."""

    background: QColor
    foreground: QColor
    muted: QColor

    @classmethod
    def of(cls, palette: QPalette) -> Theme:
        bg, fg = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        muted = QColor((bg.red() + fg.red()) // 2, (bg.green() + fg.green()) // 2, (bg.blue() + fg.blue()) // 2)
        return cls(bg, fg, muted)

    @property
    def dark(self) -> bool:
        return self.background.lightness() < 128


@dataclass(frozen=True)
class HoverTarget:
    """A data rectangle (a bar) or point (x0 == x1, y0 == y1) whose row shows when the mouse is on it."""

    x0: float
    y0: float
    x1: float
    y1: float
    row: DataRow


Draw = Callable[[pg.PlotItem, Panel, ChartData, Theme], list[HoverTarget]]
"""Puts one panel's items on its plot, sets the initial view range, returns what hover can show."""


class ChartPanel(QWidget):
    hovered = Signal(str)
    """The exact value under the mouse, as its tooltip text; "" when the mouse leaves the data."""

    def __init__(self, chart: ChartData, draw: Draw, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart, self._draw_panel = chart, draw
        self.hover_text = ""
        self.setAccessibleName(chart.title)
        self.figure = QWidget(self)
        self.title = QLabel(chart.title, self.figure)
        self.graphics = pg.GraphicsLayoutWidget(self.figure)
        self.graphics.setAccessibleName(f"Chart: {chart.title}")
        self.notes = QLabel("\n".join(chart.notes), self.figure)
        self.caption = QLabel(self._caption_text(), self.figure)
        self.table = QTableView(self)
        self.buttons = self._make_buttons()
        self._lay_out()
        self._fill_table()
        self.draw()
        self._connect()

    def _make_buttons(self) -> dict[str, QPushButton]:
        buttons = {text: QPushButton(text, self) for text in (RESET, SHOW_DATA, EXPORT_PNG, EXPORT_CSV)}
        for text, button in buttons.items():
            button.setAccessibleName(text.rstrip("…"))
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        buttons[RESET].setToolTip("Back to the whole chart (R or Ctrl+0)")
        buttons[SHOW_DATA].setCheckable(True)
        return buttons

    def _lay_out(self) -> None:
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        for label in (self.title, self.notes, self.caption):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setVisible(bool(self.chart.notes))
        self.caption.setAccessibleName("Source")
        self.graphics.setMinimumHeight(MIN_PLOT_HEIGHT)
        figure = QVBoxLayout(self.figure)
        for widget in (self.title, self.graphics, self.notes, self.caption):
            figure.addWidget(widget)
        figure.setStretch(1, 1)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        self.table.setAccessibleName("Data shown in the chart")
        self.table.setVisible(False)
        outer = QVBoxLayout(self)
        outer.addWidget(self.figure, 1)
        outer.addLayout(row)
        outer.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.buttons[RESET].clicked.connect(self.reset_view)
        self.buttons[SHOW_DATA].toggled.connect(self.table.setVisible)
        self.buttons[EXPORT_PNG].clicked.connect(self._ask_png)
        self.buttons[EXPORT_CSV].clicked.connect(self._ask_csv)
        self.graphics.scene().sigMouseMoved.connect(self.hover_at)
        self.graphics.installEventFilter(self)
        for keys in ("R", "Ctrl+0"):
            shortcut = QShortcut(QKeySequence(keys), self, self.reset_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # Drawing ---------------------------------------------------------------------------------

    def draw(self) -> None:
        """(Re)draw every panel in the current palette's colours; keeps what reset returns to."""
        theme = Theme.of(self.palette())
        self.graphics.clear()
        self.graphics.setMinimumHeight(MIN_PLOT_HEIGHT)
        self.graphics.setBackground(theme.background)
        self.plots: list[pg.PlotItem] = []
        self.targets: list[list[HoverTarget]] = []
        for panel in self.chart.panels:
            plot = self.graphics.addPlot()
            _style(plot, panel, theme)
            self.targets.append(self._draw_panel(plot, panel, self.chart, theme))
            self.plots.append(plot)
        self._base_height = self.graphics.minimumHeight()  # a draw function may have asked for more
        self.home = [plot.getViewBox().viewRange() for plot in self.plots]
        self._columns = len(self.plots)
        self._arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The plot area's own resize (it comes after the layout gave it its width) re-arranges the panels."""
        if watched is self.graphics and event.type() == QEvent.Type.Resize and hasattr(self, "plots"):
            self._arrange()
            self._fit_axis_titles()
        return super().eventFilter(watched, event)

    def _arrange(self) -> None:
        """Panels side by side while each gets PANEL_MIN_WIDTH, else one under the other, so a narrow
        page never cuts a panel's bars, names or title."""
        columns = len(self.plots) if self.graphics.width() >= PANEL_MIN_WIDTH * len(self.plots) else 1
        if columns == self._columns:
            return
        self._columns = columns
        for plot in self.plots:
            self.graphics.ci.removeItem(plot)
        for index, plot in enumerate(self.plots):
            self.graphics.ci.addItem(plot, row=index // columns, col=index % columns)
        self._fit_plot_height()

    def _fit_plot_height(self) -> None:
        """The plots' wish (more for stacked panels or many names), cut to what the panel has left once its
        title, notes, source and buttons have their wrapped height: a minimum the panel cannot give
        would draw the notes over the plot. The names thin out and the data table has them all."""
        rows = math.ceil(len(self.plots) / max(1, self._columns))
        wish = max(self._base_height, STACKED_PLOT_HEIGHT * rows)
        width = self.figure.width() - 20
        words = sum(label.heightForWidth(width) + 6 for label in (self.title, self.notes, self.caption)
                    if label.isVisibleTo(self))
        buttons = max(b.sizeHint().height() for b in self.buttons.values()) + 12
        table = self.table.height() if self.table.isVisibleTo(self) else 0
        room = self.height() - words - buttons - table - 24
        self.graphics.setMinimumHeight(max(MIN_FITTED_PLOT_HEIGHT, min(wish, room)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if hasattr(self, "plots"):
            self._fit_plot_height()

    def _fit_axis_titles(self) -> None:
        """A vertical axis title longer than its plot is tall would run into the panel above; the chart's
        title already names the unit, so on a short page the axis keeps its numbers and drops its title."""
        rows = math.ceil(len(self.plots) / max(1, self._columns))
        plot_height = self.graphics.height() / rows - 40  # less the bottom axis and the panel title
        for plot in self.plots:
            axis = plot.getAxis("left")
            if not axis.labelText:
                continue
            metrics = QFontMetrics(axis.label.font())
            axis.showLabel(metrics.horizontalAdvance(axis.labelText + " " + (axis.labelUnits or "")) < plot_height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "home"):
            self.draw()  # the items carry their colours, so a new palette means new items

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """R or Ctrl+0 reaching the panel unhandled (the shortcuts need an active window) resets."""
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() == Qt.Key.Key_R
        if plain or (event.modifiers() == Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_0):
            self.reset_view()
        else:
            super().keyPressEvent(event)

    def reset_view(self) -> None:
        for plot, (x_range, y_range) in zip(self.plots, self.home, strict=True):
            box = plot.getViewBox()
            box.setRange(xRange=x_range, yRange=y_range, padding=0)
            box.sigResized.emit(box)  # ranges fitted to the plot's size in pixels are fitted to today's size

    # Hover -----------------------------------------------------------------------------------

    def hover_at(self, scene_pos: QPointF) -> None:
        """Show the exact value of the bar or point under `scene_pos` (scene coordinates)."""
        row = self.row_at(scene_pos)
        text = row.tooltip() if row else ""
        if text:
            view = self.graphics
            QToolTip.showText(view.mapToGlobal(view.mapFromScene(scene_pos)), text, view)
        elif self.hover_text:
            QToolTip.hideText()
        if text != self.hover_text:
            self.hover_text = text
            self.hovered.emit(text)

    def row_at(self, scene_pos: QPointF) -> DataRow | None:
        for plot, targets in zip(self.plots, self.targets, strict=True):
            box = plot.getViewBox()
            if not box.sceneBoundingRect().contains(scene_pos):
                continue
            best = min(((self._pixels_from(box, t, scene_pos), t.row) for t in targets),
                       default=None, key=lambda pair: pair[0])
            if best and best[0] <= HOVER_PIXELS:
                return best[1]
        return None

    @staticmethod
    def _pixels_from(box: pg.ViewBox, target: HoverTarget, scene_pos: QPointF) -> float:
        corner0 = box.mapViewToScene(QPointF(target.x0, target.y0))
        corner1 = box.mapViewToScene(QPointF(target.x1, target.y1))
        left, right = sorted((corner0.x(), corner1.x()))
        top, bottom = sorted((corner0.y(), corner1.y()))
        dx = max(left - scene_pos.x(), 0.0, scene_pos.x() - right)
        dy = max(top - scene_pos.y(), 0.0, scene_pos.y() - bottom)
        return (dx * dx + dy * dy) ** 0.5

    # Data and export -------------------------------------------------------------------------

    def _caption_text(self) -> str:
        panels = self.chart.panels
        if len(panels) == 1:
            return panels[0].provenance.caption()
        return "\n".join(f"{p.title}: {p.provenance.caption()}" for p in panels)

    def _fill_table(self) -> None:
        model = QStandardItemModel(0, len(TABLE_COLUMNS), self.table)
        model.setHorizontalHeaderLabels(list(TABLE_COLUMNS))
        for row in self.chart.rows:
            model.appendRow([QStandardItem(text) for text in _cells(row)])
        self.table.setModel(model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.resizeColumnsToContents()

    def export_png(self, path: Path | str) -> None:
        """The figure as the student sees it: title, plot, notes and source caption."""
        if not self.figure.grab().save(str(path), "PNG"):
            raise OSError(f"the PNG could not be written to {path}")

    def export_csv(self, path: Path | str) -> None:
        """Exactly the plotted rows, with their unit, estimate flag and source."""
        with Path(path).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([c.lower().replace(" ", "_") for c in TABLE_COLUMNS] + ["note"])
            for row in self.chart.rows:
                writer.writerow([*_cells(row), row.note])

    def _ask_png(self) -> None:
        self._ask("Export chart as PNG", "png", "PNG image (*.png)", self.export_png)

    def _ask_csv(self) -> None:
        self._ask("Export chart data as CSV", "csv", "CSV table (*.csv)", self.export_csv)

    def _ask(self, caption: str, suffix: str, filter_: str, write: Callable[[Path], None]) -> None:
        name, _ = QFileDialog.getSaveFileName(self, caption, f"{self.chart.name}.{suffix}", filter_)
        if not name:
            return
        try:
            write(Path(name))
        except OSError as error:
            QMessageBox.warning(self, caption, EXPORT_FAILED.format(path=name, error=error))


def _cells(row: DataRow) -> list[str]:
    source = f"{row.source.citation}, {row.source.edition}"
    return [row.series, row.when, f"{row.value:.6g}" if row.value < 1000 else f"{row.value:.0f}", row.unit,
            "yes" if row.estimate else "no", source, row.source.as_of]


def _style(plot: pg.PlotItem, panel: Panel, theme: Theme) -> None:
    """Axis colours, labels with units and a projector-sized font."""
    colour = theme.foreground.name()
    font = QFont()
    font.setPointSize(10)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(pg.mkPen(theme.muted))
        axis.setTextPen(pg.mkPen(theme.foreground))
        axis.setStyle(tickFont=font)
    if panel.title:
        plot.setTitle(panel.title, color=colour, size="11pt")
    for side, text in (("left", panel.y_label), ("bottom", panel.x_label)):
        if text:
            plot.setLabel(side, text, color=colour, **{"font-size": "10pt"})
    plot.showGrid(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
