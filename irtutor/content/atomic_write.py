"""Saving a lesson file so that a crash, a kill or a full disk never leaves half a file.

The text goes to a temporary file beside the target (same folder, so same file system, so the
rename is atomic), is flushed and fsynced, then replaces the target with `os.replace`. The
folder is fsynced too where the OS allows it, so the rename itself survives a power cut. Until
the rename the old file is untouched; after it, the new one is complete.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from irtutor.core.errors import SaveFailed

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "permission denied",
    errno.EPERM: "the operation is not permitted",
    errno.EROFS: "the disk is read-only",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "the path is a folder",
}


def write_text_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8, `\\n` line ends) all at once, or leave it as it was.

    Raises SaveFailed naming the path and the reason in plain words; the temporary file is gone then.
    """
    temp: str | None = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".saving", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
        temp = None
        _sync_folder(path.parent)
    except OSError as exc:
        raise SaveFailed(f"{path} could not be saved: {describe_os_error(exc)}") from exc
    finally:
        if temp is not None:
            _remove_quietly(temp)


def describe_os_error(exc: OSError) -> str:
    """The reason in plain words, with the error's symbolic name for a support request (ENOSPC)."""
    code = exc.errno
    name = errno.errorcode.get(code, "") if code is not None else ""
    words = _REASONS.get(code or -1) or exc.strerror or str(exc) or type(exc).__name__
    return f"{words} ({name})" if name else words


def _sync_folder(folder: Path) -> None:
    # POSIX persists a rename only when the folder is synced; Windows cannot open a folder for it.
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the file itself is already on disk
    finally:
        os.close(handle)


def _remove_quietly(temp: str) -> None:
    # It never came to exist, or the folder vanished: either way nothing is left to clean.
    with contextlib.suppress(OSError):
        os.unlink(temp)
