"""What a wrong try may show while tries remain (Moodle's interactive behaviour with multiple tries).

A student who sees the right answer and then tries again is copying it, not learning; so until
they are right, run out of tries or ask for the answer, they see only the verdicts on what they
gave and the author's own words on the options they chose, never what is right.
"""

from __future__ import annotations

from dataclasses import replace

from irtutor.core.grading import Outcome
from irtutor.core.questions import Question, QuestionKind
from irtutor.core.verdicts import Verdict

AUTHORED_FEEDBACK = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE})
"""Kinds whose feedback lines are the author's words on the chosen options, never "the right one is ..."."""


def while_trying(question: Question, outcome: Outcome) -> Outcome:
    """`outcome` without the right answer: no missed parts, no explanation, no "right is ..." words.

    Only choice kinds keep their feedback lines: those are the author's words on the chosen
    options; every other kind's lines name the right answer (the right year, gap, match, country).
    """
    authored = question.kind in AUTHORED_FEEDBACK
    own = tuple(replace(part, right="", feedback=part.feedback if authored else "")
                for part in outcome.parts if part.verdict is not Verdict.MISSED)
    return replace(outcome, parts=own, feedback=outcome.feedback if authored else (), explanation="")


def parts_right(outcome: Outcome) -> tuple[int, int]:
    """(right, given) among the parts the student gave, for "2 of 3 of your choices are right"."""
    given = [part for part in outcome.parts if part.verdict is not Verdict.MISSED]
    return sum(1 for part in given if part.verdict is Verdict.RIGHT), len(given)
