"""What each sourced chart plots, as plain rows: the same rows feed the plot, the table and the CSV.

No Qt here, so a test can check the figures of a chart without drawing it, and the plot, the
"Show data" table and the exported CSV can never disagree about what is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from irtutor.content.datasets import NATO_MEMBERS, ReferenceData
from irtutor.core.datasets import Provenance, Series, membership_steps, year_fraction

TRILLION = 1e12
CORE_TARGET = 3.5
"""The core defence spending target allies agreed at The Hague summit in June 2025 (% of GDP)."""
GUIDELINE = 2.0
"""The 2% of GDP guideline of the 2014 Wales summit."""
SPENDING_DEFAULT_ALLY = "POL"
PPP_DEFAULT_RANGE = (1992, 2025)
PPP_NOT_COMPARABLE = ("1990 and 1991 are not comparable with later years: the IMF's world total gains the "
                      "former Soviet economies in 1992 (and there is no Russia, so no BRICS-5, before).")


class ChartError(ValueError):
    """A chart was asked for data it does not have, e.g. a year outside the table."""


@dataclass(frozen=True)
class DataRow:
    """One plotted figure: what, when, how much, in what unit, whether estimated, and from where."""

    series: str
    when: str
    x: float
    value: float
    unit: str
    estimate: bool
    source: Provenance
    note: str = ""

    def tooltip(self) -> str:
        """The exact value, e.g. "Poland 2024: 3.75 % of GDP" with "(NATO estimate)" when it is one."""
        flag = f" ({self.note})" if self.estimate and self.note else (" (estimate)" if self.estimate else "")
        return f"{self.series} {self.when}: {_number(self.value)} {self.unit}{flag}"


@dataclass(frozen=True)
class Panel:
    """One plot area: its rows and its one provenance (a chart with two sources has two panels)."""

    title: str
    x_label: str
    y_label: str
    rows: tuple[DataRow, ...]
    provenance: Provenance


@dataclass(frozen=True)
class ChartData:
    name: str
    title: str
    panels: tuple[Panel, ...]
    notes: tuple[str, ...] = ()
    marks: dict[str, float] = field(default_factory=dict)
    """Values computed from the data that the chart marks, e.g. {"crossing": 2020}."""

    @property
    def rows(self) -> tuple[DataRow, ...]:
        return tuple(row for panel in self.panels for row in panel.rows)


def _number(value: float) -> str:
    """Up to three decimals, as the tables give them: 3.75, 31.576, 32."""
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _rows(series: Series, years: range | None = None, scale: float = 1.0, unit: str = "") -> tuple[DataRow, ...]:
    return tuple(DataRow(series.label, f"{p.x:.0f}", p.x, p.y / scale, unit or series.unit, p.estimate,
                         series.provenance, p.note if p.estimate else "")
                 for p in series.points if years is None or int(p.x) in years)


def membership(data: ReferenceData) -> ChartData:
    """One row per accession day: the member count after it, the round and who joined."""
    provenance = NATO_MEMBERS
    rows = []
    for day, count, round_name in membership_steps(data.members):
        joined = [m.name for m in data.members if m.accession == day]
        rows.append(DataRow("NATO members", day.isoformat(), year_fraction(day), count, "members", False,
                            provenance, f"{round_name}: {', '.join(joined)}"))
    panel = Panel("", "year", "member states", tuple(rows), provenance)
    return ChartData("nato-membership", "NATO members, 1949 to today", (panel,))


def latest_actual_year(data: ReferenceData) -> int:
    """The last year of the spending table that is not a NATO estimate (2024 in the 2026 edition)."""
    return int(max(p.x for s in data.defence_spending.values() for p in s.points if not p.estimate))


def defence_spending(data: ReferenceData, year: int | None = None) -> ChartData:
    """Each ally's core defence spending in `year`, highest first; allies without a figure are left out."""
    year = year or latest_actual_year(data)
    rows = [row for s in data.defence_spending.values() for row in _rows(s, range(year, year + 1))]
    if not rows:
        raise ChartError(f"no defence spending figures for {year}: the table covers "
                         f"{_span(data.defence_spending.values())}")
    rows.sort(key=lambda r: (-r.value, r.series))
    panel = Panel("", "% of GDP", "", tuple(rows), rows[0].source)
    estimated = " (NATO estimates)" if any(r.estimate for r in rows) else ""
    return ChartData("defence-spending", f"Core defence spending, % of GDP, {year}{estimated}", (panel,),
                     _spending_notes(rows, '"(est.)" after the name'))


def defence_spending_ally(data: ReferenceData, ally: str | None = None) -> ChartData:
    ally = (ally or SPENDING_DEFAULT_ALLY).upper()
    series = data.defence_spending.get(ally)
    if series is None:
        raise ChartError(f"no defence spending series for '{ally}'; known: {', '.join(sorted(data.defence_spending))}")
    rows = _rows(series)
    panel = Panel("", "year", "% of GDP", rows, series.provenance)
    first, last = rows[0].when, rows[-1].when
    return ChartData("defence-spending-ally", f"{series.label}: core defence spending, % of GDP, {first}-{last}",
                     (panel,), _spending_notes(rows, '"*" after the year'))


def _spending_notes(rows: tuple[DataRow, ...] | list[DataRow], marker: str) -> tuple[str, ...]:
    notes = [f"Lines: the {GUIDELINE:g}% guideline (Wales, 2014) and the {CORE_TARGET:g}% core target "
             "agreed at The Hague in 2025."]
    if any(r.estimate for r in rows):
        notes.append(f"Hatched bars with {marker} are NATO estimates, not reported spending.")
    return tuple(notes)


def _span(series: object) -> str:
    years = sorted({int(p.x) for s in series for p in s.points})  # type: ignore[attr-defined]
    return f"{years[0]}-{years[-1]}"


def g7_brics_ppp(data: ReferenceData, first: int | None = None, last: int | None = None) -> ChartData:
    """G7 and BRICS-5 shares of world GDP at PPP; marks["crossing"] is the first year BRICS-5 is larger."""
    first, last = first or PPP_DEFAULT_RANGE[0], last or PPP_DEFAULT_RANGE[1]
    if first > last:
        raise ChartError(f"'from' ({first}) is after 'to' ({last})")
    g7 = data.gdp[("gdp_ppp_share_world_pct", "G7")]
    brics = data.gdp[("gdp_ppp_share_world_pct", "BRICS-5")]
    years = range(first, last + 1)
    rows = _rows(g7, years) + _rows(brics, years)
    if not rows:
        raise ChartError(f"no G7 or BRICS-5 shares between {first} and {last}: the table covers {_span([g7])}")
    marks = {}
    crossing = first_year_above(brics, g7)
    if crossing is not None and crossing in years:
        marks["crossing"] = float(crossing)
    panel = Panel("", "year", "% of world GDP (PPP)", rows, g7.provenance)
    notes = (PPP_NOT_COMPARABLE,)
    if any(r.estimate for r in rows):
        notes += ("Hollow points are IMF estimates.",)
    return ChartData("g7-brics-ppp", f"G7 and BRICS-5 shares of world GDP at PPP, {first}-{last}", (panel,),
                     notes, marks)


def first_year_above(rising: Series, falling: Series) -> int | None:
    """The first year in which `rising` is larger than `falling`, both having a value."""
    for point in rising.points:
        other = falling.value_at(point.x)
        if other is not None and point.y > other.y:
            return int(point.x)
    return None


NOMINAL_GROUP = ("USA", "CHN", "RUS", "IND")
NOMINAL_DEFAULT_YEAR = 2023
COMPARISON_MEASURE = "gdp_current_usd_2024_comparison"


def nominal_gdp(data: ReferenceData, year: int | None = None) -> ChartData:
    """Two panels, two sources: World Bank GDP for `year`, and the 2024 comparison with California."""
    year = year or NOMINAL_DEFAULT_YEAR
    unit = "trillion US$"
    wb = [data.gdp[("gdp_current_usd", iso3)] for iso3 in NOMINAL_GROUP]
    left = [row for s in wb for row in _rows(s, range(year, year + 1), TRILLION, unit)]
    if not left:
        raise ChartError(f"no World Bank GDP for {year}: the table covers {_span(wb)}")
    right = [row for (measure, _), s in data.gdp.items() if measure == COMPARISON_MEASURE
             for row in _rows(s, None, TRILLION, unit)]
    left.sort(key=lambda r: -r.value)
    right.sort(key=lambda r: -r.value)
    panels = (Panel(f"{year}, World Bank", "", "trillion US$ (current prices)", tuple(left), wb[0].provenance),
              Panel("2024 (estimates), as compared in California's statement", "", "trillion US$ (current prices)",
                    tuple(right), right[0].source))
    return ChartData("nominal-gdp", "Nominal GDP, trillion US dollars at current prices", panels,
                     ("The two panels come from different sources and years; compare bars within a panel. "
                      "California (orange) is a US state; hatched bars are estimates (rounded headline figures).",))
