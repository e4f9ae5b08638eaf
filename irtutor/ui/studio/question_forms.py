"""The form for each question kind, found by kind; `make_form` builds one.

Each form edits one question as the mapping quiz.yaml holds (see forms_base.QuestionForm).
"""

from __future__ import annotations

from irtutor.core.questions import QuestionKind
from irtutor.ui.studio.forms_arrangement import MapForm, MatchingForm, OrderingForm, TimelineForm
from irtutor.ui.studio.forms_base import Checked, QuestionForm, check_mapping
from irtutor.ui.studio.forms_choice import ChoiceForm, TrueFalseForm
from irtutor.ui.studio.forms_typed import ClozeForm, NumericForm, ShortTextForm

__all__ = ["FORM_OF_KIND", "Checked", "QuestionForm", "check_mapping", "make_form"]

FORM_CLASSES: tuple[type[QuestionForm], ...] = (
    ChoiceForm, TrueFalseForm, NumericForm, ShortTextForm, ClozeForm,
    MatchingForm, OrderingForm, TimelineForm, MapForm,
)
FORM_OF_KIND: dict[QuestionKind, type[QuestionForm]] = {kind: form for form in FORM_CLASSES for kind in form.kinds}
"""Each form registers by the kinds it declares, as the student widgets do in ui.question_factory."""


def make_form(kind: QuestionKind, pages: tuple[str, ...] = (), sources: tuple[str, ...] = ()) -> QuestionForm:
    """An empty form for a question of `kind`, with the lesson's page slugs and source ids to choose from."""
    return FORM_OF_KIND[kind](kind, pages, sources)
