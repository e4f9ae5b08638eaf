"""Reading lesson text files the way instructors' editors write them."""

from __future__ import annotations

from pathlib import Path

from irtutor.core.problems import LessonError, Problem


def read_lesson_text(path: Path) -> str:
    """UTF-8 text with any BOM dropped and Windows/old-Mac line ends made `\\n`.

    Editors on Windows still write a BOM and CRLF; both are accepted rather than reported.
    """
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        raise LessonError(
            Problem(
                str(path), line, column,
                f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}); "
                "save it as UTF-8 in your editor",
            )
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column
