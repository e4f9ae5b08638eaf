"""The reading pane shows a lesson's own media/ images, and only those: drawn, scaled to the column,
with the alt text as tooltip."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument, QTextImageFormat
from pytestqt.qtbot import QtBot

from irtutor.content.lesson_loader import load_lesson
from irtutor.content.media import MediaFile
from irtutor.ui.lesson_reader import LessonReader
from irtutor.ui.media_image import media_image
from tests.conftest import LESSONS
from tests.content.test_media import png_bytes
from tests.ui.test_safe_reader import char_formats

RED, GREEN, BLUE = QColor(200, 30, 30), QColor(30, 160, 60), QColor(31, 95, 168)
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="360" height="90">'
       f'<rect width="360" height="90" fill="{BLUE.name()}"/></svg>')
PAGE = """\
# Pictures of 1949

The twelve founding members in 1949[^nato-treaty].

![Map of the twelve founding members](media/map-1949.png)

![A photograph of the signing](media/photo.jpg) ![A diagram](media/diagram.svg)

![A wide panorama](media/wide.png)
"""
HOSTILE_IMAGES = ["media/../../outside.png", "{outside}", "file://{outside}", "http://example.invalid/x.png",
                  "media/out.png", "media/fake.jpg", "media/bomb.png", "media/evil.svg"]


def solid(width: int, height: int, colour: QColor) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(colour)
    return image


def picture_lesson(tmp_path: Path, extra: str = "") -> Path:
    """A copy of a real lesson with a page of images and its media/ folder (and files it must not show)."""
    folder = tmp_path / "nato-origins"
    shutil.copytree(LESSONS / "nato-origins", folder)
    (folder / "05-pictures.md").write_text(PAGE + extra, encoding="utf-8")
    media = folder / "media"
    media.mkdir()
    assert solid(300, 120, RED).save(str(media / "map-1949.png"))
    assert solid(200, 100, GREEN).save(str(media / "photo.jpg"), "JPEG")
    assert solid(3000, 60, RED).save(str(media / "wide.png"))
    (media / "diagram.svg").write_text(SVG, encoding="utf-8")
    outside = tmp_path / "outside.png"
    assert solid(50, 50, RED).save(str(outside))
    (media / "out.png").symlink_to(outside)
    assert solid(50, 50, RED).save(str(media / "fake.jpg"), "PNG")
    (media / "bomb.png").write_bytes(png_bytes(100_000, 100_000, pixels=False))
    (media / "evil.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd" '
                                    'width="99" height="99"/></svg>', encoding="utf-8")
    return folder


def show_pictures(qtbot: QtBot, folder: Path) -> LessonReader:
    lesson, problems = load_lesson(folder, spare_parts=True)
    assert lesson is not None, problems
    reader = LessonReader(lesson)
    qtbot.addWidget(reader)
    reader.resize(1100, 800)
    reader.show()
    reader.show_page(4)
    qtbot.waitExposed(reader)
    return reader


def images(reader: LessonReader) -> dict[str, QTextImageFormat]:
    return {f.toImageFormat().name(): f.toImageFormat() for f in char_formats(reader) if f.isImageFormat()}


def has_colour(image: QImage, colour: QColor, tolerance: int = 24) -> bool:
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            pixel = image.pixelColor(x, y)
            if all(abs(a - b) <= tolerance for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3], strict=True)):
                return True
    return False


def test_the_page_shows_png_jpeg_and_svg_with_alt_text_as_tooltip(qtbot: QtBot, tmp_path: Path) -> None:
    reader = show_pictures(qtbot, picture_lesson(tmp_path))
    shown = images(reader)
    assert set(shown) == {"media/map-1949.png", "media/photo.jpg", "media/diagram.svg", "media/wide.png"}
    assert shown["media/map-1949.png"].toolTip() == "Map of the twelve founding members"
    document = reader.text.document()
    png = document.resource(QTextDocument.ResourceType.ImageResource, QUrl("media/map-1949.png"))
    assert isinstance(png, QImage) and (png.width(), png.height()) == (300, 120)
    grabbed = reader.text.grab().toImage()
    assert has_colour(grabbed, RED) and has_colour(grabbed, GREEN) and has_colour(grabbed, BLUE)


def test_an_image_is_no_wider_than_the_reading_column(qtbot: QtBot, tmp_path: Path) -> None:
    reader = show_pictures(qtbot, picture_lesson(tmp_path))
    wide = reader.text.document().resource(QTextDocument.ResourceType.ImageResource, QUrl("media/wide.png"))
    assert isinstance(wide, QImage) and wide.width() <= reader.text.column_width() < 3000


@pytest.mark.parametrize("src", HOSTILE_IMAGES)
def test_a_refused_image_is_its_alt_text_and_never_loaded(qtbot: QtBot, tmp_path: Path, src: str) -> None:
    src = src.format(outside=tmp_path / "outside.png")
    reader = show_pictures(qtbot, picture_lesson(tmp_path, f"\n![Refused picture]({src})\n"))
    assert "Refused picture" in reader.text.toPlainText()
    assert src not in images(reader) and len(images(reader)) == 4
    image_kind = QTextDocument.ResourceType.ImageResource.value
    # Even HTML that named it (the reader's HTML is checked again when it loads): nothing.
    assert reader.text.loadResource(image_kind, QUrl(src)) is None


def test_a_figure_page_shows_its_images_between_the_figures(qtbot: QtBot, tmp_path: Path) -> None:
    reader = show_pictures(qtbot, picture_lesson(tmp_path, "\n```{chart} nato-membership\n```\n\nAfter.\n"))
    chunk = reader.parts.chunks[0]
    png = chunk.document().resource(QTextDocument.ResourceType.ImageResource, QUrl("media/map-1949.png"))
    assert isinstance(png, QImage) and not png.isNull()
    assert any(f.isImageFormat() for f in _formats(chunk.document()))


def test_the_decoder_refuses_a_bomb_even_past_the_header_check(tmp_path: Path) -> None:
    # The check reads the header; were it fooled, Qt's allocation limit still stops the decoder.
    bomb = MediaFile(tmp_path / "bomb.png", "png", png_bytes(100_000, 100_000, pixels=False), 100_000, 100_000)
    assert media_image(bomb, 600) is None


def _formats(document: QTextDocument) -> list:  # type: ignore[type-arg]
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            found.append(iterator.fragment().charFormat())
            iterator += 1
        block = block.next()
    return found
