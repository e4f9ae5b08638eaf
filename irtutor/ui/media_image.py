"""Decoding a lesson's checked image (`irtutor.content.media`) for the reading pane, at most so wide.

Only the bytes already checked are decoded, from memory, with Qt's allocation limit set, so a
file that lies about its size in a later chunk still cannot make the decoder take gigabytes.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

from irtutor.content.media import MAX_SIDE, MediaFile

ALLOCATION_LIMIT_MB = 64
"""Qt's decoder refuses to allocate more than this for one image (its default is 256 MB)."""
SVG_DEFAULT_WIDTH = 480
"""An SVG that states no size is drawn this wide (or the column's width, if less)."""


def media_image(media: MediaFile, max_width: int) -> QImage | None:
    """The image at its own size, or scaled down to `max_width`; None if Qt cannot (or may not) decode it."""
    max_width = max(1, min(max_width, MAX_SIDE))
    return _svg_image(media, max_width) if media.kind == "svg" else _raster_image(media, max_width)


def _raster_image(media: MediaFile, max_width: int) -> QImage | None:
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    data = QByteArray(media.data)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, media.kind.encode())
    reader.setDecideFormatFromContent(False)  # the format was checked against the file's first bytes
    size = reader.size()
    if not size.isValid() or size != QSize(media.width, media.height):
        return None  # the decoder reads another size than the header we checked
    if size.width() > max_width:
        reader.setScaledSize(size.scaled(max_width, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    return None if image.isNull() else image


def _svg_image(media: MediaFile, max_width: int) -> QImage | None:
    renderer = QSvgRenderer(QByteArray(media.data))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(SVG_DEFAULT_WIDTH, SVG_DEFAULT_WIDTH * 3 // 4)
    room = QSize(max_width, max_width * 4)  # a very tall drawing is not a page of its own
    if room.expandedTo(size) != room:  # too wide or too tall: shrink to fit
        size = size.scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image
