"""Page directives: the charts, map and timeline a lesson page can place, and the parameters each takes.

A page writes a fenced block whose info string names the directive and its target, followed by
`key=value` parameters:

    ```{chart} defence-spending year=2024
    ```
    ```{map} enlargement year=2004
    ```
    ```{timeline} tags=nato,enlargement from=1945 to=2025
    ```

This module is the one list of what exists; the page parser validates against it and the
widgets are looked up by the same names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

ParamCheck = Callable[[str], str | None]
"""Returns None when the value is fine, else what is wrong with it."""


def _year(text: str) -> str | None:
    # isascii: "²⁰²⁴".isdigit() is True, but int() refuses superscripts.
    is_year = text.isascii() and text.isdigit() and 1900 <= int(text) <= 2100
    return None if is_year else f"'{text}' is not a year such as 2004"


def _iso3(text: str) -> str | None:
    return None if len(text) == 3 and text.isalpha() and text.isupper() else \
        f"'{text}' is not a three-letter country code such as POL"


def _tags(text: str) -> str | None:
    tags = [t for t in text.split(",")]
    return None if all(t and t.replace("-", "").isalnum() for t in tags) else \
        f"'{text}' is not a comma-separated list of tags such as nato,enlargement"


@dataclass(frozen=True)
class Target:
    """One thing a directive can show, e.g. the chart `defence-spending`, and its parameters."""

    description: str
    params: dict[str, ParamCheck] = field(default_factory=dict)


DIRECTIVES: dict[str, dict[str, Target]] = {
    "chart": {
        "nato-membership": Target("NATO's member count over time, accession rounds labelled"),
        "defence-spending": Target("Defence spending as % of GDP per ally in one year, sorted",
                                   {"year": _year}),
        "defence-spending-ally": Target("One ally's defence spending as % of GDP over time", {"ally": _iso3}),
        "g7-brics-ppp": Target("G7 and BRICS-5 shares of world GDP at PPP by year, the crossing marked",
                               {"from": _year, "to": _year}),
        "nominal-gdp": Target("Nominal GDP of the US, China, Russia and India, and California in 2024",
                              {"year": _year}),
    },
    "map": {
        "enlargement": Target("NATO members coloured by the round they joined in, with a year slider",
                              {"year": _year}),
    },
    "timeline": {
        "events": Target("The dated events, filtered by tag", {"tags": _tags, "from": _year, "to": _year}),
    },
}
"""directive -> target name -> what it shows and its parameters (all optional)."""

DEFAULT_TARGET = {"timeline": "events"}
"""Directives whose target may be left out: ```{timeline} tags=nato``` means the target `events`."""


@dataclass(frozen=True)
class Directive:
    """A directive as written on a page, already validated."""

    kind: str
    target: str
    params: tuple[tuple[str, str], ...] = ()
    line: int = 0

    def param(self, name: str, default: str = "") -> str:
        return dict(self.params).get(name, default)


def parse_directive(kind: str, rest: str, line: int = 0) -> tuple[Directive | None, str | None]:
    """`kind` from `{kind}` and the rest of the info string -> a Directive, or None and what is wrong."""
    targets = DIRECTIVES.get(kind)
    if targets is None:
        return None, f"unknown directive {{{kind}}}; use one of: {', '.join('{' + k + '}' for k in DIRECTIVES)}"
    words = rest.split()
    target = DEFAULT_TARGET.get(kind, "")
    if words and "=" not in words[0]:
        target = words.pop(0)
    if target not in targets:
        named = f"'{target}'" if target else "nothing"
        return None, f"{{{kind}}} names {named}; use one of: {', '.join(targets)}"
    allowed = targets[target].params
    params: dict[str, str] = {}
    for word in words:
        key, sep, value = word.partition("=")
        if not sep or not value:
            return None, f"'{word}' is not a parameter: write name=value, e.g. {next(iter(allowed), 'year')}=2004"
        if key not in allowed:
            known = ", ".join(allowed) or "none"
            return None, f"{{{kind}}} {target} has no parameter '{key}'; its parameters: {known}"
        if key in params:
            return None, f"parameter '{key}' is given twice"
        problem = allowed[key](value)
        if problem:
            return None, f"{key}: {problem}"
        params[key] = value
    return Directive(kind, target, tuple(params.items()), line), None
