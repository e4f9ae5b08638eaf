"""Images a lesson may show: PNG, JPEG or SVG files in its own `media/` folder, and nothing else.

A lesson folder comes from anyone, so an image address is checked before anything is read:
no URL scheme, no absolute path, no `..`, and the resolved file (links followed) must lie in
the lesson's `media/` folder. The file must then be a regular file of at most
`MAX_MEDIA_BYTES` whose first bytes say it is what its extension says, with pixel dimensions
(read from its header, before any decoding) within `MAX_SIDE` and `MAX_PIXELS`. An SVG may
not refer to anything outside itself. This module knows no Qt; the reader decodes the bytes
returned here, never the path again, so the file cannot be swapped between check and read.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from irtutor.content.text_files import UnreadableFile, read_regular_bytes

MEDIA_FOLDER = "media"
MAX_MEDIA_BYTES = 5_000_000
"""A scanned map or photograph saved for the screen is well under 1 MB."""
MAX_SIDE = 10_000
MAX_PIXELS = 16_000_000
"""16 megapixels at 4 bytes a pixel is 64 MB, the decoder's allocation limit in the reader."""
KINDS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_SVG_FORBIDDEN = re.compile(r"<!ENTITY|<!DOCTYPE|<image\b|<script\b|<foreignObject\b|@import", re.IGNORECASE)
_SVG_HREF = re.compile(r"""\bhref\s*=\s*["']\s*([^"']*)|\burl\s*\(\s*["']?\s*([^"')\s]*)""", re.IGNORECASE)


class MediaRefused(ValueError):
    """The image address or file cannot be shown; the message says why, for `irtutor check`."""


@dataclass(frozen=True)
class MediaFile:
    path: Path
    kind: str
    """"png", "jpeg" or "svg", as both the extension and the file's first bytes say."""
    data: bytes
    width: int
    """Pixels, from the header; 0 for an SVG, which is drawn at whatever size the reader needs."""
    height: int


def allowed_media(lesson_folder: Path, src: str) -> MediaFile | None:
    """The image `src` names, if the lesson may show it; None for anything refused."""
    try:
        return find_media(lesson_folder, src)
    except MediaRefused:
        return None


def find_media(lesson_folder: Path, src: str) -> MediaFile:
    """The checked image `src` (such as `media/map-1949.png`) names; raises MediaRefused."""
    path = _media_path(lesson_folder, src)
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise MediaRefused("an image must be a .png, .jpg, .jpeg or .svg file")
    data = _read(path)
    width, height = _check_content(kind, data)
    return MediaFile(path, kind, data, width, height)


def _media_path(lesson_folder: Path, src: str) -> Path:
    if ":" in src or src.startswith(("/", "\\")) or "\\" in src:
        raise MediaRefused("an image address is a path inside the lesson's media/ folder, such as "
                           "media/map.png, never a web address, a file: URL or an absolute path")
    parts = PurePosixPath(src).parts
    if ".." in parts or not parts or parts[0] != MEDIA_FOLDER or len(parts) < 2:
        raise MediaRefused("an image must be in the lesson's media/ folder (media/name.png), without '..'")
    root = (lesson_folder / MEDIA_FOLDER).resolve()
    try:
        resolved = lesson_folder.joinpath(*parts).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        raise MediaRefused(f"there is no file {src} in the lesson folder") from None
    if not root.is_relative_to(lesson_folder.resolve()) or not resolved.is_relative_to(root):
        raise MediaRefused("the image is a link to somewhere outside the lesson's media/ folder; "
                           "copy the file into the folder instead")
    return resolved


def _read(path: Path) -> bytes:
    try:
        return read_regular_bytes(path, MAX_MEDIA_BYTES)
    except UnreadableFile as exc:
        if exc.why == "irregular":
            raise MediaRefused("the image is not a regular file") from None
        if exc.why == "large":
            raise MediaRefused(f"the image is larger than {MAX_MEDIA_BYTES // 1_000_000} MB; save it smaller") from None
        raise MediaRefused(f"the image cannot be {exc.why}: {exc.detail}") from None


def _check_content(kind: str, data: bytes) -> tuple[int, int]:
    """(width, height) of a file whose first bytes match `kind`, within the pixel limits."""
    if kind == "svg":
        _check_svg(data)
        return 0, 0
    signature_ok = data.startswith(_PNG) if kind == "png" else data.startswith(_JPEG)
    if not signature_ok:
        raise MediaRefused(f"the file is not a {kind.upper()} image, whatever its name says")
    size = _png_size(data) if kind == "png" else _jpeg_size(data)
    if size is None:
        raise MediaRefused(f"the {kind.upper()} file is damaged: its size cannot be read")
    width, height = size
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE and width * height <= MAX_PIXELS):
        raise MediaRefused(f"the image is {width} x {height} pixels; at most {MAX_SIDE} on a side and "
                           f"{MAX_PIXELS // 1_000_000} megapixels in all")
    return width, height


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """From the first start-of-frame marker; markers before it are skipped by their length."""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if at + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + length
    return None


def _check_svg(data: bytes) -> None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MediaRefused("the SVG file is not UTF-8 text") from None
    if "<svg" not in text[:4096]:
        raise MediaRefused("the file is not an SVG image, whatever its name says")
    if _SVG_FORBIDDEN.search(text):
        raise MediaRefused("the SVG embeds other files, entities or scripts; save it as plain shapes "
                           "(or as a PNG)")
    targets = (href or url for href, url in _SVG_HREF.findall(text))
    if any(not target.startswith("#") for target in targets):
        raise MediaRefused("the SVG refers to something outside itself (href or url() to another "
                           "file or address); save it as plain shapes (or as a PNG)")
