"""Progress figures: what the dashboard shows and how each is defined. Pure, no I/O."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AttemptScore:
    finished_at: datetime
    percent: float


@dataclass(frozen=True)
class LessonProgress:
    """One student's standing in one lesson.

    - completion: share of the lesson's questions the student has answered at least once;
    - best / last: the best and the latest finished attempt's score, in percent (None before any);
    - mastery: share of the lesson's questions whose latest answer was right and whose review
      card is not due now (a question answered right but due again is not yet mastered).
    """

    lesson_id: str
    title: str
    completion: float
    best: float | None
    last: float | None
    mastery: float
    history: tuple[AttemptScore, ...]


@dataclass(frozen=True)
class TopicStrength:
    """A topic's share of right latest answers, with the page to revisit (the most-missed question's)."""

    topic: str
    share_right: float
    answered: int
    lesson_id: str
    page: str


@dataclass(frozen=True)
class ItemStatistics:
    """Moodle's quiz statistics for one question over all finished attempts on this database.

    facility: mean final score on the question, in percent (unanswered counts 0);
    discrimination: Pearson correlation between the question's score and the rest of the
    attempt's score (the total less this question), in percent; None when undefined
    (fewer than two attempts, or no spread).
    """

    lesson_id: str
    question_id: str
    attempts: int
    facility: float
    discrimination: float | None


@dataclass(frozen=True)
class ScoreSums:
    """Sums over attempts of x (the item's score) and y (the rest of the attempt's score)."""

    n: int
    sx: float
    sy: float
    sxy: float
    sxx: float
    syy: float


def pearson(sums: ScoreSums) -> float | None:
    """The correlation coefficient from running sums; None when it is undefined."""
    n = sums.n
    if n < 2:
        return None
    cov = n * sums.sxy - sums.sx * sums.sy
    var_x = n * sums.sxx - sums.sx**2
    var_y = n * sums.syy - sums.sy**2
    if var_x <= 1e-12 or var_y <= 1e-12:
        return None
    return max(-1.0, min(1.0, cov / math.sqrt(var_x * var_y)))


def rest_of_test_sums(n: int, sx: float, sxt: float, sxx: float, totals_sum: float,
                      totals_sq_sum: float) -> ScoreSums:
    """ScoreSums for one question from aggregates a database computes in one pass.

    n: finished attempts at the quiz; sx, sxt, sxx: the sums of x, x * total and x * x over the
    attempts that answered the question (the others have x = 0, so they add nothing there);
    totals_sum, totals_sq_sum: the sums of every attempt's total and of its square. With
    y = total - x: Sy = St - Sx, Sxy = Sxt - Sxx, Syy = Stt - 2 Sxt + Sxx.
    """
    return ScoreSums(n=n, sx=sx, sy=totals_sum - sx, sxy=sxt - sxx, sxx=sxx, syy=totals_sq_sum - 2 * sxt + sxx)
