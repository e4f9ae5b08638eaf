"""The progress dashboard's charts: mastery per lesson and score over time."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from irtutor.charts.palette import BLUE, GREEN, OKABE_ITO, ORANGE
from irtutor.core.progress import LessonProgress

MIN_SPAN_SECONDS = 24 * 3600
MEASURES = (("completion", "Completion", BLUE), ("mastery", "Mastery", GREEN), ("best", "Best score", ORANGE))


def lesson_bars(progress: Sequence[LessonProgress], parent: QWidget | None = None) -> pg.PlotWidget:
    """Grouped bars per lesson: completion, mastery and best score, in percent."""
    plot = pg.PlotWidget(parent=parent, background="w")
    plot.setTitle("Your progress per lesson (%)", color="k")
    plot.setLabel("left", "percent")
    plot.setYRange(0, 105)
    plot.setXRange(-0.6, len(progress) - 0.4)
    plot.addLegend(offset=(-10, 10))
    width = 0.8 / len(MEASURES)
    for index, (field, label, colour) in enumerate(MEASURES):
        xs = [n + (index - 1) * width for n in range(len(progress))]
        heights = [getattr(p, field) or 0.0 for p in progress]
        plot.addItem(pg.BarGraphItem(x=xs, height=heights, width=width, brush=colour, name=label))
    axis = plot.getAxis("bottom")
    # Numbers, not titles: nine titles side by side overlap; the table beside the chart numbers them too.
    axis.setTicks([[(n, str(n + 1)) for n in range(len(progress))]])
    plot.setLabel("bottom", "lesson (numbered as in the table)")
    plot.setMouseEnabled(x=False, y=False)
    return plot


def score_history(progress: Sequence[LessonProgress], parent: QWidget | None = None) -> pg.PlotWidget:
    """One line per lesson: the score of each finished attempt over time."""
    plot = pg.PlotWidget(parent=parent, background="w", axisItems={"bottom": pg.DateAxisItem()})
    plot.setTitle("Score of each finished attempt (%)", color="k")
    plot.setLabel("left", "percent")
    plot.setYRange(0, 105)
    plot.setLabel("bottom", "finished")
    plot.addLegend(offset=(-10, 10))
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
