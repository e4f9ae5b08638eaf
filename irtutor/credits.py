"""Who IR Tutor's shipped data and libraries come from: one list for the About box and LICENSES/.

Plain data, no Qt: `packaging/licenses.py` writes the same attributions into the bundle that the
About box shows, so the two cannot drift apart. Editions and gaps are in
`resources/data/PROVENANCE.md`; this is the credit line each source asks for.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataSource:
    name: str
    used_for: str
    terms: str
    url: str


DATA_SOURCES: tuple[DataSource, ...] = (
    DataSource("Natural Earth", "country outlines on the maps (Admin 0, 1:110m, version 5.1)",
               "public domain; Made with Natural Earth", "https://www.naturalearthdata.com/"),
    DataSource("NATO", "member states and accession dates; defence expenditure (2026 edition)",
               "free to reuse with credit to NATO, not for sale or advertising",
               "https://www.nato.int/en/about-us/official-texts-and-resources/use-of-nato-content-and-brand"),
    DataSource("IMF", "shares of world GDP at purchasing-power parity (World Economic Outlook, April 2026)",
               "IMF copyright and usage terms, with attribution to the IMF", "https://www.imf.org/external/terms.htm"),
    DataSource("World Bank", "GDP in current US dollars (World Development Indicators, NY.GDP.MKTP.CD)",
               "CC BY 4.0", "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD"),
)

QT_NOTICE = (
    "IR Tutor uses Qt for Python (PySide6) and the Qt libraries under the GNU Lesser General Public "
    "License version 3 (LGPL-3.0). The installed program keeps the Qt libraries as separate files, "
    "so you may replace them with your own build of the same Qt version."
)
