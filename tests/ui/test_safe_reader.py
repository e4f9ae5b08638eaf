"""The real reading pane on a hostile lesson: nothing is fetched, opened or followed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextCharFormat, QTextImageFormat
from pytestqt.qtbot import QtBot

from irtutor.content.lesson_loader import load_lesson
from irtutor.ui.lesson_reader import LessonReader
from tests.content.minimal_lesson import write_lesson
from tests.content.test_safe_rendering import HOSTILE_PAGE


class UrlOpenRecorder(QObject):
    """Registered with Qt as the handler for every scheme: records any attempt to open a URL."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def char_formats(reader: LessonReader) -> list[QTextCharFormat]:
    formats = []
    block = reader.text.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            formats.append(iterator.fragment().charFormat())
            iterator += 1
        block = block.next()
    return formats


def hostile_reader(qtbot: QtBot, tmp_path: Path) -> tuple[LessonReader, Path]:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    page = HOSTILE_PAGE + f"\n[secret](file://{secret}) ![secret]({secret})\n"
    lesson, problems = load_lesson(write_lesson(tmp_path, {"02-hostile.md": page}), spare_parts=True)
    assert lesson is not None, problems
    reader = LessonReader(lesson)
    qtbot.addWidget(reader)
    reader.show()
    reader.show_page(1)
    return reader, secret


def test_no_images_and_only_in_app_anchors(qtbot: QtBot, tmp_path: Path) -> None:
    reader, _ = hostile_reader(qtbot, tmp_path)
    formats = char_formats(reader)
    assert not any(f.isImageFormat() or isinstance(f, QTextImageFormat) for f in formats)
    anchors = {f.anchorHref() for f in formats if f.isAnchor()}
    assert anchors == {"page:01-intro", "term:Article%205", "cite:src"}
    assert "TOP-SECRET-CONTENT" not in reader.text.toPlainText()


def test_clicked_links_never_open_or_load_anything(qtbot: QtBot, tmp_path: Path) -> None:
    reader, secret = hostile_reader(qtbot, tmp_path)
    recorder = UrlOpenRecorder()
    schemes = ["http", "https", "file", "javascript", "mailto"]
    for scheme in schemes:
        QDesktopServices.setUrlHandler(scheme, recorder, "handle")
    try:
        before = reader.text.toHtml()
        for url in ["https://example.invalid/", "file://" + str(secret), "javascript:alert(1)"]:
            reader.text.anchorClicked.emit(QUrl(url))
            reader.text.setSource(QUrl(url))
        assert recorder.opened == []
        assert reader.text.toHtml() == before
        assert reader.text.source().isEmpty()
        assert reader.text.loadResource(0, QUrl.fromLocalFile(str(secret))) is None
    finally:
        for scheme in schemes:
            QDesktopServices.unsetUrlHandler(scheme)


def test_in_app_links_work(qtbot: QtBot, tmp_path: Path) -> None:
    reader, _ = hostile_reader(qtbot, tmp_path)
    reader.text.anchorClicked.emit(QUrl("page:01-intro"))
    assert reader.page_index == 0
