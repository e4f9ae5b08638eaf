"""Images in lessons: only checked PNG, JPEG or SVG files of the lesson's own media/ folder.

Everything else (a web address, a path out of the folder, a link out of it, a file that is not
what its name says, a decompression bomb, an SVG that refers outside itself) is a positioned
problem for `irtutor check` and is shown as its alt text.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest

from irtutor.cli import check
from irtutor.content.lesson_cache import folder_stamp
from irtutor.content.lesson_loader import load_lesson
from irtutor.content.media import MAX_MEDIA_BYTES, MediaRefused, find_media
from irtutor.content.safe_markdown import render_page
from tests.content.minimal_lesson import write_lesson

IMAGE_LINE = 3
"""The line of the image in the page `page_with`; its column is 1."""


def png_bytes(width: int, height: int, rgb: tuple[int, int, int] = (200, 30, 30), pixels: bool = True) -> bytes:
    """A valid PNG of one colour (or only its signature and header, declaring any size)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height)) if pixels else b""
    body = chunk(b"IDAT", zlib.compress(rows)) if pixels else b""
    return b"\x89PNG\r\n\x1a\n" + header + body + chunk(b"IEND", b"")


JPEG_HEADER = b"\xff\xd8\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + bytes(9) + (
    b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 30, 40, 1) + b"\x01\x11\x00")
"""The start of a 40 x 30 baseline JPEG: enough for the check, which decodes nothing."""
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60">'
       '<defs><linearGradient id="g"><stop offset="0" stop-color="#1f5fa8"/></linearGradient></defs>'
       '<rect width="120" height="60" fill="url(#g)"/></svg>')


def page_with(image: str) -> str:
    return f"# Pictures\n\n{image} and words after it [^src].\n"


def lesson_with(tmp_path: Path, image: str) -> tuple[Path, list[str], str]:
    """(lesson folder, its problems as `page:line:col: message`, the page's HTML) for a page showing `image`."""
    folder = write_lesson(tmp_path, {"02-pictures.md": page_with(image)})
    media = folder / "media"
    media.mkdir(exist_ok=True)
    (media / "map.png").write_bytes(png_bytes(8, 4))
    (media / "photo.jpg").write_bytes(JPEG_HEADER)
    (media / "diagram.svg").write_text(SVG, encoding="utf-8")
    lesson, problems = load_lesson(folder, spare_parts=True)  # what students get: the page, images or not
    assert lesson is not None, problems
    shown = [str(p).removeprefix(f"{folder}/") for p in problems]
    return folder, shown, render_page(lesson.pages[1], lesson).html


@pytest.mark.parametrize("src", ["media/map.png", "media/photo.jpg", "media/diagram.svg"])
def test_an_image_in_media_is_shown_with_its_alt_text_as_tooltip(tmp_path: Path, src: str) -> None:
    _, problems, html = lesson_with(tmp_path, f"![The 1949 map]({src})")
    assert problems == []
    assert f'<img src="{src}" alt="The 1949 map" title="The 1949 map">' in html


def refused(tmp_path: Path, src: str) -> None:
    """Put the file each hostile address names where it can be reached, then show it."""
    outside = tmp_path / "outside.png"
    outside.write_bytes(png_bytes(8, 4))
    folder = write_lesson(tmp_path, {})
    media = folder / "media"
    media.mkdir(exist_ok=True)
    (media / "out.png").symlink_to(outside)
    (media / "fake.jpg").write_bytes(png_bytes(8, 4))
    (media / "bomb.png").write_bytes(png_bytes(100_000, 100_000, pixels=False))
    (media / "evil.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd" '
                                    'width="10" height="10"/></svg>', encoding="utf-8")
    (media / "xlink.svg").write_text('<svg xmlns:xlink="http://www.w3.org/1999/xlink"><use '
                                     'xlink:href="other.svg#a"/></svg>', encoding="utf-8")
    (media / "entity.svg").write_text('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
                                      encoding="utf-8")
    (media / "notes.txt").write_text("not an image", encoding="utf-8")


HOSTILE = [
    pytest.param("media/../../outside.png", "without '..'", id="dot-dot"),
    pytest.param("../outside.png", "media/ folder", id="dot-dot-outside-media"),
    pytest.param("{outside}", "absolute path", id="absolute-path"),
    pytest.param("file://{outside}", "file: URL", id="file-url"),
    pytest.param("http://example.invalid/map.png", "web address", id="http-url"),
    pytest.param("media/out.png", "link to somewhere outside", id="symlink-out"),
    pytest.param("media/fake.jpg", "not a JPEG image", id="png-named-jpg"),
    pytest.param("media/bomb.png", "100000 x 100000 pixels", id="decompression-bomb"),
    pytest.param("media/evil.svg", "embeds other files", id="svg-external-image"),
    pytest.param("media/xlink.svg", "refers to something outside itself", id="svg-xlink-href"),
    pytest.param("media/entity.svg", "embeds other files", id="svg-entity"),
    pytest.param("media/notes.txt", ".png, .jpg, .jpeg or .svg", id="not-an-image-kind"),
    pytest.param("media/missing.png", "there is no file", id="missing"),
]


@pytest.mark.parametrize(("src", "reason"), HOSTILE)
def test_a_refused_image_is_a_problem_at_its_line_and_shown_as_alt_text(tmp_path: Path, src: str,
                                                                         reason: str) -> None:
    refused(tmp_path, src)
    src = src.format(outside=tmp_path / "outside.png")
    _, problems, html = lesson_with(tmp_path, f"![The 1949 map]({src})")
    assert len(problems) == 1
    assert problems[0].startswith(f"02-pictures.md:{IMAGE_LINE}:1: image '{src}' cannot be shown")
    assert reason in problems[0]
    assert "<img" not in html and "words after it" in html
    # markdown-it itself does not make a file: URL an image, so that one stays the Markdown as written.
    assert ("![The 1949 map](file:" if src.startswith("file:") else "[image: The 1949 map]") in html


@pytest.mark.parametrize("image", ["![](media/map.png)", "![  ](media/map.png)"])
def test_an_image_without_alt_text_is_a_problem_and_not_shown(tmp_path: Path, image: str) -> None:
    _, problems, html = lesson_with(tmp_path, image)
    assert problems == [f"02-pictures.md:{IMAGE_LINE}:1: an image needs alt text, for students who cannot see "
                        "it: ![what the image shows](media/name.png)"]
    assert "<img" not in html


def test_a_media_folder_that_links_out_of_the_lesson_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "map.png").write_bytes(png_bytes(8, 4))
    folder = write_lesson(tmp_path, {})
    (folder / "media").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(MediaRefused, match="outside the lesson's media/ folder"):
        find_media(folder, "media/map.png")


def test_an_oversized_file_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    folder = write_lesson(tmp_path, {})
    (folder / "media").mkdir()
    (folder / "media" / "big.png").write_bytes(png_bytes(8, 4) + bytes(MAX_MEDIA_BYTES))
    with pytest.raises(MediaRefused, match="larger than 5 MB"):
        find_media(folder, "media/big.png")


def test_a_link_inside_the_media_folder_is_followed(tmp_path: Path) -> None:
    folder = write_lesson(tmp_path, {})
    (folder / "media").mkdir()
    (folder / "media" / "map.png").write_bytes(png_bytes(8, 4))
    (folder / "media" / "same.png").symlink_to(folder / "media" / "map.png")
    media = find_media(folder, "media/same.png")
    assert (media.kind, media.width, media.height) == ("png", 8, 4)


def test_irtutor_check_names_the_line_of_a_refused_image(tmp_path: Path) -> None:
    folder = write_lesson(tmp_path / "root", {"02-pictures.md": page_with("![A map](http://example.invalid/m.png)")})
    out = io.StringIO()
    assert check([str(folder)], out) == 1
    assert f"{folder / '02-pictures.md'}:{IMAGE_LINE}:1: image 'http://example.invalid/m.png' cannot be shown" \
        in out.getvalue()


def test_the_lesson_cache_sees_a_changed_image(tmp_path: Path) -> None:
    folder = write_lesson(tmp_path, {})
    (folder / "media").mkdir()
    (folder / "media" / "map.png").write_bytes(png_bytes(8, 4))
    before = folder_stamp(folder)
    (folder / "media" / "map.png").write_bytes(png_bytes(100_000, 100_000, pixels=False))
    assert folder_stamp(folder) != before  # so `irtutor check` and the app read the page's images again
