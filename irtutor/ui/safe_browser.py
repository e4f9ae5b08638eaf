"""A QTextBrowser that shows lesson HTML and never fetches, opens or follows anything itself."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from irtutor.content.media import allowed_media
from irtutor.ui.media_image import media_image

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
    """Link clicks are reported, never followed; resources never load, but for one kind:

    with a `media_root` (a lesson folder), an image `media/name.png` that `irtutor.content.media`
    allows there is decoded from its checked bytes. No search paths, no file URLs.
    """

    link_activated = Signal(str)
    """An in-app link was clicked: `page:slug`, `term:name`, `cite:source-id` or `#anchor`."""

    def __init__(self, parent: QWidget | None = None, media_root: Path | None = None) -> None:
        super().__init__(parent)
        self.media_root = media_root
        """The lesson folder whose media/ images this pane may show; None: no images at all."""
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.document().setDefaultStyleSheet(STYLE)
        self.anchorClicked.connect(self._on_anchor_clicked)

    def loadResource(self, kind: int, name: QUrl) -> Any:
        # QTextDocument asks here for every <img>, style sheet and so on: the answer is no, but for
        # an allowed image of the lesson's media/ folder (checked again: the HTML is not trusted).
        is_image = int(getattr(kind, "value", kind)) == QTextDocument.ResourceType.ImageResource.value
        if not is_image or self.media_root is None or name.scheme():
            return None
        media = allowed_media(self.media_root, unquote(name.toString()))
        return None if media is None else media_image(media, self.image_width())

    def image_width(self) -> int:
        """The widest an image is shown: the text's width."""
        return max(120, int(self.viewport().width() - 2 * self.document().documentMargin()))

    def setSource(self, name: QUrl, kind: Any = None) -> None:
        # Navigation by source would read a file; the reader sets HTML itself.
        return

    def _on_anchor_clicked(self, url: QUrl) -> None:
        href = url.toString()
        if href.startswith("#"):
            self.scrollToAnchor(href[1:])
        self.link_activated.emit(href)
