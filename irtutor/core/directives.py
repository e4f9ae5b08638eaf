"""A figure as written on a page (a `Directive`), and reading one from a fence's info string.

What figures exist, and their parameters, is `core.figures`; this module only parses and checks
`{kind} target key=value ...` against it.
"""

from __future__ import annotations

from dataclasses import dataclass

from irtutor.core.figures import DEFAULT_TARGET, Figure, directive_names, figures_of


@dataclass(frozen=True)
class Directive:
    """A directive as written on a page, already validated."""

    kind: str
    target: str
    params: tuple[tuple[str, str], ...] = ()
    line: int = 0

    @property
    def key(self) -> tuple[str, str]:
        """The key of its `Figure` and of the widget builder that draws it."""
        return self.kind, self.target

    def param(self, name: str, default: str = "") -> str:
        return dict(self.params).get(name, default)


def parse_directive(kind: str, rest: str, line: int = 0) -> tuple[Directive | None, str | None]:
    """`kind` from `{kind}` and the rest of the info string -> a Directive, or None and what is wrong."""
    figures = {f.target: f for f in figures_of(kind)}
    if not figures:
        known = ", ".join("{" + k + "}" for k in directive_names())
        return None, f"unknown directive {{{kind}}}; use one of: {known}"
    words = rest.split()
    target = DEFAULT_TARGET.get(kind, "")
    if words and "=" not in words[0]:
        target = words.pop(0)
    if target not in figures:
        named = f"'{target}'" if target else "nothing"
        return None, f"{{{kind}}} names {named}; use one of: {', '.join(figures)}"
    params, problem = _params(figures[target], words)
    if problem:
        return None, problem
    return Directive(kind, target, params, line), None


def _params(figure: Figure, words: list[str]) -> tuple[tuple[tuple[str, str], ...], str | None]:
    params: dict[str, str] = {}
    for word in words:
        key, sep, value = word.partition("=")
        if not sep or not value:
            example = figure.params[0].name if figure.params else "year"
            return (), f"'{word}' is not a parameter: write name=value, e.g. {example}=2004"
        param = figure.param(key)
        if param is None:
            known = ", ".join(p.name for p in figure.params) or "none"
            return (), f"{{{figure.directive}}} {figure.target} has no parameter '{key}'; its parameters: {known}"
        if key in params:
            return (), f"parameter '{key}' is given twice"
        problem = param.check(value)
        if problem:
            return (), f"{key}: {problem}"
        params[key] = value
    return tuple(params.items()), None
