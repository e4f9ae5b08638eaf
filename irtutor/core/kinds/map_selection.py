"""map_selection: click the countries that answer the question, on the map of a given year."""

from __future__ import annotations

from dataclasses import dataclass, field

from irtutor.core.answer_keys import NOT_HASHED, AnswerKey
from irtutor.core.kind_registry import Graded, KeyReader, KindRules
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.verdicts import PartVerdict, Verdict

MAP_MISSED = "Not selected but right: {names}."
MAP_WRONG = "Selected but not right: {names}."


@dataclass(frozen=True)
class MapKey(AnswerKey):
    """The countries (ISO3 codes) to select, borders and members as of `year`.

    `names` gives each code's country name for feedback (filled by the loader from the outlines).
    """

    kinds = (QuestionKind.MAP_SELECTION,)

    countries: tuple[str, ...]
    year: int | None = None
    names: tuple[tuple[str, str], ...] = ()
    map_names: tuple[tuple[str, str], ...] = field(default=(), compare=False, metadata=NOT_HASHED)
    """Every country on the map, so feedback names a wrong pick ("France", not "FRA"); from the outlines."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "countries", tuple(sorted(set(self.countries))))

    def name(self, iso3: str) -> str:
        return dict(self.names).get(iso3) or dict(self.map_names).get(iso3, iso3)


def grade(question: Question, response: Response) -> Graded:
    """Like multiple choice: right picks minus wrong picks over the countries to find, floored at 0."""
    key: MapKey = question.key  # type: ignore[assignment]
    selected, right = response.selected, set(key.countries)
    hits, wrong, missed = selected & right, selected - right, right - selected
    parts = tuple(
        PartVerdict(code, Verdict.RIGHT if code in hits else Verdict.WRONG if code in wrong else Verdict.MISSED,
                    1.0 if code in hits else 0.0, "", key.name(code))
        for code in sorted(selected | right))
    feedback = []
    if missed:
        feedback.append(MAP_MISSED.format(names=", ".join(sorted(key.name(c) for c in missed))))
    if wrong:
        feedback.append(MAP_WRONG.format(names=", ".join(sorted(key.name(c) for c in wrong))))
    score = max(0.0, (len(hits) - len(wrong)) / len(right)) if right else 0.0
    return Graded(score, parts, tuple(feedback))


def describe_response(question: Question, response: Response) -> str:
    key: MapKey = question.key  # type: ignore[assignment]
    return ", ".join(sorted(key.name(code) for code in response.selected))


def describe_correct(question: Question) -> str:
    key: MapKey = question.key  # type: ignore[assignment]
    return ", ".join(sorted(key.name(code) for code in key.countries))


def right_response(question: Question) -> Response:
    return Response(selected=frozenset(question.key.countries))  # type: ignore[union-attr]


def read(reader: KeyReader) -> MapKey:
    codes = list(reader.data["countries"])
    year = reader.data.get("year")
    names = reader.country_names()
    if names is None:  # no map data: reported once elsewhere; the widget says it cannot draw the map
        return MapKey(tuple(codes), year, tuple((c, c) for c in sorted(set(codes))))
    for i, code in enumerate(codes):
        if code not in names:
            reader.report(("countries", i), f"'{code}' is not a country on the map; use an ISO 3166 three-letter "
                                            "code such as POL (Poland), or XKX for Kosovo")
    return MapKey(tuple(codes), year, tuple((c, names[c]) for c in sorted(set(codes)) if c in names),
                  tuple(sorted(names.items())))

RULES = KindRules(MapKey.kinds, MapKey, frozenset({"selected"}), grade, describe_response, describe_correct,
                  right_response, read)
