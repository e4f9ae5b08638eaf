"""One lesson folder open in the studio: each file's text as saved and as edited, saving, and what
another program changed meanwhile.

The studio's editors hold their own widgets' state; this is the one place that knows which files
differ from the disk, writes them (atomically, the ones that changed only), and notices a file
replaced under the studio by another editor, a sync client or `git pull`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from irtutor.content.atomic_write import write_text_atomically
from irtutor.content.buffer_check import check_unsaved
from irtutor.content.lesson_loader import QUIZ_FILE, load_lesson
from irtutor.content.pages import page_files
from irtutor.content.summaries import LESSON_FILE
from irtutor.content.text_files import read_lesson_text, unsaved_texts
from irtutor.core.lesson import Lesson
from irtutor.core.problems import LessonError, Problem

EMPTY_QUIZ = "questions: []\n"
_SLUG = re.compile(r"[^a-z0-9]+")

Stamp = tuple[int, int] | None
"""A file's (modification time in ns, size) when last read or written; None when it did not exist."""


def _stamp(path: Path) -> Stamp:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


@dataclass
class DraftFile:
    path: Path
    saved: str
    """The text as it is on disk (as last read or written)."""
    text: str
    """The text as the instructor has it now."""
    stamp: Stamp
    readable: bool = True
    """False when the file could not be read (then `saved` is empty and saving it is refused)."""

    @property
    def modified(self) -> bool:
        return self.text != self.saved


class LessonDraft:
    """The files of one lesson folder: lesson.yaml, its pages and quiz.yaml (an empty quiz if it has none)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, DraftFile] = {}
        self.read_problems: list[Problem] = []
        names = [LESSON_FILE, *(path.name for path in page_files(folder)[0]), QUIZ_FILE]
        for name in names:
            self.files[name] = self._read(name)

    def _read(self, name: str) -> DraftFile:
        path = self.folder / name
        if name == QUIZ_FILE and not path.exists():
            return DraftFile(path, "", EMPTY_QUIZ, None)  # a new quiz: unsaved until the first save
        try:
            text = read_lesson_text(path)
        except LessonError as exc:
            self.read_problems.append(exc.problem)
            return DraftFile(path, "", "", _stamp(path), readable=False)
        return DraftFile(path, text, text, _stamp(path))

    # What is open ---------------------------------------------------------------------------------

    @property
    def page_names(self) -> list[str]:
        return sorted(name for name in self.files if name.endswith(".md"))

    def text(self, name: str) -> str:
        return self.files[name].text

    def set_text(self, name: str, text: str) -> None:
        self.files[name].text = text

    def unsaved(self) -> dict[str, str]:
        """File name -> text, for every file whose text differs from the disk."""
        return {name: f.text for name, f in self.files.items() if f.modified}

    @property
    def modified(self) -> bool:
        return any(f.modified for f in self.files.values())

    def restore(self, name: str, text: str) -> None:
        """Put recovered text back as the edited text of `name` (a page never saved is made again)."""
        if name not in self.files:
            self.files[name] = DraftFile(self.folder / name, "", text, None)
        self.files[name].text = text

    def add_page(self, title: str) -> str:
        """A new page after the last, named from its title (e.g. `04-the-next-step.md`); unsaved."""
        slug = _SLUG.sub("-", title.lower()).strip("-")[:40].strip("-") or "page"
        numbers = [int(name[:2]) for name in self.page_names if name[:2].isdigit()]
        name = f"{max(numbers, default=0) + 1:02d}-{slug}.md"
        self.files[name] = DraftFile(self.folder / name, "", f"# {title}\n\n", None)
        return name

    # Checking --------------------------------------------------------------------------------------

    def problems(self, others: Sequence[Lesson] = ()) -> list[Problem]:
        """What `irtutor check` would say after saving what is on screen now."""
        return sorted([*self.read_problems, *check_unsaved(self.folder, self.unsaved(), others)])

    def lesson(self) -> Lesson | None:
        """The lesson as it reads now (broken parts replaced by notices, as students would get it)."""
        with unsaved_texts({f.path: f.text for f in self.files.values() if f.modified}):
            lesson, _problems = load_lesson(self.folder, spare_parts=True)
        return lesson

    # Saving and the disk ---------------------------------------------------------------------------

    def save(self) -> list[str]:
        """Write every modified file atomically; the names written. Raises SaveFailed (naming the file)
        at the first that fails: those before it are saved, it and the rest keep their edits."""
        written = []
        for name, draft in self.files.items():
            if not draft.modified:
                continue
            write_text_atomically(draft.path, draft.text)
            draft.saved, draft.stamp, draft.readable = draft.text, _stamp(draft.path), True
            written.append(name)
        return written

    def changed_on_disk(self) -> list[str]:
        """Files another program changed (or removed) since the studio read or wrote them."""
        changed = []
        for name, draft in self.files.items():
            now = _stamp(draft.path)
            if now == draft.stamp:
                continue
            try:
                disk = read_lesson_text(draft.path) if now is not None else None
            except LessonError:
                disk = None
            if disk != draft.saved:
                changed.append(name)
            else:
                draft.stamp = now  # touched, not changed
        return changed

    def reload(self, name: str) -> None:
        """Take the disk's text for `name`, dropping the edits to it."""
        fresh = self._read(name)
        if fresh.stamp is None and name != QUIZ_FILE:
            del self.files[name]  # removed by another program
            return
        self.files[name] = fresh

    def keep_mine(self, name: str) -> None:
        """Keep the edited text of `name` over the disk's; the next save overwrites the disk."""
        draft = self.files[name]
        draft.stamp = _stamp(draft.path)
        try:
            draft.saved = read_lesson_text(draft.path) if draft.stamp is not None else ""
        except LessonError:
            draft.saved = ""
