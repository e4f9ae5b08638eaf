"""What an import found, question by question, before anything is written.

Importers turn each question of a GIFT or Moodle XML file into a quiz.yaml mapping (the same dict
the studio's forms edit and `QuizDocument.insert_question` writes), or say why it was skipped, with
where it is in the source file: a line for GIFT, an element path for XML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ImportRefused(Exception):
    """The whole file cannot be imported (too large, not GIFT/XML, an XML bomb); says what and where."""


@dataclass
class ImportedQuestion:
    where: str
    """Where the question is in the source: "line 12" (GIFT) or "/quiz/question[3]" (XML)."""
    kind: str
    """Our question kind it became ("single_choice", ...), or the source's own type when skipped."""
    prompt: str
    """The prompt as plain text, for the preview table."""
    mapping: dict[str, Any] | None = None
    """The quiz.yaml mapping; None when skipped."""
    skipped: str = ""
    """Why it was not imported ("" when it was)."""
    notes: list[str] = field(default_factory=list)
    """What changed on the way (e.g. "essay: imported as a discussion prompt", "HTML turned into Markdown")."""

    @property
    def status(self) -> str:
        return f"skipped: {self.skipped}" if self.skipped else "imported"


@dataclass
class ImportResult:
    questions: list[ImportedQuestion] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)
    """Files the questions use (Moodle XML `<file>` images), by the name the mappings refer to (media/NAME)."""
    discussion: list[str] = field(default_factory=list)
    """Essay questions, kept as discussion prompts for lesson.yaml's `discussion:`."""
    page_notes: list[str] = field(default_factory=list)
    """Description "questions", kept as Markdown notes for a page the author picks."""

    @property
    def imported(self) -> list[ImportedQuestion]:
        return [q for q in self.questions if q.mapping is not None]
