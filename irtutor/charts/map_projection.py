"""A fixed Lambert conformal conic projection centred on Europe, and country outlines as painter paths.

Equirectangular maps stretch Scandinavia to twice its width; a conic with standard parallels at
40° and 65° N keeps the shapes of Europe true where the lesson looks, while the Americas (Canada
and the United States are members too) still fit on the same fan-shaped sheet.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

from irtutor.core.datasets import CountryShape

CENTRAL_LONGITUDE = 10.0
STANDARD_PARALLELS = (40.0, 65.0)
LOWEST_LATITUDE = -60.0
"""The conic sends the South Pole to infinity; nothing a NATO lesson shows lies south of this."""
RADIUS = 1000.0
"""Scene units per Earth radius: large enough that rounding never shows, small enough for floats."""
EUROPE = (-42.0, 45.0, 33.0, 72.0)
"""West, east, south and north edges (degrees) of the default frame; the open Atlantic in its
south-west corner holds the North America inset (map_inset)."""


def _conic_constants() -> tuple[float, float]:
    p1, p2 = (math.radians(p) for p in STANDARD_PARALLELS)
    n = math.log(math.cos(p1) / math.cos(p2)) / math.log(math.tan(math.pi / 4 + p2 / 2) /
                                                         math.tan(math.pi / 4 + p1 / 2))
    f = math.cos(p1) * math.tan(math.pi / 4 + p1 / 2) ** n / n
    return n, f


_N, _F = _conic_constants()


def cone_constant() -> float:
    """How much of a longitude turn the conic keeps: a meridian `d` degrees from the central one is
    tilted `cone_constant() * d` degrees."""
    return _N


def project(lon: float, lat: float) -> tuple[float, float]:
    """Scene (x, y) of a point, y growing downwards as Qt draws; north is up at the central meridian."""
    phi = math.radians(max(lat, LOWEST_LATITUDE))
    rho = RADIUS * _F / math.tan(math.pi / 4 + phi / 2) ** _N
    theta = _N * math.radians(lon - CENTRAL_LONGITUDE)
    return rho * math.sin(theta), rho * math.cos(theta)


def country_path(shape: CountryShape) -> QPainterPath:
    """All of a country's rings in one path; odd-even filling leaves its holes (Lesotho in South Africa) empty."""
    path = QPainterPath()
    for polygon in shape.polygons:
        for ring in polygon:
            path.addPolygon(QPolygonF([QPointF(*project(lon, lat)) for lon, lat in ring]))
            path.closeSubpath()
    return path


def frame_rect(west: float, east: float, south: float, north: float) -> QRectF:
    """The scene rectangle that holds a longitude/latitude box (its edges are curves on a conic)."""
    points = [project(west + (east - west) * i / 20, lat) for i in range(21) for lat in (south, north)]
    points += [project(lon, south + (north - south) * i / 20) for i in range(21) for lon in (west, east)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
