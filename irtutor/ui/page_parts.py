"""A page with charts, maps or timelines in it: its text chunks and the widgets between them, in one scroll."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from irtutor.core.directives import Directive
from irtutor.ui.safe_browser import SafeTextBrowser

FIGURE_HEIGHT = 460
"""A chart, map or timeline gets this much height: enough for a projector, with text around it."""


class ChunkBrowser(SafeTextBrowser):
    """A piece of page text as tall as its content, so the page scrolls as one."""

    def __init__(self, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self.setHtml(html)

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        self.setFixedHeight(int(self.document().size().height()) + margins.top() + margins.bottom() + 4)


class PagePartsView(QScrollArea):
    link_activated = Signal(str)
    """A link in one of the text chunks was clicked (same hrefs as SafeTextBrowser)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setObjectName("page-parts")
        self.setAccessibleName("Lesson page")
        self.chunks: list[ChunkBrowser] = []
        self.figures: list[QWidget] = []

    def show_parts(self, parts: tuple[str | Directive, ...], make_figure: Callable[[Directive], QWidget],
                   key_filter: QObject | None = None) -> None:
        """Replace what is shown with `parts`: HTML chunks as text, directives as `make_figure` builds them."""
        container = QWidget()
        layout = QVBoxLayout(container)
        self.chunks, self.figures = [], []
        for part in parts:
            if isinstance(part, str):
                chunk = ChunkBrowser(part)
                chunk.link_activated.connect(self.link_activated)
                if key_filter is not None:
                    chunk.installEventFilter(key_filter)
                self.chunks.append(chunk)
                layout.addWidget(chunk)
            else:
                figure = make_figure(part)
                figure.setMinimumHeight(FIGURE_HEIGHT)
                self.figures.append(figure)
                layout.addWidget(figure)
        layout.addStretch(1)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(container)
