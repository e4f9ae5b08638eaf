"""Images in a question's prompt: shown under it from the lesson's media/ folder, checked as a page's are."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from irtutor.cli import check
from irtutor.content.lesson_loader import load_lesson
from irtutor.ui.question_factory import make_question_widget
from tests.conftest import LESSONS
from tests.ui.driving import create_profile, open_quiz, start_app


def lesson_with_image(tmp_path: Path, image: str) -> Path:
    folder = tmp_path / "lessons" / "nato-origins"
    shutil.copytree(LESSONS / "nato-origins", folder)
    (folder / "media").mkdir()
    picture = QImage(200, 100, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    assert picture.save(str(folder / "media" / "flag.png"))
    quiz = folder / "quiz.yaml"
    text = quiz.read_text(encoding="utf-8")
    first = text.index("prompt:", text.index("questions:"))
    end = text.index("\n", first)
    line = text[first:end]
    quoted = line.split("prompt:", 1)[1].strip()[0] in "\"'"
    at = end - 1 if quoted else end  # inside the closing quote, or at the end of a plain one-line prompt
    quiz.write_text(text[:at] + f" {image}" + text[at:], encoding="utf-8")
    return folder


def images(widget: QLabel) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel, "question-image") if label.pixmap() is not None]


def test_a_prompt_image_shows_under_the_prompt_with_its_alt_text(qtbot: QtBot, tmp_path: Path) -> None:
    folder = lesson_with_image(tmp_path, "![A red flag](media/flag.png)")
    lesson, problems = load_lesson(folder)
    assert lesson is not None and not problems
    question = lesson.questions[0]
    widget = make_question_widget(question, lesson_folder=folder)
    qtbot.addWidget(widget)
    shown = images(widget)
    assert len(shown) == 1 and shown[0].accessibleName() == "A red flag"
    assert shown[0].pixmap().toImage().pixelColor(10, 10) == QColor("red")
    assert "A red flag" in widget.prompt.text()  # the prompt keeps the alt text, for screen readers too
    plain = make_question_widget(question)
    qtbot.addWidget(plain)
    assert images(plain) == []

    window = start_app(qtbot, [folder.parent])
    create_profile(qtbot, window, "Ana")
    quiz = open_quiz(qtbot, window)
    quiz.go_to(quiz.session.questions.index(next(q for q in quiz.session.questions if q.id == question.id)))
    assert len(images(quiz.question_widget)) == 1


@pytest.mark.parametrize("image", ["![](media/flag.png)", "![A flag](../lesson.yaml)", "![A flag](media/none.png)"])
def test_a_bad_prompt_image_is_a_check_problem_and_the_question_stays(tmp_path: Path, image: str) -> None:
    folder = lesson_with_image(tmp_path, image)
    out = io.StringIO()
    assert check([str(folder)], out=out) == 1
    assert any(line.split(":")[0].endswith("quiz.yaml") and "in this prompt" in line
               for line in out.getvalue().splitlines())
    lesson, problems = load_lesson(folder, spare_parts=True)
    assert lesson is not None and len(lesson.questions) == len(load_lesson(LESSONS / "nato-origins")[0].questions)
    assert any(p.path.endswith("quiz.yaml") and "image" in p.message for p in problems)
