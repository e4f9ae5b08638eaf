"""A quiz's `settings` block: what an instructor writes and how the quiz is then taken."""

from __future__ import annotations

from pathlib import Path

from irtutor.content.lesson_loader import load_lesson
from irtutor.core.quiz_settings import QuizMode, QuizSettings
from tests.content.minimal_lesson import QUIZ_YAML, write_lesson


def test_no_settings_gives_both_modes_no_shuffle_and_a_third_off_per_retry(tmp_path: Path) -> None:
    lesson, problems = load_lesson(write_lesson(tmp_path))
    assert problems == [] and lesson is not None
    assert lesson.quiz_settings == QuizSettings()
    assert lesson.quiz_settings.modes == (QuizMode.PRACTICE, QuizMode.TEST)
    assert round(lesson.quiz_settings.retry_penalty, 3) == 0.333


def test_settings_are_read(tmp_path: Path) -> None:
    quiz = ("settings:\n  modes: [test]\n  shuffle_questions: true\n  shuffle_options: true\n"
            "  retry_penalty_percent: 10\n" + QUIZ_YAML)
    lesson, problems = load_lesson(write_lesson(tmp_path, {"quiz.yaml": quiz}))
    assert problems == [] and lesson is not None
    assert lesson.quiz_settings == QuizSettings(True, True, 0.1, (QuizMode.TEST,))


def test_a_wrong_setting_is_reported_at_its_line(tmp_path: Path) -> None:
    quiz = "settings:\n  modes: [exam]\n  retry_penalty_percent: 150\n" + QUIZ_YAML
    folder = write_lesson(tmp_path, {"quiz.yaml": quiz})
    lesson, problems = load_lesson(folder)
    assert lesson is None
    found = sorted((p.line, p.message) for p in problems)
    assert [line for line, _ in found] == [2, 3]
    assert "exam" in found[0][1] and "practice" in found[0][1]
    assert "150" in found[1][1] and "100" in found[1][1]
