"""The figures a lesson page can place, each one entry: its directive and target, what it shows,
its parameters with their checks, and the reference data files it reads.

A page places a figure with a fenced block whose info string names the directive and target,
followed by `key=value` parameters:

    ```{chart} defence-spending year=2024
    ```

This is the one list of figures. `irtutor check` validates pages against it, the reader looks
up each figure's widget builder by `Figure.key` (the builders are registered in the charts
layer, because drawing needs Qt), and the screenshot scripts and a future editor's completion
read names, parameters and `example` from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

ParamCheck = Callable[[str], str | None]
"""Returns None when the value is fine, else what is wrong with it."""


def check_year(text: str) -> str | None:
    # isascii: "²⁰²⁴".isdigit() is True, but int() refuses superscripts.
    is_year = text.isascii() and text.isdigit() and 1900 <= int(text) <= 2100
    return None if is_year else f"'{text}' is not a year such as 2004"


def check_iso3(text: str) -> str | None:
    return None if len(text) == 3 and text.isalpha() and text.isupper() else \
        f"'{text}' is not a three-letter country code such as POL"


def check_tags(text: str) -> str | None:
    return None if all(t and t.replace("-", "").isalnum() for t in text.split(",")) else \
        f"'{text}' is not a comma-separated list of tags such as nato,enlargement"


@dataclass(frozen=True)
class Param:
    """One optional `name=value` parameter of a figure."""

    name: str
    check: ParamCheck
    description: str
    example: str


@dataclass(frozen=True)
class Figure:
    """One thing a page can place, e.g. `{chart} defence-spending`."""

    directive: str
    target: str
    description: str
    params: tuple[Param, ...] = ()
    data: tuple[str, ...] = ()
    """The files under resources/data it is drawn from."""

    @property
    def key(self) -> tuple[str, str]:
        return self.directive, self.target

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def example(self) -> tuple[tuple[str, str], ...]:
        """Typical parameters: every parameter at its example value."""
        return tuple((p.name, p.example) for p in self.params)

    def fence(self, params: tuple[tuple[str, str], ...] | None = None) -> str:
        """The fenced block that places this figure (with `example()` unless `params` are given)."""
        words = [self.target, *(f"{k}={v}" for k, v in (self.example() if params is None else params))]
        return f"```{{{self.directive}}} {' '.join(words)}\n```\n"


_YEAR = Param("year", check_year, "the year shown", "2024")
_MEMBERS, _SPENDING, _GDP = "nato_members.csv", "nato_defence_spending.csv", "g7_brics_gdp.csv"

FIGURES: tuple[Figure, ...] = (
    Figure("chart", "nato-membership", "NATO's member count over time, accession rounds labelled",
           data=(_MEMBERS,)),
    Figure("chart", "defence-spending", "Defence spending as % of GDP per ally in one year, sorted",
           (_YEAR,), (_MEMBERS, _SPENDING)),
    Figure("chart", "defence-spending-ally", "One ally's defence spending as % of GDP over time",
           (Param("ally", check_iso3, "the ally, as its three-letter code", "POL"),), (_MEMBERS, _SPENDING)),
    Figure("chart", "g7-brics-ppp", "G7 and BRICS-5 shares of world GDP at PPP by year, the crossing marked",
           (Param("from", check_year, "the first year", "2000"), Param("to", check_year, "the last year", "2025")),
           (_GDP,)),
    Figure("chart", "nominal-gdp", "Nominal GDP of the US, China, Russia and India, and California in 2024",
           (Param("year", check_year, "the year of the four countries' bars", "2023"),), (_GDP,)),
    Figure("map", "enlargement", "NATO members coloured by the round they joined in, with a year slider",
           (Param("year", check_year, "the year the slider starts at", "2004"),),
           (_MEMBERS, "world_110m.geojson")),
    Figure("timeline", "events", "The dated events, filtered by tag",
           (Param("tags", check_tags, "only events with one of these tags", "nato,enlargement"),
            Param("from", check_year, "the first year shown", "1945"),
            Param("to", check_year, "the last year shown", "2025")),
           ("events.csv",)),
)

DEFAULT_TARGET = {"timeline": "events"}
"""Directives whose target may be left out: ```{timeline} tags=nato``` means the target `events`."""


def directive_names() -> tuple[str, ...]:
    """Every directive, in the order of FIGURES: chart, map, timeline."""
    return tuple(dict.fromkeys(f.directive for f in FIGURES))


def figures_of(directive: str) -> tuple[Figure, ...]:
    return tuple(f for f in FIGURES if f.directive == directive)


def find_figure(directive: str, target: str) -> Figure | None:
    return next((f for f in FIGURES if f.key == (directive, target)), None)
