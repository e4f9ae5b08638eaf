"""The progress dashboard's figures, from the statistics queries and the loaded lessons."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from irtutor.core.attempts import Profile
from irtutor.core.lesson import Lesson
from irtutor.core.progress import (
    AttemptScore,
    ItemStatistics,
    LessonProgress,
    TopicStrength,
    pearson,
    rest_of_test_sums,
)
from irtutor.storage.stats import FinalAnswer, FinishedAttempt, ItemAggregates, QuizAggregates, Statistics

DueCards = Callable[[int], set[tuple[str, str]]]
"""Given a profile id, the (lesson_id, question_id) of its review cards due now."""


@dataclass(frozen=True)
class Dashboard:
    lessons: tuple[LessonProgress, ...]
    weakest_topics: tuple[TopicStrength, ...]


class ProgressReport:
    def __init__(self, stats: Statistics, lessons: list[Lesson], due_cards: DueCards | None = None) -> None:
        self.stats = stats
        self.lessons = lessons
        self.due_cards = due_cards

    def dashboard(self, profile: Profile) -> Dashboard:
        latest = self.stats.latest_answers(profile.id)
        finished = self.stats.finished_attempts(profile.id)
        due = self.due_cards(profile.id) if self.due_cards else set()
        return Dashboard(tuple(lesson_progress(self.lessons, latest, finished, due)),
                         tuple(weakest_topics(self.lessons, latest)))

    def item_statistics(self) -> list[ItemStatistics]:
        return item_statistics(*self.stats.item_aggregates(), lessons=self.lessons)


def lesson_progress(lessons: list[Lesson], latest: list[FinalAnswer], finished: list[FinishedAttempt],
                    due: set[tuple[str, str]]) -> list[LessonProgress]:
    answers = {(a.lesson_id, a.question_id): a for a in latest}
    attempts: dict[str, list[FinishedAttempt]] = defaultdict(list)
    for attempt in finished:
        attempts[attempt.lesson_id].append(attempt)
    rows = []
    for lesson in lessons:
        ids = [q.id for q in lesson.questions]
        total = len(ids) or 1
        answered = [answers[(lesson.id, qid)] for qid in ids if (lesson.id, qid) in answers]
        mastered = [a for a in answered if a.correct and (lesson.id, a.question_id) not in due]
        history = tuple(AttemptScore(a.finished_at, 100 * a.score / total) for a in attempts[lesson.id])
        rows.append(LessonProgress(
            lesson.id, lesson.title, completion=100 * len(answered) / total,
            best=max((h.percent for h in history), default=None), last=history[-1].percent if history else None,
            mastery=100 * len(mastered) / total, history=history,
        ))
    return rows


def weakest_topics(lessons: list[Lesson], latest: list[FinalAnswer], limit: int = 5) -> list[TopicStrength]:
    """Topics with the lowest share of right latest answers, among topics the student has met."""
    answers = {(a.lesson_id, a.question_id): a for a in latest}
    by_topic: dict[str, list[tuple[Lesson, str, FinalAnswer]]] = defaultdict(list)
    for lesson in lessons:
        for question in lesson.questions:
            answer = answers.get((lesson.id, question.id))
            if answer is not None and question.topic:
                by_topic[question.topic].append((lesson, question.page, answer))
    strengths = []
    for topic, rows in by_topic.items():
        lesson, page, _ = min(rows, key=lambda row: row[2].score)
        share = 100 * sum(row[2].score for row in rows) / len(rows)
        strengths.append(TopicStrength(topic, share, len(rows), lesson.id, page))
    strengths.sort(key=lambda t: (t.share_right, -t.answered, t.topic))
    return strengths[:limit]


def item_statistics(quizzes: list[QuizAggregates], items: list[ItemAggregates],
                    lessons: list[Lesson] = ()) -> list[ItemStatistics]:  # type: ignore[assignment]
    """Facility and discrimination per question; a question of `lessons` that no finished attempt
    answered is listed too, with facility 0 (as Moodle lists every question of the quiz)."""
    per_quiz = {q.lesson_id: q for q in quizzes}
    seen = {(i.lesson_id, i.question_id) for i in items}
    items = items + [ItemAggregates(lesson.id, q.id, 0, 0.0, 0.0, 0.0) for lesson in lessons
                     if lesson.id in per_quiz for q in lesson.questions if (lesson.id, q.id) not in seen]
    result = []
    for item in items:
        quiz = per_quiz[item.lesson_id]
        sums = rest_of_test_sums(quiz.attempts, item.sx, item.sxt, item.sxx, quiz.totals_sum, quiz.totals_sq_sum)
        r = pearson(sums)
        result.append(ItemStatistics(item.lesson_id, item.question_id, quiz.attempts,
                                     facility=100 * item.sx / quiz.attempts,
                                     discrimination=None if r is None else 100 * r))
    return sorted(result, key=lambda s: (s.lesson_id, s.question_id))
