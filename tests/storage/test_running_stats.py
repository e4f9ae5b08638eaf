"""The running sums kept as attempts finish always equal a full recomputation."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from irtutor.core.attempts import StoredAnswer
from irtutor.core.questions import Response
from irtutor.storage.database import open_store
from irtutor.storage.running_stats import rebuild_running_sums, recomputed_sums
from irtutor.storage.stats import Statistics

answer_events = st.lists(st.tuples(st.sampled_from(["q1", "q2", "q3"]), st.sampled_from([0.0, 0.5, 1.0])),
                         max_size=6)
attempts = st.lists(st.tuples(st.sampled_from(["l1", "l2"]), answer_events, st.booleans()), max_size=8)


def rounded(rows: list[tuple]) -> list[tuple]:
    return sorted(tuple(round(v, 9) if isinstance(v, float) else v for v in row) for row in rows)


def kept_sums(stats: Statistics) -> tuple[list[tuple], list[tuple]]:
    quizzes, items = stats.item_aggregates()
    return (rounded([(q.lesson_id, q.attempts, q.totals_sum, q.totals_sq_sum) for q in quizzes]),
            rounded([(i.lesson_id, i.question_id, i.answered, i.sx, i.sxt, i.sxx) for i in items]))


@settings(max_examples=25, deadline=None)
@given(plan=attempts)
def test_running_sums_equal_a_recomputation(plan: list[tuple[str, list[tuple[str, float]], bool]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "db.sqlite3")
        profile = store.add_profile("Ana")
        for lesson_id, answers, finished in plan:
            attempt = store.start_attempt(profile.id, lesson_id, "test", None)
            for question_id, score in answers:  # repeated questions: only the last answer counts
                store.record_answer(attempt.id, StoredAnswer(question_id, "h", Response.of("a"), score,
                                                             score == 1.0), 10)
            if finished:
                store.finish_attempt(attempt.id)
                store.finish_attempt(attempt.id)  # a second click counts once
        with store.engine.connect() as conn:
            quizzes, items = recomputed_sums(conn)
        kept_quizzes, kept_items = kept_sums(Statistics(store.engine, "t"))
        assert kept_quizzes == rounded(quizzes)
        assert kept_items == rounded(items)
        with store.engine.begin() as conn:
            rebuild_running_sums(conn)
        assert kept_sums(Statistics(store.engine, "t")) == (kept_quizzes, kept_items)
        store.engine.dispose()
