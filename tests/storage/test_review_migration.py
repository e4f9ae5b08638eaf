"""Upgrading a 0001 database with answers in it to 0002: no answer lost, a card per answered question."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Engine, inspect, text

from irtutor.core.review import CardPhase
from irtutor.services.review_queue import ReviewQueue, default_scheduler
from irtutor.storage.engine import open_engine, sqlite_url
from irtutor.storage.migrate import alembic_config, upgrade_to, upgrade_to_head
from irtutor.storage.review_store import ReviewStore

PROFILES = [(1, "Ana"), (2, "Ben"), (3, "Cem")]  # Cem never answered anything
ATTEMPTS = [  # id, profile, lesson, finished
    (1, 1, "nato-origins", "2026-11-20 10:30:00.000000"),
    (2, 1, "nato-origins", None),
    (3, 1, "russia", None),
    (4, 2, "nato-origins", None),
]
ANSWERS = [  # id, attempt, question, response, correct, score, duration, answered at
    (1, 1, "q-blockade", '{"kind": "choice", "chosen": ["a"]}', 0, 0.0, 41_000, "2026-11-20 10:01:00.000000"),
    (2, 1, "q-treaty", '{"kind": "choice", "chosen": ["b", "c"]}', 0, 0.5, 12_500, "2026-11-20 10:02:00.250000"),
    (3, 2, "q-blockade", '{"kind": "choice", "chosen": ["b"]}', 1, 1.0, 6_000, "2026-11-22 09:00:00.000000"),
    (4, 3, "q-baker", '{"kind": "true_false", "value": true}', 1, 1.0, 9_000, "2026-11-21 15:45:10.000000"),
    (5, 4, "q-blockade", '{"kind": "choice", "chosen": ["b"]}', 1, 1.0, 3_000, "2026-11-19 08:00:00.000000"),
    (6, 4, "q-blockade", '{"kind": "choice", "chosen": ["a"]}', 0, 0.0, 2_000, "2026-11-19 08:05:00.000000"),
]


def database_at_0001(path: Path) -> Engine:
    engine = open_engine(sqlite_url(path))
    upgrade_to(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO profile (id, name, created_at) VALUES (:id, :name, :t)"),
                     [{"id": i, "name": n, "t": "2026-11-01 08:00:00.000000"} for i, n in PROFILES])
        conn.execute(text("INSERT INTO attempt (id, profile_id, lesson_id, mode, position, started_at, finished_at) "
                          "VALUES (:id, :p, :l, 'practice', 0, '2026-11-19 07:59:00.000000', :f)"),
                     [dict(id=i, p=p, l=lesson, f=f) for i, p, lesson, f in ATTEMPTS])
        conn.execute(text("INSERT INTO answer (id, attempt_id, question_id, question_hash, response, correct, score, "
                          "duration_ms, answered_at) VALUES (:id, :a, :q, :h, :r, :c, :s, :d, :t)"),
                     [dict(id=i, a=a, q=q, h=f"{i:064x}", r=r, c=c, s=s, d=d, t=t)
                      for i, a, q, r, c, s, d, t in ANSWERS])
    return engine


def rows(engine: Engine, table: str) -> list[tuple[Any, ...]]:
    """The table's rows in the columns of schema 0001, which 0002 must keep as they are."""
    columns = ", ".join(SCHEMA_0001_COLUMNS[table])
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(f"SELECT {columns} FROM {table} ORDER BY 1"))]


SCHEMA_0001_COLUMNS = {
    "profile": ["id", "name", "created_at"],
    "attempt": ["id", "profile_id", "lesson_id", "mode", "position", "started_at", "finished_at"],
    "answer": ["id", "attempt_id", "question_id", "question_hash", "response", "correct", "score", "duration_ms",
               "answered_at"],
}


def test_upgrade_keeps_every_answer_and_makes_a_card_per_answered_question(tmp_path: Path) -> None:
    engine = database_at_0001(tmp_path / "old.sqlite3")
    before = {table: rows(engine, table) for table in ("profile", "attempt", "answer")}
    assert len(before["answer"]) == len(ANSWERS)

    upgrade_to(engine, "0002")  # 0004 then rewrites the times' text (tests/storage/test_utc_times.py)

    assert {table: rows(engine, table) for table in before} == before
    with engine.connect() as conn:
        cards = conn.execute(text(
            "SELECT profile_id, lesson_id, question_id, state, step, stability, difficulty, due, last_review "
            "FROM review_card ORDER BY profile_id, lesson_id, question_id"
        )).all()
        assert conn.execute(text("SELECT count(*) FROM review_log")).scalar() == 0
    # One card per (profile, lesson, question), new to FSRS and due at its latest answer.
    assert [tuple(c) for c in cards] == [
        (1, "nato-origins", "q-blockade", "learning", 0, None, None, "2026-11-22 09:00:00.000000", None),
        (1, "nato-origins", "q-treaty", "learning", 0, None, None, "2026-11-20 10:02:00.250000", None),
        (1, "russia", "q-baker", "learning", 0, None, None, "2026-11-21 15:45:10.000000", None),
        (2, "nato-origins", "q-blockade", "learning", 0, None, None, "2026-11-19 08:05:00.000000", None),
    ]


def test_backfilled_cards_are_due_now_and_review_like_any_other(tmp_path: Path) -> None:
    engine = database_at_0001(tmp_path / "old.sqlite3")
    upgrade_to_head(engine)
    reviews = ReviewQueue(ReviewStore(engine, str(tmp_path / "old.sqlite3")), default_scheduler(fuzzing=False))
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert reviews.due(1, now) == [("nato-origins", "q-treaty"), ("russia", "q-baker"),
                                   ("nato-origins", "q-blockade")]
    assert (reviews.due_count(2, now), reviews.due_count(3, now)) == (1, 0)

    due = reviews.record(1, "nato-origins", "q-treaty", 1.0, 10_000, now)
    card = reviews.store.card(1, "nato-origins", "q-treaty")
    assert card is not None and card.schedule.state is CardPhase.REVIEW and card.schedule.due == due > now
    assert reviews.due_count(1, now) == 2


def test_stepping_back_to_0001_drops_the_review_tables_and_keeps_the_answers(tmp_path: Path) -> None:
    engine = database_at_0001(tmp_path / "old.sqlite3")
    answers = rows(engine, "answer")
    upgrade_to_head(engine)
    command.downgrade(alembic_config(engine), "0001")
    assert not {"review_card", "review_log"} & set(inspect(engine).get_table_names())
    assert rows(engine, "answer") == answers
