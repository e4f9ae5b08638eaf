"""The widget a page directive places, built by the figure's registered builder (charts.figure_builders).

Built when the page is shown, so pyqtgraph and the reference data load only for pages that
have figures. A figure that cannot be built becomes a message saying what and where; the rest
of the page is still shown.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from irtutor.core.directives import Directive
from irtutor.core.lesson import Lesson

log = logging.getLogger(__name__)
FIGURE_FAILED = "<b>This figure could not be shown</b> ({where}): {error}"


def make_directive_widget(directive: Directive, lesson: Lesson, page_slug: str, course: Sequence[Lesson] = (),
                          parent: QWidget | None = None) -> QWidget:
    """The figure `directive` places; `course` is every lesson, for the timeline's links to them."""
    try:
        widget = _build(directive, course)
    except Exception as exc:  # a figure must never take the page (or the app) down with it
        where = f"{Path(lesson.folder) / page_slug}.md:{directive.line}"
        log.exception("figure at %s failed", where)
        error = html.escape(str(exc) or type(exc).__name__)
        label = QLabel(FIGURE_FAILED.format(where=html.escape(where), error=error))
        label.setObjectName("figure-failed")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        widget = label
    widget.setAccessibleDescription(f"{directive.kind}: {directive.target}")
    if parent is not None:
        widget.setParent(parent)
    return widget


def _build(directive: Directive, course: Sequence[Lesson]) -> QWidget:
    # Imported here: pyqtgraph and the reference data load only for pages that have figures.
    from irtutor.charts.figure_builders import build_figure
    from irtutor.content.datasets import load_reference_data
    from irtutor.paths import resource_dir

    data = load_reference_data(resource_dir() / "data")
    return build_figure(directive.key, dict(directive.params), data, course)
