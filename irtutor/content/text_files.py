"""Reading lesson text files the way instructors' editors write them, and nothing else.

A lesson folder comes from anyone, so a "page" may be a FIFO, a device, a link to a file
elsewhere on the computer or a few hundred megabytes. Each would freeze the app or show a
private file to a student; they are refused here, at their file, before anything is parsed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from types import MappingProxyType

from irtutor.core.problems import LessonError, Problem

MAX_YAML_BYTES = 4_000_000
"""The largest shipped quiz.yaml is about 20 KB; an imported bank of 2,000 questions is under 1 MB."""
MAX_PAGE_BYTES = 256_000
"""The longest shipped page is about 10 KB. Markdown of hostile shape ("[" repeated) renders
at about 10 µs a character, so this also bounds the pause when such a page is opened to ~2 s."""

_UNSAVED: ContextVar[Mapping[str, str]] = ContextVar("unsaved_lesson_texts",
                                                           default=MappingProxyType({}))
"""Resolved path -> text the studio holds but has not saved. A context variable, not a global:
checks of unsaved text run on a worker thread while the GUI thread may load lessons from disk."""

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_lesson_text(path: Path, limit: int = MAX_YAML_BYTES) -> str:
    """UTF-8 text with any BOM dropped and Windows/old-Mac line ends made `\\n`.

    Editors on Windows still write a BOM and CRLF; both are accepted rather than reported.
    Inside `unsaved_texts`, a file the studio holds unsaved is read from memory instead.
    """
    unsaved = _UNSAVED.get()
    if unsaved:
        text = unsaved.get(_key(path))
        if text is not None:
            size = len(text.encode("utf-8"))
            if size > limit:
                raise LessonError(Problem(str(path), 1, 1, _too_large(size, limit)))
            return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raw = _read_regular_file(path, limit)
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


def _read_regular_file(path: Path, limit: int) -> bytes:
    def refuse(message: str) -> LessonError:
        return LessonError(Problem(str(path), 1, 1, message))

    try:
        inside = path.resolve().is_relative_to(path.parent.resolve())
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop on older Pythons
        inside = False
    if not inside:
        raise refuse("the file is a link to somewhere outside its lesson folder; "
                     "copy the file into the folder instead")
    try:
        return read_regular_bytes(path, limit)
    except UnreadableFile as exc:
        if exc.why == "irregular":
            raise refuse("this is not a regular file (a device, pipe or socket); a lesson file must be plain text") \
                from None
        if exc.why == "large":
            raise refuse(_too_large(exc.size, limit)) from None
        raise refuse(f"the file cannot be {exc.why}: {exc.detail}") from None


class UnreadableFile(Exception):
    """Why read_regular_bytes refused: `why` is "opened", "read", "irregular" or "large" (then `size`)."""

    def __init__(self, why: str, detail: str = "", size: int = 0) -> None:
        super().__init__(f"{why}: {detail}" if detail else why)
        self.why, self.detail, self.size = why, detail, size


def read_regular_bytes(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of a regular file, never blocking on a FIFO or reading a device; for lesson
    files and their images alike, each caller saying in its own words what went wrong."""
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        handle = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise UnreadableFile("opened", str(exc.strerror or exc)) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("irregular")
        if info.st_size > limit:
            raise UnreadableFile("large", size=info.st_size)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            raw = stream.read(limit + 1)
    except OSError as exc:
        raise UnreadableFile("read", str(exc.strerror or exc)) from None
    finally:
        os.close(handle)
    if len(raw) > limit:  # it grew while being read
        raise UnreadableFile("large", size=len(raw))
    return raw


def _too_large(size: int, limit: int) -> str:
    return (f"the file is {size / 1000:,.0f} KB; a lesson file of this kind may be at most "
            f"{limit / 1000:,.0f} KB, so split it")


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


@contextmanager
def unsaved_texts(texts: Mapping[Path, str]) -> Iterator[None]:
    """Within the block (and only in this thread or task), lesson files read as these texts.

    So the studio checks what the instructor sees in the editor with the very code that checks
    saved files, and every problem keeps the real file's path and line."""
    token = _UNSAVED.set(MappingProxyType({**_UNSAVED.get(), **{_key(path): text for path, text in texts.items()}}))
    try:
        yield
    finally:
        _UNSAVED.reset(token)


def lesson_file_exists(path: Path) -> bool:
    """A regular file on disk, or a file the studio holds unsaved (a new page not yet saved)."""
    return _key(path) in _UNSAVED.get() or path.is_file()


def unsaved_files_in(folder: Path, pattern: str) -> list[Path]:
    """The unsaved files directly in `folder` whose names match `pattern` (a glob, e.g. "*.md")."""
    unsaved = _UNSAVED.get()
    if not unsaved:
        return []
    where = _key(folder)
    return [folder / Path(key).name for key in unsaved
            if str(Path(key).parent) == where and Path(key).match(pattern)]


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())
