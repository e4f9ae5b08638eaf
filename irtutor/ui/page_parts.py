"""A page with charts, maps or timelines in it: its text chunks and the widgets between them, in one scroll."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from irtutor.core.directives import Directive
from irtutor.ui.safe_browser import STYLE, SafeTextBrowser

FIGURE_HEIGHT = 460
"""A chart, map or timeline gets this much height where the page is tall enough (a projector);
on a shorter screen it gets the page's visible height, so it is always seen whole."""
FIGURE_GAP = 12
"""Room kept above and below a figure fitted to the page's height."""
MEASURE = 72
"""Characters a line of reading text holds at most: a comfortable measure (60-90 is readable)."""
DARK_STYLE = STYLE + """
a, a.term { color: #8ab4f8; }
a.cite { color: #f6b26b; }
span.address, span.image-alt { color: #9aa0a6; }
blockquote { color: #c8cacd; }
th { background-color: #2b2c2f; }
th, td { border: 1px solid #5f6368; }
"""
"""The lesson style's colours for a dark palette: links and notes that keep their contrast."""
_SAMPLE = "The North Atlantic Treaty was signed in Washington on 4 April 1949 by twelve states."


def char_width(metrics: QFontMetricsF) -> float:
    """The width of an average character of running English text (wider than `averageCharWidth`)."""
    return metrics.horizontalAdvance(_SAMPLE) / len(_SAMPLE)


class ColumnBrowser(SafeTextBrowser):
    """Lesson text in a centred column of `MEASURE` characters, however wide the window.

    The side margins belong to the document's root frame, so the column keeps the text box's
    background and its scrollbar stays at the window's edge.
    """

    def __init__(self, parent: QWidget | None = None, measure: int = MEASURE, media_root: Path | None = None) -> None:
        super().__init__(parent, media_root)
        self.measure = measure
        self._html = ""
        self._dark = False

    def _is_dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def column_width(self) -> float:
        return self.measure * char_width(QFontMetricsF(self.font()))

    def image_width(self) -> int:
        # The column, not the viewport: an image is decoded once per page, often before it is laid out.
        return int(self.column_width())

    def setHtml(self, text: str) -> None:
        self._html = text
        self._dark = self._is_dark()
        self.document().setDefaultStyleSheet(DARK_STYLE if self._dark else STYLE)
        super().setHtml(text)
        self._fit_column()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_column()
        elif event.type() == QEvent.Type.PaletteChange and self._is_dark() != self._dark:
            self.setHtml(self._html)  # the theme changed: the page again, in the other colours

    def _fit_column(self) -> None:
        document = self.document()
        frame = document.rootFrame()
        spare = self.viewport().width() - 2 * document.documentMargin() - self.column_width()
        side = max(0.0, spare / 2)
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) < 0.5 and abs(fmt.rightMargin() - side) < 0.5:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        frame.setFrameFormat(fmt)


class ChunkBrowser(ColumnBrowser):
    """A piece of page text as tall as its content, so the page scrolls as one."""

    def __init__(self, html: str, parent: QWidget | None = None, media_root: Path | None = None) -> None:
        super().__init__(parent, media_root=media_root)
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
                   key_filter: QObject | None = None, media_root: Path | None = None) -> None:
        """Replace what is shown with `parts`: HTML chunks as text, directives as `make_figure` builds them.

        The text shows images of `media_root`'s media/ folder (see `SafeTextBrowser`)."""
        container = QWidget()
        layout = QVBoxLayout(container)
        self.chunks, self.figures = [], []
        for part in parts:
            if isinstance(part, str):
                chunk = ChunkBrowser(part, media_root=media_root)
                chunk.link_activated.connect(self.link_activated)
                if key_filter is not None:
                    chunk.installEventFilter(key_filter)
                self.chunks.append(chunk)
                layout.addWidget(chunk)
            else:
                figure = make_figure(part)
                figure.setMinimumWidth(1)  # the page is as narrow as the window, never scrolled sideways
                self.figures.append(figure)
                layout.addWidget(figure)
        layout.addStretch(1)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(container)
        self._fit_figures()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_figures()

    def figure_height(self) -> int:
        """`FIGURE_HEIGHT`, or less where the visible page is shorter."""
        return max(120, min(FIGURE_HEIGHT, self.viewport().height() - 2 * FIGURE_GAP))

    def _fit_figures(self) -> None:
        height = self.figure_height()
        for figure in self.figures:
            figure.setFixedHeight(height)
