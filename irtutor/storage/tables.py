"""The database tables. Rows never leave the storage layer: stores hand back core objects."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy import true as sa_true
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from irtutor.storage.utc import UtcDateTime


class Base(DeclarativeBase):
    pass


class ProfileRow(Base):
    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AttemptRow(Base):
    __tablename__ = "attempt"
    __table_args__ = (Index("ix_attempt_profile_lesson", "profile_id", "lesson_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    lesson_id: Mapped[str] = mapped_column(String(120))
    mode: Mapped[str] = mapped_column(String(20), default="practice")
    position: Mapped[int] = mapped_column(Integer, default=0)
    layout: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # The sum of the final answers' scores, fixed when the attempt is finished (None before).
    score: Mapped[float | None] = mapped_column(Float, nullable=True)


class AnswerRow(Base):
    __tablename__ = "answer"
    __table_args__ = (
        Index("ix_answer_attempt_question", "attempt_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(120))
    question_hash: Mapped[str] = mapped_column(String(64))
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    correct: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[float] = mapped_column(Float)
    duration_ms: Mapped[int] = mapped_column(Integer)
    try_number: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # True for the latest answer to its question in its attempt: the one that counts.
    is_final: Mapped[bool] = mapped_column(Boolean, default=True, server_default=sa_true())
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SettingRow(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class QuizStatRow(Base):
    """Running sums over the finished attempts at one quiz, updated as each attempt finishes."""

    __tablename__ = "quiz_stat"

    lesson_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer)
    totals_sum: Mapped[float] = mapped_column(Float)
    totals_sq_sum: Mapped[float] = mapped_column(Float)


class ItemStatRow(Base):
    """Running sums for one question over the finished attempts that answered it (see core.progress)."""

    __tablename__ = "item_stat"

    lesson_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    answered: Mapped[int] = mapped_column(Integer)
    sx: Mapped[float] = mapped_column(Float)
    sxt: Mapped[float] = mapped_column(Float)
    sxx: Mapped[float] = mapped_column(Float)
