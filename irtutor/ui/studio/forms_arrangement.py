"""Forms for the kinds answered by arranging: matching, ordering, timeline_placement and map_selection."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from irtutor.core.questions import QuestionKind
from irtutor.ui.studio.forms_base import QuestionForm
from irtutor.ui.studio.forms_rows import Column, RowList, number_or_text, shown
from irtutor.ui.studio.forms_typed import DEFAULT

PAIR_COLUMNS = (Column("left", "label", "Left (each once)"), Column("right", "label", "Right (may repeat)"))
LABEL_COLUMN = (Column("text", "label", "Text"),)
EVENT_COLUMNS = (Column("text", "label", "Event", stretch=5), Column("year", "number", "Year", stretch=1))
GRADINGS = (DEFAULT, "longest_ordered_subsequence", "all_or_nothing", "absolute_position", "relative_to_next")
CODES_HINT = "ISO 3166 three-letter codes, e.g. POL CZE HUN (XKX for Kosovo)"


class MatchingForm(QuestionForm):
    """matching: the right pairs, and rights that go with no left."""

    kinds: ClassVar[tuple[QuestionKind, ...]] = (QuestionKind.MATCHING,)
    own_keys = ("pairs", "distractors")

    def build_kind(self) -> None:
        self.pairs = self._rows("pairs", RowList(PAIR_COLUMNS, "pair", blank={}))
        self.distractors = self._rows("distractors", RowList(LABEL_COLUMN, "distractor"))

    def set_kind_fields(self, mapping: dict[str, Any]) -> None:
        self.pairs.set_values(list(mapping.get("pairs", [])))
        self.distractors.set_values(list(mapping.get("distractors", [])))

    def kind_fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"pairs": self.pairs.values()}
        if (distractors := self.distractors.values()) or self.had("distractors"):
            out["distractors"] = distractors
        return out


class OrderingForm(QuestionForm):
    """ordering: the items in their right order, and how a partly right order scores."""

    kinds: ClassVar[tuple[QuestionKind, ...]] = (QuestionKind.ORDERING,)
    own_keys = ("items", "grading")

    def build_kind(self) -> None:
        self.items = self._rows("items", RowList(LABEL_COLUMN, "item"), label="Items, first to last")
        self.grading_combo = self._combo("grading", GRADINGS, editable=False)

    def set_kind_fields(self, mapping: dict[str, Any]) -> None:
        self.items.set_values(list(mapping.get("items", [])))
        self.grading_combo.setCurrentText(mapping.get("grading", DEFAULT))

    def kind_fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"items": self.items.values()}
        if self.grading_combo.currentText() != DEFAULT:
            out["grading"] = self.grading_combo.currentText()
        return out


class TimelineForm(QuestionForm):
    """timeline_placement: three to six events with their years, and how many years off still count."""

    kinds: ClassVar[tuple[QuestionKind, ...]] = (QuestionKind.TIMELINE_PLACEMENT,)
    own_keys = ("events", "tolerance_years")

    def build_kind(self) -> None:
        self.events = self._rows("events", RowList(EVENT_COLUMNS, "event", blank={}))
        self.tolerance_edit = self._line("tolerance_years", "Optional: years off that still count (0-50)",
                                         label="Tolerance (years)")

    def set_kind_fields(self, mapping: dict[str, Any]) -> None:
        self.events.set_values(list(mapping.get("events", [])))
        self.tolerance_edit.setText(shown(mapping.get("tolerance_years")))

    def kind_fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"events": self.events.values()}
        if self.tolerance_edit.text().strip():
            out["tolerance_years"] = number_or_text(self.tolerance_edit.text())
        return out


class MapForm(QuestionForm):
    """map_selection: the countries to select, and the year whose borders the map shows."""

    kinds: ClassVar[tuple[QuestionKind, ...]] = (QuestionKind.MAP_SELECTION,)
    own_keys = ("countries", "year")

    def build_kind(self) -> None:
        self.countries_edit = self._line("countries", CODES_HINT, label="Countries")
        self.year_edit = self._line("year", "Optional: borders and members as of this year")

    def set_kind_fields(self, mapping: dict[str, Any]) -> None:
        self.countries_edit.setText(" ".join(mapping.get("countries", [])))
        self.year_edit.setText(shown(mapping.get("year")))

    def kind_fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"countries": [c for c in re.split(r"[\s,;]+", self.countries_edit.text()) if c]}
        if self.year_edit.text().strip():
            out["year"] = number_or_text(self.year_edit.text())
        return out
