"""Saving a lesson file atomically: the new text or the old file, never half of either."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from irtutor.content.atomic_write import write_text_atomically
from irtutor.core.errors import SaveFailed


def test_writes_the_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "quiz.yaml"
    target.write_text("old\n", encoding="utf-8")
    write_text_atomically(target, "new: ü\n")
    assert target.read_bytes() == "new: ü\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["quiz.yaml"]


def test_a_full_disk_keeps_the_original_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "quiz.yaml"
    target.write_text("original\n", encoding="utf-8")

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(SaveFailed) as caught:
        write_text_atomically(target, "replacement\n")
    assert str(target) in str(caught.value)
    assert "disk is full" in str(caught.value) and "ENOSPC" in str(caught.value)
    assert target.read_text(encoding="utf-8") == "original\n"
    assert [p.name for p in tmp_path.iterdir()] == ["quiz.yaml"]


def test_a_parent_that_is_a_file_is_a_save_failure(tmp_path: Path) -> None:
    blocker = tmp_path / "lesson"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(SaveFailed, match="ENOTDIR"):
        write_text_atomically(blocker / "quiz.yaml", "text")
    assert blocker.read_text(encoding="utf-8") == "not a folder"
