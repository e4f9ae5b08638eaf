"""The progress dashboard's charts: mastery per lesson and score over time."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from irtutor.charts.chart_panel import Theme
from irtutor.charts.palette import BLUE, GREEN, OKABE_ITO, ORANGE, SKY_BLUE
from irtutor.core.progress import LessonProgress

MIN_SPAN_SECONDS = 24 * 3600
MEASURES = (("completion", "Completion", BLUE), ("mastery", "Mastery", GREEN), ("best", "Best score", ORANGE))


def lesson_bars(progress: Sequence[LessonProgress], parent: QWidget | None = None) -> pg.PlotWidget:
    """Grouped bars per lesson: completion, mastery and best score, in percent."""
    theme = _theme(parent)
    plot = pg.PlotWidget(parent=parent, background=theme.background)
    _style(plot, theme, "Your progress per lesson (%)")
    plot.setLabel("left", "percent")
    plot.setYRange(0, 105)
    plot.setXRange(-0.6, len(progress) - 0.4)
    plot.addLegend(offset=(-10, 10), labelTextColor=theme.foreground)
    width = 0.8 / len(MEASURES)
    for index, (field, label, colour) in enumerate(MEASURES):
        xs = [n + (index - 1) * width for n in range(len(progress))]
        heights = [getattr(p, field) or 0.0 for p in progress]
        if theme.dark and colour == BLUE:
            colour = SKY_BLUE  # the darker blue sinks into a dark background
        plot.addItem(pg.BarGraphItem(x=xs, height=heights, width=width, brush=colour, name=label))
    axis = plot.getAxis("bottom")
    # Numbers, not titles: nine titles side by side overlap; the table beside the chart numbers them too.
    axis.setTicks([[(n, str(n + 1)) for n in range(len(progress))]])
    plot.setLabel("bottom", "lesson (numbered as in the table)")
    plot.setMouseEnabled(x=False, y=False)
    return plot


def score_history(progress: Sequence[LessonProgress], parent: QWidget | None = None) -> pg.PlotWidget:
    """One line per lesson: the score of each finished attempt over time."""
    theme = _theme(parent)
    plot = pg.PlotWidget(parent=parent, background=theme.background, axisItems={"bottom": pg.DateAxisItem()})
    _style(plot, theme, "Score of each finished attempt (%)")
    plot.setLabel("left", "percent")
    plot.setYRange(0, 105)
    plot.setLabel("bottom", "finished")
    plot.addLegend(offset=(-10, 10), labelTextColor=theme.foreground)
    # finished_at is aware UTC (storage.utc), so timestamp() is the instant itself, whatever the
    # zone; DateAxisItem then labels it on the computer's clock (tests/ui/test_local_times.py).
    times = [h.finished_at.timestamp() for p in progress for h in p.history]
    if times and max(times) - min(times) < MIN_SPAN_SECONDS:
        # Attempts minutes apart would otherwise get ticks in fractions of a second.
        middle = (max(times) + min(times)) / 2
        plot.setXRange(middle - MIN_SPAN_SECONDS / 2, middle + MIN_SPAN_SECONDS / 2, padding=0)
    for index, lesson in enumerate(p for p in progress if p.history):
        colour = OKABE_ITO[index % len(OKABE_ITO)]
        xs = [h.finished_at.timestamp() for h in lesson.history]
        ys = [h.percent for h in lesson.history]
        plot.plot(xs, ys, pen=pg.mkPen(colour, width=2), symbol="o", symbolBrush=colour, name=_short(lesson.title))
    return plot


def _short(title: str, limit: int = 24) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _theme(parent: QWidget | None) -> Theme:
    """The colours of the parent's palette, or the application's: the dashboard follows a dark desktop."""
    palette: QPalette = parent.palette() if parent is not None else QApplication.palette()
    return Theme.of(palette)


def _style(plot: pg.PlotWidget, theme: Theme, title: str) -> None:
    plot.setTitle(title, color=theme.foreground.name())
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(pg.mkPen(theme.muted))
        axis.setTextPen(pg.mkPen(theme.foreground))
