"""Alembic environment: runs against the engine the app hands in, never a URL from a file."""

from __future__ import annotations

from alembic import context

from irtutor.storage import review_tables  # noqa: F401  (registers the review tables on Base.metadata)
from irtutor.storage.tables import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    # Batch mode lets later migrations alter SQLite tables by copy-and-rename.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
