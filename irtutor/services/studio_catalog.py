"""The lessons the studio lists: the instructor's (editable) and the shipped ones (to copy first).

Listed from the folders, not from loaded lessons: a lesson whose lesson.yaml is broken must still
be listed, since the studio is where the instructor goes to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from irtutor.content.summaries import LESSON_FILE, lesson_folders
from irtutor.content.text_files import read_lesson_text
from irtutor.core.problems import LessonError


@dataclass(frozen=True)
class StudioLesson:
    folder: Path
    title: str
    editable: bool
    shipped_twin: Path | None = None
    """For the instructor's copy of a shipped lesson: the shipped folder it replaces (to revert to)."""

    @property
    def lesson_id(self) -> str:
        return self.folder.name

    @property
    def label(self) -> str:
        if not self.editable:
            return f"{self.title} (shipped: read-only)"
        return f"{self.title} (my copy)" if self.shipped_twin else self.title


def studio_lessons(editable_roots: list[Path], shipped_root: Path | None) -> list[StudioLesson]:
    """The instructor's lessons first, then each shipped lesson they have no copy of."""
    own = [StudioLesson(folder, _title(folder), True) for folder in lesson_folders(editable_roots)
           if (folder / LESSON_FILE).exists()]
    shipped = ({folder.name: folder for folder in lesson_folders([shipped_root])}
               if shipped_root is not None and shipped_root.is_dir() else {})
    own = [StudioLesson(e.folder, e.title, True, shipped.get(e.lesson_id)) for e in own]
    copied = {e.lesson_id for e in own}
    return own + [StudioLesson(folder, _title(folder), False) for name, folder in shipped.items() if name not in copied]


def _title(folder: Path) -> str:
    """The title in lesson.yaml, or the folder's name when the file cannot be read yet."""
    try:
        data = yaml.safe_load(read_lesson_text(folder / LESSON_FILE))
    except (LessonError, yaml.YAMLError, OSError):
        return folder.name
    title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) and title.strip() else folder.name
