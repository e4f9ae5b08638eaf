"""Attempt layout (question and option order) and the try number of each answer.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attempt") as batch:
        batch.add_column(sa.Column("layout", sa.JSON(), nullable=True))
    with op.batch_alter_table("answer") as batch:
        # Every answer given before this version was a first try.
        batch.add_column(sa.Column("try_number", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("answer") as batch:
        batch.drop_column("try_number")
    with op.batch_alter_table("attempt") as batch:
        batch.drop_column("layout")
