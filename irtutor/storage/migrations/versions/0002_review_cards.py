"""Review cards and review log; a card due now for every question already answered.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

Why the backfill makes cards due now instead of replaying the old answers through FSRS:

- A migration is history and must give the same result whenever it runs, on a database from
  any year. Replaying needs the grading-to-rating rule (irtutor.core.review) and the FSRS
  scheduler (the `fsrs` package): both are live code whose rule, default parameters and
  learning steps may change, so an upgrade next year would build different schedules from the
  same answers. Copying them frozen into this file would fork the rule.
- FSRS fuzzes intervals at random, so even today a replay would not be reproducible.
- The old answers were given in quizzes without any spacing, often all on one day; FSRS would
  read them as cramming and learn little. One real review now gives it a measured start.

So each (profile, lesson, question) with answers gets a new card (FSRS "learning", step 0, no
stability or difficulty yet), due at the time of its latest answer: already due, and the
longest-unseen questions come first in the queue. No review_log rows are invented: the
answers stay in `answer`, untouched, and the service can reschedule from them later with
whatever rule is current. The cards are inserted in bulk with one executemany.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen copies of what this revision knows; later schema changes must not change this file.
_answer = sa.table("answer", sa.column("attempt_id", sa.Integer), sa.column("question_id", sa.String),
                   sa.column("answered_at", sa.DateTime))
_attempt = sa.table("attempt", sa.column("id", sa.Integer), sa.column("profile_id", sa.Integer),
                    sa.column("lesson_id", sa.String))


def upgrade() -> None:
    card = op.create_table(
        "review_card",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("profile_id", sa.Integer(), sa.ForeignKey("profile.id", ondelete="CASCADE"), nullable=False),
        sa.Column("lesson_id", sa.String(120), nullable=False),
        sa.Column("question_id", sa.String(120), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("stability", sa.Float(), nullable=True),
        sa.Column("difficulty", sa.Float(), nullable=True),
        sa.Column("due", sa.DateTime(), nullable=False),
        sa.Column("last_review", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("profile_id", "lesson_id", "question_id", name="uq_review_card_question"),
    )
    op.create_index("ix_review_card_profile_due", "review_card", ["profile_id", "due"])
    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("card_id", sa.Integer(), sa.ForeignKey("review_card.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.CheckConstraint("rating BETWEEN 1 AND 4", name="ck_review_log_rating"),
        sa.CheckConstraint("source IN ('quiz', 'review')", name="ck_review_log_source"),
    )
    op.create_index("ix_review_log_card", "review_log", ["card_id"])
    _backfill(card)


def _backfill(card: sa.Table) -> None:
    """One card per answered (profile, lesson, question), due at its latest answer."""
    answered = (
        sa.select(_attempt.c.profile_id, _attempt.c.lesson_id, _answer.c.question_id,
                  sa.func.max(_answer.c.answered_at).label("last_answered"))
        .select_from(_answer.join(_attempt, _answer.c.attempt_id == _attempt.c.id))
        .group_by(_attempt.c.profile_id, _attempt.c.lesson_id, _answer.c.question_id)
    )
    conn = op.get_bind()
    rows = [
        dict(profile_id=r.profile_id, lesson_id=r.lesson_id, question_id=r.question_id, state="learning",
             step=0, stability=None, difficulty=None, due=r.last_answered, last_review=None)
        for r in conn.execute(answered)
    ]
    if rows:
        conn.execute(sa.insert(card), rows)


def downgrade() -> None:
    op.drop_index("ix_review_log_card", table_name="review_log")
    op.drop_table("review_log")
    op.drop_index("ix_review_card_profile_due", table_name="review_card")
    op.drop_table("review_card")
