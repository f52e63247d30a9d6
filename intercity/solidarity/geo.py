"""Distances between cities and an incident's area (a point with a radius, or a polygon)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Area:
    """A point with an optional radius in km, or a polygon of (latitude, longitude) pairs."""

    latitude: float | None = None
    longitude: float | None = None
    radius_km: float | None = None
    polygon: tuple[tuple[float, float], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.polygon and (self.latitude is None or self.longitude is None)

    def centre(self) -> tuple[float, float] | None:
        if self.latitude is not None and self.longitude is not None:
            return self.latitude, self.longitude
        if self.polygon:
            ring = _open_ring(self.polygon)
            return (
                sum(p[0] for p in ring) / len(ring),
                sum(p[1] for p in ring) / len(ring),
            )
        return None


@dataclass(frozen=True)
class Place:
    key: int
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Nearness:
    key: int
    distance_km: float  # 0 inside the area


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _open_ring(polygon: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    ring = list(polygon)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    return ring


def point_in_polygon(lat: float, lon: float, polygon: Sequence[tuple[float, float]]) -> bool:
    """Ray casting on latitude/longitude; good for the regional polygons alerts carry."""
    ring = _open_ring(polygon)
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        yi, xi = ring[i]
        yj, xj = ring[j]
        if (yi > lat) != (yj > lat):
            crossing = (xj - xi) * (lat - yi) / (yj - yi) + xi
            if lon < crossing:
                inside = not inside
        j = i
    return inside


def _segment_distance_km(lat, lon, a, b) -> float:
    # A local flat projection around the city is accurate enough for "how far outside".
    kx = 111.320 * math.cos(math.radians(lat))
    ky = 110.574
    ax, ay = (a[1] - lon) * kx, (a[0] - lat) * ky
    bx, by = (b[1] - lon) * kx, (b[0] - lat) * ky
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
    px, py = ax + t * dx, ay + t * dy
    # The flat projection finds the nearest point of the edge; measure to it on the sphere.
    return haversine_km(lat, lon, lat + py / ky, lon + px / kx)


def distance_to_area_km(lat: float, lon: float, area: Area) -> float | None:
    """How far a place lies outside the area; 0 when inside, None when the area is unknown."""
    if area.polygon and len(_open_ring(area.polygon)) >= 3:
        if point_in_polygon(lat, lon, area.polygon):
            return 0.0
        ring = _open_ring(area.polygon)
        return min(
            _segment_distance_km(lat, lon, ring[i], ring[(i + 1) % len(ring)])
            for i in range(len(ring))
        )
    if area.latitude is None or area.longitude is None:
        return None
    distance = haversine_km(lat, lon, area.latitude, area.longitude)
    return max(0.0, distance - (area.radius_km or 0.0))


def places_near(area: Area, places: Iterable[Place], *, within_km: float) -> list[Nearness]:
    """Places no farther than within_km from the area, nearest first."""
    found = []
    for place in places:
        distance = distance_to_area_km(place.latitude, place.longitude, area)
        if distance is not None and distance <= within_km:
            found.append(Nearness(place.key, round(distance, 1)))
    found.sort(key=lambda n: (n.distance_km, n.key))
    return found


@dataclass(frozen=True)
class PolygonProblem:
    """What is wrong with a polygon as typed: a code, and the details a message needs."""

    code: str  # shape, geojson, point, too_few, latitude, longitude, swapped, not_closed, flat
    number: int = 0  # the point concerned, counted from 1
    value: object = None


def polygon_problem(points: object) -> PolygonProblem | None:
    """The first thing wrong with a ring of [latitude, longitude] points, or None."""
    if isinstance(points, dict):
        return PolygonProblem("geojson" if "coordinates" in points else "shape")
    if not isinstance(points, list):
        return PolygonProblem("shape")
    for number, point in enumerate(points, start=1):
        pair = isinstance(point, list | tuple) and len(point) == 2
        if not pair or not all(
            isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
            for v in point
        ):
            return PolygonProblem("point", number, point)
    if len(points) < 4:
        return PolygonProblem("too_few", len(points))
    for number, (lat, lon) in enumerate(points, start=1):
        if not -90 <= lat <= 90:
            # [longitude, latitude], as GeoJSON writes points, is the usual slip.
            swapped = -90 <= lon <= 90 and -180 <= lat <= 180
            return PolygonProblem("swapped" if swapped else "latitude", number, lat)
        if not -180 <= lon <= 180:
            return PolygonProblem("longitude", number, lon)
    if list(points[0]) != list(points[-1]):
        return PolygonProblem("not_closed", len(points), points[-1])
    # Corners on one line (to within a few centimetres) enclose nothing a city could be in.
    if _twice_area(_open_ring(points)) < 1e-9:
        return PolygonProblem("flat")
    return None


def _twice_area(ring: Sequence[Sequence[float]]) -> float:
    return abs(
        sum(
            ring[i][1] * ring[(i + 1) % len(ring)][0] - ring[(i + 1) % len(ring)][1] * ring[i][0]
            for i in range(len(ring))
        )
    )
