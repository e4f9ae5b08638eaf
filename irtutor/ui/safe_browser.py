"""A QTextBrowser that shows lesson HTML and never fetches, opens or follows anything itself."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

STYLE = """
a { color: #1f5fa8; text-decoration: none; }
a.term { color: #1f5fa8; text-decoration: underline; }
a.cite { color: #8a4b00; }
span.address { color: #666666; }
span.image-alt { color: #666666; font-style: italic; }
blockquote { margin-left: 16px; color: #333333; }
h1 { font-size: 20pt; }
table { border-collapse: collapse; margin: 6px 0; }
th { background-color: #eef2f7; font-weight: bold; }
th, td { border: 1px solid #b8c2cc; padding: 4px 8px; vertical-align: top; }
"""


def lesson_page_href(lesson_id: str, page_slug: str) -> str:
    """A link to another lesson's page, for views that list pages of several lessons (escaped for HTML)."""
    return html.escape(f"page:{lesson_id}/{page_slug}")


def lesson_page_target(href: str) -> tuple[str, str] | None:
    """(lesson id, page slug) of a `lesson_page_href` link; None for any other link."""
    kind, _, target = href.partition(":")
    lesson_id, _, page = target.partition("/")
    return (lesson_id, page) if kind == "page" and lesson_id and page else None


class SafeTextBrowser(QTextBrowser):
    """Link clicks are reported, never followed; resources (images, style sheets) never load."""

    link_activated = Signal(str)
    """An in-app link was clicked: `page:slug`, `term:name`, `cite:source-id` or `#anchor`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.document().setDefaultStyleSheet(STYLE)
        self.anchorClicked.connect(self._on_anchor_clicked)

    def loadResource(self, kind: int, name: QUrl) -> Any:
        # QTextDocument asks here for every <img>, style sheet and so on: the answer is always no.
        return None

    def setSource(self, name: QUrl, kind: Any = None) -> None:
        # Navigation by source would read a file; the reader sets HTML itself.
        return

    def _on_anchor_clicked(self, url: QUrl) -> None:
        href = url.toString()
        if href.startswith("#"):
            self.scrollToAnchor(href[1:])
        self.link_activated.emit(href)
