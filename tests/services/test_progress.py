"""Dashboard and item statistics checked against values computed by hand on a small database."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from irtutor.core.attempts import StoredAnswer
from irtutor.core.questions import Response
from irtutor.services.progress import item_statistics, lesson_progress, weakest_topics
from irtutor.storage.database import open_store
from irtutor.storage.stats import Statistics
from irtutor.storage.stores import Store

# Final scores per finished attempt of lesson "mini" (None = not answered).
ATTEMPTS = [
    {"q1": 1.0, "q2": 0.0, "q3": 1.0},
    {"q1": 1.0, "q2": 1.0, "q3": 1.0},
    {"q1": 0.0, "q2": 0.0, "q3": None},
]


def answer(store: Store, attempt_id: int, qid: str, score: float) -> None:
    store.record_answer(attempt_id, StoredAnswer(qid, "h", Response.of("a"), score, score == 1.0), 1000)


@pytest.fixture
def stats(tmp_path: Path) -> Statistics:
    store = open_store(tmp_path / "db.sqlite3")
    for number, scores in enumerate(ATTEMPTS):
        profile = store.add_profile(f"student {number}")
        attempt = store.start_attempt(profile.id, "mini", "test", None)
        if number == 2:
            answer(store, attempt.id, "q1", 1.0)  # changed later: only the final answer counts
        for qid, score in scores.items():
            if score is not None:
                answer(store, attempt.id, qid, score)
        store.finish_attempt(attempt.id)
    unfinished = store.start_attempt(1, "mini", "test", None)
    answer(store, unfinished.id, "q1", 0.0)  # unfinished attempts count for no statistic
    return Statistics(store.engine, "test")


def test_facility_and_discrimination(stats: Statistics) -> None:
    figures = {s.question_id: s for s in item_statistics(*stats.item_aggregates())}
    assert figures["q1"].facility == pytest.approx(200 / 3)
    assert figures["q2"].facility == pytest.approx(100 / 3)
    assert figures["q3"].facility == pytest.approx(200 / 3)
    assert figures["q1"].discrimination == pytest.approx(100 * 0.8660254)  # worked out by hand
    assert figures["q2"].discrimination == pytest.approx(50.0)
    for qid, stat in figures.items():
        x = [a[qid] or 0.0 for a in ATTEMPTS]
        rest = [sum(v or 0.0 for v in a.values()) - (a[qid] or 0.0) for a in ATTEMPTS]
        assert stat.discrimination == pytest.approx(100 * statistics.correlation(x, rest))
        assert stat.attempts == 3


def test_no_discrimination_without_spread(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3")
    profile = store.add_profile("Ana")
    for _ in range(3):
        attempt = store.start_attempt(profile.id, "mini", "test", None)
        answer(store, attempt.id, "q1", 1.0)
        store.finish_attempt(attempt.id)
    [stat] = item_statistics(*Statistics(store.engine, "t").item_aggregates())
    assert stat.facility == 100.0 and stat.discrimination is None


def test_lesson_progress_and_weakest_topics(tmp_path: Path) -> None:

    from irtutor.content.lesson_loader import load_lesson
    from tests.conftest import LESSONS

    lesson, _ = load_lesson(LESSONS / "nato-origins")
    store = open_store(tmp_path / "db.sqlite3")
    profile = store.add_profile("Ana")
    questions = lesson.questions
    first = store.start_attempt(profile.id, lesson.id, "practice", None)
    for question in questions[:4]:
        answer(store, first.id, question.id, 1.0)
    store.finish_attempt(first.id)
    second = store.start_attempt(profile.id, lesson.id, "practice", None)
    answer(store, second.id, questions[0].id, 0.0)  # now wrong
    answer(store, second.id, questions[4].id, 1.0)
    store.finish_attempt(second.id)
    stats = Statistics(store.engine, "t")
    latest, finished = stats.latest_answers(profile.id), stats.finished_attempts(profile.id)

    due = {(lesson.id, questions[1].id)}
    [progress] = lesson_progress([lesson], latest, finished, due)
    total = len(questions)
    assert progress.completion == pytest.approx(100 * 5 / total)
    assert progress.best == pytest.approx(100 * 4 / total)
    assert progress.last == pytest.approx(100 * 1 / total)
    assert progress.mastery == pytest.approx(100 * 3 / total)  # q0 now wrong, q1 due again
    assert [h.percent for h in progress.history] == pytest.approx([100 * 4 / total, 100 / total])

    weakest = weakest_topics([lesson], latest)
    assert weakest[0].topic == questions[0].topic and weakest[0].page == questions[0].page
    assert weakest == sorted(weakest, key=lambda t: t.share_right)
    assert len(weakest) <= 5
