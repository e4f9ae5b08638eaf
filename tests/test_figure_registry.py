"""The figure registry (core) and the widget builders (charts) list the same figures, each complete."""

from __future__ import annotations

import pytest

from irtutor.charts.figure_builders import BUILDERS
from irtutor.core.directives import Directive, parse_directive
from irtutor.core.figures import FIGURES, Figure
from irtutor.paths import resource_dir


def test_every_registered_figure_has_a_widget_builder_and_every_builder_a_figure() -> None:
    assert sorted(BUILDERS) == sorted(f.key for f in FIGURES)


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f"{f.directive}-{f.target}")
def test_a_figure_s_own_example_fence_is_a_valid_directive(figure: Figure) -> None:
    info = figure.fence().split("\n", 1)[0].removeprefix("```")
    kind, _, rest = info.partition("} ")
    assert parse_directive(kind.removeprefix("{"), rest, 3) == (Directive(*figure.key, figure.example(), 3), None)


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f"{f.directive}-{f.target}")
def test_a_figure_names_data_files_that_ship(figure: Figure) -> None:
    assert figure.data and all((resource_dir() / "data" / name).is_file() for name in figure.data)
