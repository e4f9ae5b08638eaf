"""A finished attempt, question by question, as safe HTML for the review page."""

from __future__ import annotations

import html

from irtutor.content.safe_markdown import render_text
from irtutor.core.describe import describe_correct, describe_response
from irtutor.services.attempt_history import AttemptReview, ReviewedQuestion
from irtutor.ui import messages
from irtutor.ui.local_time import local_clock


def review_html(review: AttemptReview) -> str:
    when = local_clock(review.finished_at)
    parts = [messages.REVIEW_HEADER.format(score=round(review.score, 2), total=review.total,
                                           mode=review.mode.value.capitalize(), when=when)]
    parts += [_item_html(number, item) for number, item in enumerate(review.items, start=1)]
    return "".join(parts)


def _item_html(number: int, item: ReviewedQuestion) -> str:
    question, answer = item.question, item.answer
    head = f"<h3>{number}. {html.escape(question.prompt)}</h3>"
    if answer is None:
        return head + f"<p><i>{messages.NOT_ANSWERED}</i> {messages.RIGHT_ANSWER}: " \
                      f"{html.escape(describe_correct(question))}</p>"
    outcome = answer.outcome
    verdict = messages.CORRECT if outcome.correct else messages.WRONG
    lines = [f"<p><b>{verdict}</b> {messages.SCORE_LINE.format(score=round(outcome.score, 2))}"
             + (f" {messages.TRIES_LINE.format(tries=item.tries)}" if item.tries > 1 else "") + "</p>",
             f"<p>{messages.YOUR_ANSWER}: {html.escape(describe_response(question, answer.response))}<br>"
             f"{messages.RIGHT_ANSWER}: {html.escape(describe_correct(question))}</p>"]
    lines += [render_text(text) for text in outcome.feedback]
    lines.append(render_text(outcome.explanation))
    lines.append(f'<p><a href="page:{html.escape(question.page)}">{messages.READ_PAGE}</a></p>')
    return head + "".join(lines)
