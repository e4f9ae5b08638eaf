"""Review tables: one FSRS card per student and answered question, and a log of every review.

Declared on the shared `Base` so Alembic's comparison sees them (migrations/env.py imports this
module). Times are UtcDateTime, like the other tables'.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from irtutor.storage.tables import Base
from irtutor.storage.utc import UtcDateTime


class ReviewCardRow(Base):
    __tablename__ = "review_card"
    __table_args__ = (
        UniqueConstraint("profile_id", "lesson_id", "question_id", name="uq_review_card_question"),
        # "What is due for this student now" is the queue's only hot query.
        Index("ix_review_card_profile_due", "profile_id", "due"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    lesson_id: Mapped[str] = mapped_column(String(120))
    question_id: Mapped[str] = mapped_column(String(120))
    state: Mapped[str] = mapped_column(String(12))  # core.review.CardPhase value
    step: Mapped[int | None] = mapped_column(Integer, nullable=True)
    stability: Mapped[float | None] = mapped_column(Float, nullable=True)
    difficulty: Mapped[float | None] = mapped_column(Float, nullable=True)
    due: Mapped[datetime] = mapped_column(UtcDateTime)
    last_review: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class ReviewLogRow(Base):
    __tablename__ = "review_log"
    __table_args__ = (
        Index("ix_review_log_card", "card_id"),
        CheckConstraint("rating BETWEEN 1 AND 4", name="ck_review_log_rating"),
        CheckConstraint("source IN ('quiz', 'review')", name="ck_review_log_source"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("review_card.id", ondelete="CASCADE"))
    rating: Mapped[int] = mapped_column(Integer)  # core.review.ReviewRating value
    reviewed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    duration_ms: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(10))  # core.review.ReviewSource value
