"""Attempt layout and score; each answer's try number and whether it counts; running quiz statistics.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attempt") as batch:
        batch.add_column(sa.Column("layout", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("score", sa.Float(), nullable=True))
    with op.batch_alter_table("answer") as batch:
        # Every answer given before this version was a first try.
        batch.add_column(sa.Column("try_number", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("is_final", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.execute("""
        UPDATE answer SET is_final = (id = (SELECT MAX(later.id) FROM answer AS later
                                            WHERE later.attempt_id = answer.attempt_id
                                              AND later.question_id = answer.question_id))""")
    op.execute("""
        UPDATE attempt SET score = (SELECT COALESCE(SUM(score), 0) FROM answer
                                    WHERE answer.attempt_id = attempt.id AND answer.is_final)
        WHERE finished_at IS NOT NULL""")
    op.create_table(
        "quiz_stat",
        sa.Column("lesson_id", sa.String(120), primary_key=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("totals_sum", sa.Float(), nullable=False),
        sa.Column("totals_sq_sum", sa.Float(), nullable=False),
    )
    op.create_table(
        "item_stat",
        sa.Column("lesson_id", sa.String(120), primary_key=True),
        sa.Column("question_id", sa.String(120), primary_key=True),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("sx", sa.Float(), nullable=False),
        sa.Column("sxt", sa.Float(), nullable=False),
        sa.Column("sxx", sa.Float(), nullable=False),
    )
    # The same sums the app keeps up to date from now on, over the attempts finished so far.
    op.execute("""
        INSERT INTO quiz_stat (lesson_id, attempts, totals_sum, totals_sq_sum)
        SELECT lesson_id, COUNT(*), SUM(score), SUM(score * score) FROM attempt
        WHERE finished_at IS NOT NULL GROUP BY lesson_id""")
    op.execute("""
        INSERT INTO item_stat (lesson_id, question_id, answered, sx, sxt, sxx)
        SELECT t.lesson_id, a.question_id, COUNT(*), SUM(a.score), SUM(a.score * t.score), SUM(a.score * a.score)
        FROM answer a JOIN attempt t ON t.id = a.attempt_id
        WHERE a.is_final AND t.finished_at IS NOT NULL GROUP BY t.lesson_id, a.question_id""")


def downgrade() -> None:
    op.drop_table("item_stat")
    op.drop_table("quiz_stat")
    with op.batch_alter_table("answer") as batch:
        batch.drop_column("is_final")
        batch.drop_column("try_number")
    with op.batch_alter_table("attempt") as batch:
        batch.drop_column("score")
        batch.drop_column("layout")
