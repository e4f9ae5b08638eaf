"""The course glossary: search every lesson's key terms, read the definitions, open the page that teaches one."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from irtutor.services.glossary import GlossaryEntry, matching
from irtutor.ui import messages
from irtutor.ui.safe_browser import SafeTextBrowser, lesson_page_href, lesson_page_target


class GlossaryView(QDialog):
    sig_open_page = Signal(str, str)
    """A page link was followed: (lesson id, page slug)."""

    def __init__(self, entries: list[GlossaryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(messages.GLOSSARY_TITLE)
        self.setObjectName("glossary")
        self.resize(860, 560)
        self.entries = entries
        self.search = QLineEdit()
        self.search.setPlaceholderText(messages.GLOSSARY_SEARCH)
        self.search.setAccessibleName(messages.GLOSSARY_SEARCH)
        self.search.setClearButtonEnabled(True)
        self.terms = QListWidget()
        self.terms.setAccessibleName("Key terms")
        self.detail = SafeTextBrowser()
        self.detail.setAccessibleName("Definition")
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.terms, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.detail, 2)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.terms.setFocus)
        self.terms.currentItemChanged.connect(self._show)
        self.detail.link_activated.connect(self._on_link)
        self._filter("")

    def _filter(self, query: str) -> None:
        self.terms.clear()
        for entry in matching(self.entries, query):
            item = QListWidgetItem(entry.term)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.terms.addItem(item)
        if self.terms.count():
            self.terms.setCurrentRow(0)
        else:
            self.detail.setHtml(f"<p>{messages.GLOSSARY_NONE}</p>")

    def _show(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        entry: GlossaryEntry = item.data(Qt.ItemDataRole.UserRole)
        parts = [f"<h2>{html.escape(entry.term)}</h2>"]
        for use in entry.uses:
            links = ", ".join(f'<a href="{lesson_page_href(use.lesson_id, slug)}">'
                              f"{html.escape(title)}</a>" for slug, title in use.pages)
            parts.append(f"<p>{html.escape(use.definition)}</p><p><i>{html.escape(use.lesson_title)}</i>"
                         + (f" · {messages.GLOSSARY_TAUGHT_ON} {links}" if links else "") + "</p>")
        self.detail.setHtml("".join(parts))

    def _on_link(self, href: str) -> None:
        target = lesson_page_target(href)
        if target is not None:
            self.sig_open_page.emit(*target)
