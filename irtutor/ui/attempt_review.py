"""A finished attempt one can scan: the score as marks and percent, then a row per question with
its verdict, each opening (a click on its row or its number in the grid) to the per-part verdicts
the core gave; and the verdict words every screen uses, so quiz, review queue and review agree."""

from __future__ import annotations

import html

from irtutor.content.safe_markdown import render_text
from irtutor.core.describe import describe_correct, describe_response
from irtutor.core.grading import Outcome
from irtutor.core.questions import Question
from irtutor.core.quiz_settings import QuizMode
from irtutor.core.verdicts import PartVerdict, Verdict
from irtutor.services.attempt_history import AttemptReview, ReviewedQuestion
from irtutor.ui import messages
from irtutor.ui.local_time import local_clock
from irtutor.ui.question_base import VERDICT_COLOUR, VERDICT_COLOUR_DARK, VERDICT_MARK, VERDICT_SPOKEN

TOGGLE = "toggle:"
"""The href scheme of a row's opener; the rest is the question's number."""


def verdict_words(outcome: Outcome, tries: int = 1) -> str:
    """The one wording of a whole answer's verdict, for the quiz, the review queue and the review."""
    percent = round(outcome.score * 100)
    if outcome.correct:
        return messages.CORRECT_ON_TRY.format(tries=tries, percent=percent) if tries > 1 else messages.CORRECT
    return messages.PARTLY.format(percent=percent) if outcome.score > 0 else messages.WRONG


def verdict_of(outcome: Outcome | None) -> str:
    """A whole answer as a core Verdict's value ("unanswered" for none), for colours and the grid."""
    if outcome is None:
        return "unanswered"
    return str(Verdict.RIGHT if outcome.correct else Verdict.PARTLY if outcome.score > 0 else Verdict.WRONG)


def score_words(score: float, total: int) -> str:
    """ "11.95 of 18 (66%)". """
    percent = round(100 * score / total) if total else 0
    return messages.SCORE_PERCENT.format(score=round(score, 2), total=total, percent=percent)


def review_html(review: AttemptReview, opened: frozenset[int] = frozenset(), *, dark: bool = False) -> str:
    """The whole review; questions numbered in `opened` (from 1) show their parts; `dark` gives the
    verdicts the tints that keep their contrast on a dark palette."""
    colours = VERDICT_COLOUR_DARK if dark else VERDICT_COLOUR
    when = local_clock(review.finished_at)
    parts = [messages.REVIEW_HEADER.format(score=score_words(review.score, review.total),
                                           mode=review.mode.value.capitalize(), when=when)]
    practice = review.mode is QuizMode.PRACTICE  # a test's "tries" are changes of mind, not tries
    parts += [_row_html(number, item, number in opened, practice, colours)
              for number, item in enumerate(review.items, start=1)]
    return "".join(parts)


def _row_html(number: int, item: ReviewedQuestion, opened: bool, practice: bool,
              colours: dict[Verdict, str]) -> str:
    question, answer = item.question, item.answer
    state = verdict_of(answer.outcome if answer else None)
    colour = colours.get(Verdict(state), "") if state != "unanswered" else ""
    mark = VERDICT_MARK[Verdict(state)] if state != "unanswered" else "–"
    words = verdict_words(answer.outcome, item.tries if practice else 1) if answer else messages.NOT_ANSWERED
    marks = messages.SCORE_LINE.format(score=round(answer.outcome.score, 2)) if answer else ""
    head = (f'<a name="q{number}"></a><p><a href="{TOGGLE}{number}">{"▾" if opened else "▸"} {number}.</a> '
            f'<span style="color: {colour}"><b>{mark} {html.escape(words)}</b></span> {marks}<br>'
            f"{html.escape(' '.join(question.prompt.split()))}</p>")
    return head + (_body_html(item, practice, colours) if opened else "")


def _body_html(item: ReviewedQuestion, practice: bool, colours: dict[Verdict, str]) -> str:
    question, answer = item.question, item.answer
    right = f"{messages.RIGHT_ANSWER}: {html.escape(describe_correct(question))}"
    if answer is None:
        return f"<blockquote><p>{right}</p></blockquote>"
    outcome = answer.outcome
    lines = [f"<p>{messages.YOUR_ANSWER}: {html.escape(describe_response(question, answer.response))}<br>{right}"
             + (f"<br>{messages.TRIES_LINE.format(tries=item.tries)}" if practice and item.tries > 1 else "") + "</p>"]
    if outcome.parts:
        lines.append("<ul>" + "".join(_part_html(question, part, colours) for part in outcome.parts) + "</ul>")
    if not outcome.parts:  # else each part's own words are in its line above
        lines += [render_text(text) for text in outcome.feedback]
    lines.append(render_text(outcome.explanation))
    lines.append(f'<p><a href="page:{html.escape(question.page)}">{messages.READ_PAGE}</a></p>')
    return "<blockquote>" + "".join(lines) + "</blockquote>"


def _part_html(question: Question, part: PartVerdict, colours: dict[Verdict, str]) -> str:
    """One part as the core judged it: its mark and words in its colour, what it is, and its feedback."""
    option = next((o.text for o in question.options if o.id == part.part), "")
    words = [w for w in (option, part.feedback, f"{messages.RIGHT_ANSWER}: {part.right}" if part.right and
                         part.verdict is not Verdict.RIGHT else "") if w]
    spoken = VERDICT_SPOKEN[part.verdict].split(":")[0].capitalize()
    return (f'<li><span style="color: {colours[part.verdict]}"><b>{VERDICT_MARK[part.verdict]} {spoken}</b>'
            f"</span> {html.escape(' — '.join(words))}</li>")
