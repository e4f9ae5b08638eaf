"""The timeline's geometry without Qt: the visible span of years, its zoom and pan, ticks and label rows.

Kept apart from the painting so that zoom limits and the stagger of labels are tested as plain
arithmetic, and the canvas is left with drawing what these functions decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MIN_WIDTH_YEARS = 0.5
"""The closest zoom: half a year across the whole timeline, enough to part events weeks apart."""
TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)


@dataclass(frozen=True)
class Span:
    """The years shown, from `start` to `end` (fractional years, 1949.26 is early April 1949)."""

    start: float
    end: float

    @property
    def width(self) -> float:
        return self.end - self.start

    def x_of(self, year: float, pixels: float) -> float:
        """The pixel offset of `year` across `pixels`."""
        return (year - self.start) / self.width * pixels

    def year_at(self, x: float, pixels: float) -> float:
        return self.start + x / pixels * self.width

    def zoomed(self, factor: float, anchor: float, limits: Span) -> Span:
        """Zoomed in by `factor` (> 1 in, < 1 out) keeping the year `anchor` where it is."""
        width = min(limits.width, max(MIN_WIDTH_YEARS, self.width / factor))
        share = (anchor - self.start) / self.width if self.width else 0.5
        start = anchor - share * width
        return Span(start, start + width).within(limits)

    def panned(self, years: float, limits: Span) -> Span:
        return Span(self.start + years, self.end + years).within(limits)

    def within(self, limits: Span) -> Span:
        """Moved (never resized, unless wider than `limits`) so that it does not leave `limits`."""
        if self.width >= limits.width:
            return limits
        start = min(max(self.start, limits.start), limits.end - self.width)
        return Span(start, start + self.width)

    def showing(self, year: float, limits: Span, margin: float = 0.05) -> Span:
        """Panned just enough that `year` is inside, `margin` of the width from either edge."""
        pad = self.width * margin
        if year < self.start + pad:
            return self.panned(year - pad - self.start, limits)
        if year > self.end - pad:
            return self.panned(year + pad - self.end, limits)
        return self


def padded_limits(years: Sequence[float], pad: float = 2.0) -> Span:
    """The span of all events, with `pad` years either side so edge markers and labels are not cut."""
    if not years:
        return Span(1945.0, 2030.0)
    return Span(min(years) - pad, max(years) + pad)


def tick_years(span: Span, pixels: float, min_gap_px: float = 70.0) -> list[int]:
    """Round years to label along the axis, at least `min_gap_px` apart."""
    step = next((s for s in TICK_STEPS if s / span.width * pixels >= min_gap_px), TICK_STEPS[-1])
    first = int(span.start // step + 1) * step
    return list(range(first, int(span.end) + 1, step))


def stagger_rows(lefts: Sequence[float], widths: Sequence[float], rows: int, gap: float = 8.0,
                 first: int | None = None) -> list[int | None]:
    """A row for each label so that no two in a row overlap; None when no row has room.

    Each label goes into the lowest row (nearest the axis) where it overlaps no label already
    placed, `gap` pixels apart; label `first` (the selected one) is placed before all others so
    it always gets a row, and the rest go left to right.
    """
    taken: list[list[tuple[float, float]]] = [[] for _ in range(rows)]
    placed: list[int | None] = [None] * len(lefts)
    order = sorted(range(len(lefts)), key=lambda n: (n != first, lefts[n]))
    for n in order:
        start, end = lefts[n], lefts[n] + widths[n]
        row = next((r for r in range(rows)
                    if all(end + gap <= a or b + gap <= start for a, b in taken[r])), None)
        if row is not None:
            taken[row].append((start, end))
        placed[n] = row
    return placed
