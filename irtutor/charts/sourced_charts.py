"""The five charts a lesson page can place (`{chart} name key=value`), drawn from sourced rows.

    panel = build_chart("defence-spending", {"year": "2024"}, load_reference_data(folder))

Each draw function puts one panel's items on a plot, sets the view it resets to, and returns the
hover targets; `chart_data` decides what the rows are.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from itertools import pairwise

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QWidget

from irtutor.charts import chart_data
from irtutor.charts.chart_data import CORE_TARGET, GUIDELINE, ChartData, DataRow, Panel
from irtutor.charts.chart_panel import ChartPanel, HoverTarget, Theme
from irtutor.charts.palette import BLUE, ORANGE, SKY_BLUE, VERMILION
from irtutor.content.datasets import ReferenceData
from irtutor.core.datasets import year_fraction
from irtutor.core.directives import Directive

BANDS = ((CORE_TARGET, BLUE, f"{CORE_TARGET:g}% and above"),
         (GUIDELINE, SKY_BLUE, f"{GUIDELINE:g}% to {CORE_TARGET:g}%"),
         (float("-inf"), ORANGE, f"below {GUIDELINE:g}%"))
"""Bar colours by how a figure stands against the 2% guideline and the 3.5% core target."""
LABEL_STEP = 2.2
"""Vertical room (in members) each accession label takes, so stacked labels never overlap."""
LABEL_YEARS = 15
"""About the width of a label, in years of the time axis."""
SPENDING_MIN_HEIGHT = 200
"""Pixels for 31 allies: every third name at the least (the others are in the hover text and the data
table), and room above for the lines' labels; more would not fit a netbook's page."""
MEMBERSHIP_MIN_HEIGHT = 220
"""Pixels for the stacked accession labels: LABEL_STEP members must be a text line high."""


def _font(points: int = 10) -> QFont:
    font = QFont()
    font.setPointSize(points)
    return font


def _text(plot: pg.PlotItem, text: str, x: float, y: float, colour: QColor | str,
          anchor: tuple[float, float], points: int = 10) -> pg.TextItem:
    item = pg.TextItem(text, color=colour, anchor=anchor)
    item.setFont(_font(points))
    item.setPos(x, y)
    plot.addItem(item)
    return item


def _band(value: float) -> tuple[str, str]:
    return next((colour, label) for floor, colour, label in BANDS if value >= floor)


def _reference_lines(plot: pg.PlotItem, theme: Theme, angle: int) -> None:
    """The 2% guideline and the 3.5% core target, dashed, labelled at their end. On vertical lines the
    label sits left of its line, so the 3.5% label near the right edge is never cut off."""
    for value, text in ((GUIDELINE, f"{GUIDELINE:g}% guideline"), (CORE_TARGET, f"{CORE_TARGET:g}% core target")):
        line = pg.InfiniteLine(value, angle=angle, pen=pg.mkPen(theme.foreground, width=1.5,
                                                                style=Qt.PenStyle.DashLine),
                               label=text, labelOpts={"position": 0.99 if angle == 90 else 0.02,
                                                      "color": theme.foreground,
                                                      "anchors": [(1, 0), (1, 0)] if angle == 90 else [(0, 1), (0, 1)]})
        line.label.setFont(_font(9))
        plot.addItem(line)


def _bars(plot: pg.PlotItem, rows: Sequence[DataRow], positions: Sequence[float], theme: Theme,
          horizontal: bool, colour_of: Callable[[DataRow], tuple[str, str]]) -> list[HoverTarget]:
    """Bars coloured by `colour_of`, estimates hatched over; one legend entry per colour."""
    half = 0.36
    groups: dict[tuple[str, str], list[int]] = {}
    for index, row in enumerate(rows):
        groups.setdefault(colour_of(row), []).append(index)
    for (colour, label), indexes in groups.items():
        # Estimates keep their band's colour (a lighter blue would read as the next band) under a hatch.
        plot.addItem(_bar_item([positions[i] for i in indexes], [rows[i].value for i in indexes], half,
                               horizontal, brush=QColor(colour), pen=pg.mkPen(theme.background), name=label))
    estimates = [i for i, row in enumerate(rows) if row.estimate]
    if estimates:
        hatch = QBrush(theme.foreground, Qt.BrushStyle.BDiagPattern)
        plot.addItem(_bar_item([positions[i] for i in estimates], [rows[i].value for i in estimates], half,
                               horizontal, brush=hatch, pen=pg.mkPen(theme.foreground), name="estimate (hatched)"))
    if horizontal:
        return [HoverTarget(0, p - half, r.value, p + half, r) for p, r in zip(positions, rows, strict=True)]
    return [HoverTarget(p - half, 0, p + half, r.value, r) for p, r in zip(positions, rows, strict=True)]


def _bar_item(positions: list[float], values: list[float], half: float, horizontal: bool,
              **style: object) -> pg.BarGraphItem:
    if horizontal:
        return pg.BarGraphItem(x0=0, y=positions, height=2 * half, width=values, **style)
    return pg.BarGraphItem(x=positions, y0=0, width=2 * half, height=values, **style)


def _legend(plot: pg.PlotItem, theme: Theme, offset: tuple[int, int]) -> None:
    legend = plot.addLegend(offset=offset, labelTextColor=theme.foreground, labelTextSize="10pt",
                            brush=pg.mkBrush(theme.background), pen=pg.mkPen(theme.muted))
    legend.setZValue(10)


def _est(row: DataRow) -> str:
    return " (est.)" if row.estimate else ""


# The charts ------------------------------------------------------------------------------------


def draw_membership(plot: pg.PlotItem, panel: Panel, chart: ChartData, theme: Theme) -> list[HoverTarget]:
    """Member count as steps from 1949 to today; each accession labelled with its round and who joined."""
    rows = panel.rows
    end = max(year_fraction(date.today()), rows[-1].x + 1)
    xs, ys = [rows[0].x], [rows[0].value]
    for before, row in pairwise(rows):
        xs += [row.x, row.x]
        ys += [before.value, row.value]
    colour = SKY_BLUE if theme.dark else BLUE  # the darker blue sinks into a dark background
    plot.plot([*xs, end], [*ys, rows[-1].value], pen=pg.mkPen(colour, width=3), antialias=True)
    plot.plot([r.x for r in rows], [r.value for r in rows], pen=None, symbol="o", symbolSize=8,
              symbolBrush=colour, symbolPen=pg.mkPen(theme.background))
    top = _accession_labels(plot, rows, theme)
    _need_height(plot, MEMBERSHIP_MIN_HEIGHT)
    plot.setXRange(rows[0].x - 3, end + 1, padding=0)
    plot.setYRange(0, top + LABEL_STEP, padding=0)
    return [HoverTarget(r.x, r.value, r.x, r.value, r) for r in rows]


def _accession_labels(plot: pg.PlotItem, rows: Sequence[DataRow], theme: Theme) -> float:
    """Each round labelled where the step leaves room: right of it when the next round is far off,
    below it near 1949 (the left edge would clip), else left of and above it, stacked upwards where
    rounds are close. Returns the top of the highest label."""
    previous = float("-inf")
    for index, row in enumerate(rows):
        round_name, joined = row.note.split(": ", 1)
        names = joined.split(", ")
        who = ", ".join(names) if len(names) <= 3 else f"{len(names)} states"
        text = f"{round_name} +{who} → {row.value:g}"
        later = rows[index + 1].x if index + 1 < len(rows) else row.x
        if round_name.startswith("founding"):
            _text(plot, f"1949: {len(names)} founding members", row.x + 0.5, row.value, theme.foreground, (0, 0))
        elif later - row.x >= LABEL_YEARS:
            _text(plot, text, row.x + 0.5, row.value + 0.2, theme.foreground, (0, 1))
        elif row.x - rows[0].x < LABEL_YEARS:  # under the step is empty: the curve only rises to the right
            _text(plot, text, row.x + 0.5, row.value, theme.foreground, (0, 0))
        else:
            y = max(row.value + 0.2, previous + LABEL_STEP)
            _text(plot, text, row.x - 0.3, y, theme.foreground, (1, 1))
            if y > row.value + 0.5:
                plot.plot([row.x - 0.3, row.x], [y - 0.3, row.value], pen=pg.mkPen(theme.muted, width=1))
            previous = y
    return max(previous, rows[-1].value)


def draw_spending(plot: pg.PlotItem, panel: Panel, chart: ChartData, theme: Theme) -> list[HoverTarget]:
    """Horizontal bars, highest at the top, ally names on the left axis; 2% and 3.5% lines."""
    rows = panel.rows
    positions = [len(rows) - 1 - i for i in range(len(rows))]
    _legend(plot, theme, (-10, -10))
    targets = _bars(plot, rows, positions, theme, True, lambda r: _band(r.value))
    _reference_lines(plot, theme, 90)
    axis = plot.getAxis("left")
    names = [(p, r.series + _est(r)) for p, r in zip(positions, rows, strict=True)]
    axis.setStyle(hideOverlappingLabels=False)
    axis.setWidth(max(QFontMetrics(_font()).horizontalAdvance(name) for _, name in names) + 16)
    _need_height(plot, SPENDING_MIN_HEIGHT)
    _thin_names(plot, names)
    plot.setXRange(0, max(max(r.value for r in rows), CORE_TARGET) * 1.08, padding=0)
    plot.setYRange(-0.7, len(rows) + 1.2, padding=0)  # the top rows are room for the lines' labels
    return targets


def _need_height(plot: pg.PlotItem, pixels: int) -> None:
    """At least `pixels` for the whole plot area, so stacked labels keep their room."""
    view = plot.getViewWidget()
    if view is not None:
        view.setMinimumHeight(max(view.minimumHeight(), pixels))


def _thin_names(plot: pg.PlotItem, names: Sequence[tuple[float, str]], side: str = "left") -> None:
    """Every tick name while the ticks (one unit apart) have room for them; else every second (third...)
    from the first, so names never overlap. The hidden names are in the hover text and the data table."""
    box, axis, metrics = plot.getViewBox(), plot.getAxis(side), QFontMetrics(_font())
    room = metrics.height() if side == "left" else max(metrics.horizontalAdvance(n) for _, n in names) + 8

    def fit() -> None:
        low, high = box.viewRange()[1 if side == "left" else 0]
        per_unit = (box.height() if side == "left" else box.width()) / max(high - low, 1e-9)
        step = max(1, math.ceil(room / max(per_unit, 1e-9)))
        axis.setTicks([[name for index, name in enumerate(names) if index % step == 0]])

    box.sigResized.connect(fit)
    box.sigRangeChanged.connect(fit)
    fit()


def draw_ally(plot: pg.PlotItem, panel: Panel, chart: ChartData, theme: Theme) -> list[HoverTarget]:
    """One bar per year, estimates hatched; 2% and 3.5% lines; headroom above for the legend."""
    rows = panel.rows
    _legend(plot, theme, (10, 10))
    legend = plot.legend
    legend.setColumnCount(2)  # four in a row run past the right edge of a narrow page
    targets = _bars(plot, rows, [r.x for r in rows], theme, False, lambda r: _band(r.value))
    _reference_lines(plot, theme, 0)
    _thin_names(plot, [(r.x, r.when + ("*" if r.estimate else "")) for r in rows], "bottom")
    plot.setXRange(rows[0].x - 0.7, rows[-1].x + 0.7, padding=0)
    plot.setYRange(0, max(max(r.value for r in rows), CORE_TARGET) * 1.3, padding=0)
    return targets


def draw_ppp(plot: pg.PlotItem, panel: Panel, chart: ChartData, theme: Theme) -> list[HoverTarget]:
    """A line per group; estimate years as hollow points; the crossing as a labelled vertical line."""
    _legend(plot, theme, (-10, 10))
    for colour, series in ((BLUE, "G7"), (VERMILION, "BRICS-5")):
        rows = [r for r in panel.rows if r.series == series]
        brushes = [pg.mkBrush(theme.background if r.estimate else colour) for r in rows]
        plot.plot([r.x for r in rows], [r.value for r in rows], pen=pg.mkPen(colour, width=3), symbol="o",
                  symbolSize=7, symbolBrush=brushes, symbolPen=pg.mkPen(colour, width=1.5),
                  name=series,
                  antialias=True)
    crossing = chart.marks.get("crossing")
    if crossing is not None:
        line = pg.InfiniteLine(crossing, angle=90, pen=pg.mkPen(theme.foreground, style=Qt.PenStyle.DotLine),
                               label=f"BRICS-5 larger from {crossing:.0f}",
                               labelOpts={"position": 0.1, "color": theme.foreground, "anchors": [(1, 1), (1, 1)]})
        line.label.setFont(_font(10))
        plot.addItem(line)
    xs = [r.x for r in panel.rows]
    plot.setXRange(min(xs) - 0.5, max(xs) + 0.5, padding=0)
    plot.setYRange(0, max(r.value for r in panel.rows) * 1.15, padding=0)
    return [HoverTarget(r.x, r.value, r.x, r.value, r) for r in panel.rows]


def draw_nominal(plot: pg.PlotItem, panel: Panel, chart: ChartData, theme: Theme) -> list[HoverTarget]:
    """Bars per economy with their value on top; California in its own colour; both panels share a scale."""
    rows = panel.rows
    positions = list(range(len(rows)))
    targets = _bars(plot, rows, positions, theme, False,
                    lambda r: (ORANGE, "US state") if "California" in r.series else (BLUE, "country"))
    labels = [(_text(plot, f"{row.value:.2f}", position, row.value, theme.foreground, (0.5, 1)), row.value)
              for position, row in zip(positions, rows, strict=True)]
    every = all(r.estimate for r in rows)  # then the panel title says so, and the names stay short
    names = [(p, r.series.replace(" (US state)", "") + ("" if every else _est(r))) for p, r in zip(positions, rows,
                                                                                                strict=True)]
    axis = plot.getAxis("bottom")
    axis.setTicks([names])
    axis.setStyle(hideOverlappingLabels=False)  # the first name may reach a little under the left axis
    top = max(r.value for r in chart.rows)
    plot.setXRange(-0.7, len(rows) - 0.3, padding=0)
    plot.hideAxis("left")  # every bar says its value and the title the unit; a short panel's ticks only crowd
    _room_above(plot, top, QFontMetrics(_font()).height() + 12, labels)
    return targets


def _room_above(plot: pg.PlotItem, top: float, pixels: int, labels: Sequence[tuple[pg.TextItem, float]]) -> None:
    """Y from 0 to `top`, and `pixels` above it for the value labels, at whatever height the plot has:
    a fixed share (12%) left a label cut off once a short page squeezed the plot. On a very short plot
    a tall bar's label goes inside the bar's top instead, in the bar's light text."""
    box = plot.getViewBox()

    def fit() -> None:
        height = box.boundingRect().height()
        share = min(0.4, pixels / height) if height > pixels else 0.12
        ceiling = top / (1 - share)
        box.setYRange(0, ceiling, padding=0)
        for item, value in labels:
            bar = value / ceiling * height
            inside = bar > pixels and height - bar < pixels
            item.setAnchor((0.5, 0) if inside else (0.5, 1))
            item.setColor(QColor("white") if inside else labels_colour)

    labels_colour = labels[0][0].color if labels else QColor("black")
    box.sigResized.connect(lambda *_: fit())
    fit()


CHARTS: dict[str, tuple[Callable[[ReferenceData, dict[str, str]], ChartData], Callable[..., list[HoverTarget]]]] = {
    "nato-membership": (lambda data, p: chart_data.membership(data), draw_membership),
    "defence-spending": (lambda data, p: chart_data.defence_spending(data, _int(p, "year")), draw_spending),
    "defence-spending-ally": (lambda data, p: chart_data.defence_spending_ally(data, p.get("ally")), draw_ally),
    "g7-brics-ppp": (lambda data, p: chart_data.g7_brics_ppp(data, _int(p, "from"), _int(p, "to")), draw_ppp),
    "nominal-gdp": (lambda data, p: chart_data.nominal_gdp(data, _int(p, "year")), draw_nominal),
}


def _int(params: dict[str, str], name: str) -> int | None:
    return int(params[name]) if params.get(name) else None


def build_chart(directive_or_name: Directive | str, params: dict[str, str] | None, data: ReferenceData,
                parent: QWidget | None = None) -> ChartPanel:
    """The chart a `{chart}` directive names, with its parameters; raises ChartError for missing data."""
    if isinstance(directive_or_name, str):
        name, given = directive_or_name, dict(params or {})
    else:
        name, given = directive_or_name.target, {**dict(directive_or_name.params), **(params or {})}
    if name not in CHARTS:
        raise chart_data.ChartError(f"no chart called '{name}'; known: {', '.join(CHARTS)}")
    rows_of, draw = CHARTS[name]
    return ChartPanel(rows_of(data, given), draw, parent)
