"""What every question widget is, whatever its kind; the quiz and review views use only this."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from irtutor.content.safe_markdown import render_text
from irtutor.core.grading import Outcome
from irtutor.core.questions import Question, Response
from irtutor.core.quiz_settings import AttemptLayout
from irtutor.core.shuffling import display_order
from irtutor.core.verdicts import PartVerdict, Verdict
from irtutor.qtkit.plain_text import plain_tooltip

PROMPT_IMAGE_WIDTH = 560
"""Pixels an image under a question's prompt is at most wide: a column, not the whole window."""

RIGHT_COLOUR = "#1b7a3a"
WRONG_COLOUR = "#b00020"
PARTLY_COLOUR = "#8a5a00"
"""Amber: a part that earned some of its mark is neither right nor wrong."""
MISSED_COLOUR = "#4a4f9c"
"""Indigo: right but not given; not green, so a missed option never looks ticked."""

VERDICT_MARK = {Verdict.RIGHT: "✓", Verdict.WRONG: "✗", Verdict.PARTLY: "◐", Verdict.MISSED: "○"}
VERDICT_COLOUR = {Verdict.RIGHT: RIGHT_COLOUR, Verdict.WRONG: WRONG_COLOUR, Verdict.PARTLY: PARTLY_COLOUR,
                  Verdict.MISSED: MISSED_COLOUR}
VERDICT_COLOUR_DARK = {Verdict.RIGHT: "#6fd68f", Verdict.WRONG: "#ff8f87", Verdict.PARTLY: "#f2b84b",
                       Verdict.MISSED: "#a9b0ff"}
"""The verdicts on a dark palette: lighter tints of the same hues, 4.5:1 or more against dark
backgrounds as VERDICT_COLOUR is against light ones (tests/ui/test_verdict_contrast.py)."""


def verdict_colour(verdict: Verdict, palette: QPalette) -> str:
    """The verdict's colour for text or borders drawn on `palette`'s window, light or dark."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return (VERDICT_COLOUR_DARK if dark else VERDICT_COLOUR)[verdict]
VERDICT_SPOKEN = {Verdict.RIGHT: "right", Verdict.WRONG: "wrong", Verdict.PARTLY: "partly right",
                  Verdict.MISSED: "missed: this was right but not given"}
PART = "part"
VERDICT = "verdict"


class QuestionWidget(QWidget):
    """One question of one kind. Subclasses build their inputs under `prompt` and implement
    `selection`, `set_response` and `show_answer`; `press_number` is for kinds with numbered options.
    """

    sig_selection_changed = Signal(bool)
    """The student changed their answer; True when it is not empty, so it can be checked."""

    key_type: ClassVar[type | None] = None
    """The answer key this widget shows; the kinds it serves are that key's kinds."""

    shows_part_feedback: ClassVar[bool] = False
    """True when the widget shows each part's own feedback itself (the panel then leaves it out)."""

    def __init__(self, question: Question, layout: AttemptLayout | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if self.key_type is not None and not isinstance(question.key, self.key_type):
            raise TypeError(f"{type(self).__name__} shows {self.key_type.__name__}, not {type(question.key).__name__}")
        self.question = question
        self.key: Any = question.key
        self.attempt_layout = layout
        self.prompt = QLabel(render_text(question.prompt))
        self.prompt.setObjectName("question-prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.build()

    def build(self) -> None:
        """Make the kind's inputs under `prompt` (the constructor calls it once)."""

    def show_media(self, lesson_folder: Path, width: int = PROMPT_IMAGE_WIDTH) -> int:
        """Show the prompt's images from the lesson's media/ folder right under the prompt, each checked as the
        reader checks a page's (content.media); the prompt itself keeps their alt text. How many were shown."""
        from irtutor.content.media import allowed_media
        from irtutor.content.pages import IMAGE
        from irtutor.ui.media_image import media_image

        parent = self.prompt.parentWidget()
        box = parent.layout() if parent is not None else None
        if not isinstance(box, QBoxLayout) or box.indexOf(self.prompt) < 0:
            return 0
        shown = 0
        for match in IMAGE.finditer(self.question.prompt):
            alt, src = match.group(1).strip(), match.group(2)
            media = allowed_media(lesson_folder, src) if alt else None
            image = media_image(media, width) if media is not None else None
            if image is None:
                continue
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setToolTip(plain_tooltip(alt))
            label.setAccessibleName(alt)
            label.setObjectName("question-image")
            box.insertWidget(box.indexOf(self.prompt) + 1 + shown, label)
            shown += 1
        return shown

    def arranged(self, ids: tuple[str, ...], *, always: bool = False, key: str = "") -> tuple[str, ...]:
        """`ids` in this attempt's order for this question (or for `key` within it, e.g. one cloze gap).

        `always` is for kinds whose order in the lesson file would give the answer away: they are
        shuffled even outside an attempt (the review queue), then by the question's id alone.
        """
        key = key or self.question.id
        if self.attempt_layout is None:
            return display_order(ids, key) if always else ids
        return self.attempt_layout.arrange(key, ids, always=always)

    def emit_changed(self) -> None:
        self.sig_selection_changed.emit(not self.selection().is_empty())

    def selection(self) -> Response:
        raise NotImplementedError

    def set_response(self, response: Response) -> None:
        """Show a saved answer that may still be changed (test mode before submitting)."""
        raise NotImplementedError

    def show_answer(self, response: Response, outcome: Outcome) -> None:
        """Lock the question showing `response`, marked right and wrong; sets property "answered"."""
        raise NotImplementedError

    def show_try(self, response: Response, outcome: Outcome) -> None:
        """A wrong try while tries remain: `response` held still, each part the student gave marked
        with the core's verdict, and nothing of what is right (`outcome` is core.tries.while_trying's)."""
        self.set_response(response)
        for element in self.findChildren(QWidget):
            part = outcome.part(str(element.property(PART))) if element.property(PART) else None
            if part is not None:
                _mark_try(element, self.show_verdict(element, part), part)
        self.mark_answered()
        # Held, not disabled: a disabled answer turns grey and its marks unreadable; "Try again" frees it.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)

    def press_number(self, number: int) -> None:
        """Keys 1-9 pick option `number` in kinds that have numbered options; nothing in the others."""

    def mark_answered(self) -> None:
        self.setProperty("answered", True)

    @staticmethod
    def tag_part(element: QObject, part_id: str) -> None:
        """Say which part of the answer `element` shows (an option's label, a gap's input, ...)."""
        element.setProperty(PART, part_id)

    @staticmethod
    def show_verdict(element: QObject, part: PartVerdict | None) -> str:
        """Record on `element` the core's verdict for its part; returns the verdict's mark ("" for none)."""
        element.setProperty(VERDICT, str(part.verdict) if part else "")
        return VERDICT_MARK[part.verdict] if part else ""

    def shown_verdicts(self) -> dict[str, str]:
        """part id -> the verdict on screen, read from the marked elements (for tests and screen readers)."""
        shown: dict[str, str] = {}
        for element in self.findChildren(QObject):
            part, verdict = element.property(PART), element.property(VERDICT)
            if part and verdict:
                shown[str(part)] = str(verdict)
        return shown


def _mark_try(element: QWidget, mark: str, part: PartVerdict) -> None:
    spoken = VERDICT_SPOKEN[part.verdict]
    element.setAccessibleDescription(spoken)
    element.setToolTip(spoken)
    colour = verdict_colour(part.verdict, element.palette())
    if isinstance(element, QLabel):
        element.setText(f"{mark} {element.text()}")
        element.setStyleSheet(f"color: {colour}")
    else:
        element.setStyleSheet(f"border: 2px solid {colour}")
