"""The progress dashboard: a student's standing per lesson, weakest topics, and item statistics."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from irtutor.charts.progress_charts import lesson_bars, score_history
from irtutor.core.lesson import Lesson
from irtutor.core.progress import ItemStatistics
from irtutor.services.progress import Dashboard
from irtutor.ui import messages
from irtutor.ui.safe_browser import SafeTextBrowser, lesson_page_href, lesson_page_target


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


def topic_words(slug: str) -> str:
    """A topic as written in quiz.yaml ("article-5") the way a student reads it ("Article 5")."""
    words = slug.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _questions(count: int) -> str:
    return "1 question" if count == 1 else f"{count} questions"


def _wrapped(title: str, width: int = 18) -> str:
    """A lesson title on at most three short lines, to stand under its bars without overlapping."""
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines[:2] + ([" ".join(lines[2:])[: width - 1] + "…"] if len(lines) > 3 else lines[2:3]))


def _fit_rows(table: QTableWidget, most: int = 10) -> None:
    """Tall enough for every row (up to `most`), so the student does not scroll a short table."""
    rows = min(table.rowCount(), most)
    height = table.horizontalHeader().height() + 2 * table.frameWidth() + 4
    height += sum(table.rowHeight(r) for r in range(rows))
    if table.horizontalScrollBar().isVisible():
        height += table.horizontalScrollBar().height()
    table.setMinimumHeight(height)


def _table(headers: list[str], rows: list[list[str]], name: str, stretch: int = 0) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setObjectName(name)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c > stretch:  # figures right-aligned; the text columns up to the stretched one read left
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    return table


class DashboardWindow(QDialog):
    sig_open_page = Signal(str, str)
    """The student followed a weak topic's link: (lesson id, page slug)."""

    def __init__(self, dashboard: Dashboard, items: list[ItemStatistics], lessons: list[Lesson],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(messages.DASHBOARD_TITLE)
        self.setObjectName("dashboard")
        self.resize(_fitted_size(self, 1000, 720))
        self.lessons_table = _table(
            ["Lesson", "Completion", "Mastery", "Best", "Last", "Attempts"],
            [[f"{n}. {p.title}", _percent(p.completion), _percent(p.mastery), _percent(p.best), _percent(p.last),
              str(len(p.history))] for n, p in enumerate(dashboard.lessons, start=1)], "Progress per lesson")
        self.topics = SafeTextBrowser()
        self.topics.setObjectName("weakest-topics")
        page_titles = {(lesson.id, page.slug): page.title for lesson in lessons for page in lesson.pages}
        self.topics.setHtml(self._topics_html(dashboard, page_titles))
        self.topics.link_activated.connect(self._on_topic_link)
        self.items_table = self._items_table(items, lessons)
        self.tabs = tabs = QTabWidget()
        tabs.addTab(self._progress_tab(dashboard), "&My progress")
        tabs.addTab(self._items_tab(), "&Question statistics")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)

    def _progress_tab(self, dashboard: Dashboard) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        scroll = QScrollArea()  # on a small screen the page scrolls; the table itself never has to
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(tab)
        explain = QLabel(messages.DASHBOARD_DEFINITIONS)
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addWidget(self.lessons_table)
        _fit_rows(self.lessons_table)
        self.bars = lesson_bars(dashboard.lessons)
        # Titles under the bars, wrapped, rather than the table's numbers alone.
        axis = self.bars.getAxis("bottom")
        axis.setTicks([[(n, _wrapped(p.title)) for n, p in enumerate(dashboard.lessons)]])
        axis.setHeight(QFontMetrics(self.bars.font()).height() * 3 + 16)  # three lines of title
        axis.setStyle(autoExpandTextSpace=True)
        self.bars.setLabel("bottom", "")
        self.history = score_history(dashboard.lessons)
        self.bars.setMinimumHeight(320)
        self.history.setMinimumHeight(260)
        self.topics.setMinimumHeight(120)
        layout.addWidget(self.bars, 2)
        layout.addWidget(self.history, 2)
        layout.addWidget(QLabel(f"<b>{messages.WEAKEST_TOPICS}</b>"))
        layout.addWidget(self.topics, 1)
        return scroll

    def _items_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        explain = QLabel(messages.ITEM_STATISTICS_DEFINITIONS)
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addWidget(self.items_table, 1)
        return tab

    @staticmethod
    def _items_table(items: list[ItemStatistics], lessons: list[Lesson]) -> QTableWidget:
        prompts = {(lesson.id, q.id): q.prompt for lesson in lessons for q in lesson.questions}
        ordered = sorted(items, key=lambda s: (s.discrimination is None, s.discrimination or 0.0))
        titles = {lesson.id: lesson.title for lesson in lessons}
        rows = [[titles.get(s.lesson_id, s.lesson_id), prompts.get((s.lesson_id, s.question_id), s.question_id),
                 str(s.attempts),
                 _percent(s.facility), _percent(s.discrimination)] for s in ordered]
        return _table(["Lesson", "Question", "Attempts", "Facility", "Discrimination"], rows, "Question statistics",
                      stretch=1)

    @staticmethod
    def _topics_html(dashboard: Dashboard, page_titles: dict[tuple[str, str], str]) -> str:
        if not dashboard.weakest_topics:
            return f"<p>{messages.NO_TOPICS_YET}</p>"
        rows = [f'<li><b>{html.escape(topic_words(t.topic))}</b>: {t.share_right:.0f}% right over '
                f'{_questions(t.answered)}. '
                f'<a href="{lesson_page_href(t.lesson_id, t.page)}">'
                f'{html.escape(messages.REVISE_PAGE.format(page=page_titles.get((t.lesson_id, t.page), t.page)))}'
                '</a></li>' for t in dashboard.weakest_topics]
        return "<ol>" + "".join(rows) + "</ol>"

    def _on_topic_link(self, href: str) -> None:
        target = lesson_page_target(href)
        if target is not None:
            self.sig_open_page.emit(*target)


def _fitted_size(widget: QWidget, width: int, height: int) -> QSize:
    """`width` x `height`, or less on a screen that has not that much room (a 1024x600 netbook)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    if room is None or room.isEmpty():
        return QSize(width, height)
    return QSize(min(width, room.width() * 92 // 100), min(height, room.height() * 90 // 100))
