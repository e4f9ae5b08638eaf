"""How each page figure's widget is built, keyed like `core.figures.FIGURES` by (directive, target).

    widget = build_figure(("chart", "defence-spending"), {"year": "2024"}, data)

The core registry says what exists and which parameters it takes; this says how to draw it.
A test checks that the two list the same figures, so a figure added to one and not the other
fails at once instead of when a page shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from irtutor.charts.chart_data import ChartError
from irtutor.charts.enlargement_map import EnlargementMap
from irtutor.charts.sourced_charts import CHARTS, build_chart
from irtutor.charts.timeline import TimelineView
from irtutor.content.datasets import ReferenceData
from irtutor.core.lesson import Lesson


@dataclass(frozen=True)
class FigureInputs:
    """What a builder gets: the figure's parameters as written, the reference data, and the course."""

    params: dict[str, str]
    data: ReferenceData
    course: Sequence[Lesson] = ()
    """Every lesson, for figures that link to lesson pages (the timeline)."""

    def year(self, name: str) -> int | None:
        """A year parameter (already checked by the core), or None when not given."""
        text = self.params.get(name)
        return int(text) if text else None


FigureBuilder = Callable[[FigureInputs], QWidget]
BUILDERS: dict[tuple[str, str], FigureBuilder] = {}


def builds(directive: str, target: str) -> Callable[[FigureBuilder], FigureBuilder]:
    """Register the decorated function as the builder of `{directive} target`."""
    def register(builder: FigureBuilder) -> FigureBuilder:
        BUILDERS[(directive, target)] = builder
        return builder
    return register


def build_figure(key: tuple[str, str], params: dict[str, str], data: ReferenceData,
                 course: Sequence[Lesson] = ()) -> QWidget:
    """The widget for figure `key`; raises ChartError when no builder is registered for it."""
    builder = BUILDERS.get(key)
    if builder is None:
        raise ChartError(f"no widget is registered for {{{key[0]}}} {key[1]}")
    return builder(FigureInputs(params, data, course))


def _chart_builder(name: str) -> FigureBuilder:
    return lambda given: build_chart(name, given.params, given.data)


for _name in CHARTS:
    builds("chart", _name)(_chart_builder(_name))


@builds("map", "enlargement")
def _enlargement_map(given: FigureInputs) -> QWidget:
    return EnlargementMap(given.data, year=given.year("year"))


@builds("timeline", "events")
def _timeline(given: FigureInputs) -> QWidget:
    tags = frozenset(t for t in given.params.get("tags", "").split(",") if t)
    return TimelineView(given.data.events, given.course, tags=tags, years=(given.year("from"), given.year("to")))
