"""Verdict colours keep WCAG AA contrast (4.5:1 for text) on light and on dark palettes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from irtutor.charts.gallery import dark_palette
from irtutor.core.verdicts import Verdict
from irtutor.ui.question_base import VERDICT_COLOUR, VERDICT_COLOUR_DARK, verdict_colour

LIGHT_BACKGROUNDS = ("#ffffff", "#efefef")
"""White text fields, and Fusion's light window grey."""
DARK_BACKGROUNDS = ("#202124", "#2b2c2f", "#353535", "#3c3c3c")
"""Dark windows and fields as desktops in dark mode hand them to Qt."""


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""
    c = QColor(colour)
    channels = [v / 255 for v in (c.red(), c.green(), c.blue())]
    r, g, b = (v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_wcag() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("verdict", list(Verdict))
def test_each_verdict_reads_on_light_and_dark(verdict: Verdict) -> None:
    for background in LIGHT_BACKGROUNDS:
        assert contrast(VERDICT_COLOUR[verdict], background) >= 4.5, (verdict, background)
    for background in DARK_BACKGROUNDS:
        assert contrast(VERDICT_COLOUR_DARK[verdict], background) >= 4.5, (verdict, background)


def test_the_palette_picks_the_variant() -> None:
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#efefef"))
    assert verdict_colour(Verdict.WRONG, light) == VERDICT_COLOUR[Verdict.WRONG]
    assert verdict_colour(Verdict.WRONG, dark_palette()) == VERDICT_COLOUR_DARK[Verdict.WRONG]
