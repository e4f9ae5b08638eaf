"""Render irtutor.svg into every icon file the app and the installers use: `python packaging/icon/make_icons.py`.

PNG at 16..512 px go to resources/icons/ (the window icon, shipped in the wheel and the bundle);
irtutor.ico (Windows, 16..256) and irtutor.icns (macOS, 16..1024) stay here beside the SVG.
Rendering is Qt's own SVG renderer (QtSvg is part of PySide6-Essentials); the .ico and .icns
containers are written here with PNG payloads, since Qt's writers store one size per file.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for `import metadata`

import metadata
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {  # OSType -> pixel size; the @2x types reuse the larger renderings
    b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024,
    b"ic11": 32, b"ic12": 64, b"ic13": 256, b"ic14": 512,
}


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR, one ICONDIRENTRY per size (0 means 256), then the PNG payloads (Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, payloads = b"", b""
    for size, png in pngs.items():
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payloads += png
        offset += len(png)
    return header + entries + payloads


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(metadata.ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"{metadata.ICON_SVG}: not a valid SVG")
    sizes = sorted({*metadata.ICON_SIZES, *ICO_SIZES, *ICNS_TYPES.values()})
    pngs = {size: render_png(renderer, size) for size in sizes}
    metadata.ICON_PNG_DIR.mkdir(parents=True, exist_ok=True)
    for size in metadata.ICON_SIZES:
        metadata.icon_png(size).write_bytes(pngs[size])
    metadata.ICON_ICO.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    metadata.ICON_ICNS.write_bytes(icns_bytes(pngs))
    print(f"wrote {len(metadata.ICON_SIZES)} PNG to {metadata.ICON_PNG_DIR}, {metadata.ICON_ICO.name}, "
          f"{metadata.ICON_ICNS.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
