"""Convert GeoVirus (Gritta et al. 2018) to the article set read by ``tocsin bench-geo --gold``.

GeoVirus is not ours to redistribute: convert it locally and keep the output outside the
repository. Its ``data/GeoVirus.xml`` holds ``<article>`` elements with the article ``<text>``
and ``<location>`` elements (``name``, character ``start``/``end``, gold ``lat``/``lon``)::

    .venv/bin/python tools/convert_geovirus.py GeoVirus.xml -o /tmp/geovirus.jsonl

Output, one article a line: ``{"id", "text", "places": [{"name", "start", "end", "lat", "lon",
"country"}]}``. GeoVirus gives coordinates only; the gold country is the country of the nearest
populated place or division of the gazetteer to the gold point (reverse geocoding).
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import Any

from tocsin.geo.gazetteer import Gazetteer, Place

log = logging.getLogger("convert_geovirus")


class NearestPlace:
    """Nearest gazetteer place to a point, over a one-degree grid (reverse geocoding)."""

    def __init__(self, places: list[Place]) -> None:
        self.grid: dict[tuple[int, int], list[Place]] = defaultdict(list)
        for p in places:
            if p.cc and p.kind in {"city", "adm1", "adm2", "country"}:
                self.grid[(math.floor(p.lat), math.floor(p.lon))].append(p)

    def __call__(self, lat: float, lon: float) -> Place | None:
        for radius in range(0, 12):
            cells = [
                (math.floor(lat) + dy, (math.floor(lon) + dx + 180) % 360 - 180)
                for dy in range(-radius, radius + 1)
                for dx in range(-radius, radius + 1)
            ]
            near = [p for cell in cells for p in self.grid.get(cell, ())]
            if near:
                return min(near, key=lambda p: _km(lat, lon, p.lat, p.lon))
        return None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _span(text: str, name: str, start: int) -> tuple[int, int] | None:
    """GeoVirus offsets are one-based (``start`` is one past the first character): the span of
    ``name`` there, else at the given offset, else None."""
    for s in (start - 1, start):
        if s >= 0 and text[s : s + len(name)] == name:
            return s, s + len(name)
    return None


def convert(xml_path: Path) -> list[dict[str, Any]]:
    try:
        root = ET.parse(xml_path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise SystemExit(f"error: cannot read {xml_path}: {exc}") from exc
    nearest = NearestPlace(Gazetteer.load().places)
    out = []
    for n, article in enumerate(root.iter("article"), 1):
        text = article.findtext("text") or ""
        places = []
        for loc in article.iter("location"):
            name = loc.findtext("name") or ""
            span = _span(text, name, int(loc.findtext("start") or 0))
            lat, lon = float(loc.findtext("lat") or "nan"), float(loc.findtext("lon") or "nan")
            if math.isnan(lat) or math.isnan(lon) or span is None:
                log.warning("article %d: skipped location %r", n, name)
                continue
            start, end = span
            near = nearest(lat, lon)
            places.append(
                {"name": name, "start": start, "end": end, "lat": lat, "lon": lon,
                 "country": near.cc if near else None}
            )
        out.append({"id": f"geovirus-{n:03d}", "text": text, "places": places})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("xml", type=Path, help="GeoVirus.xml")
    parser.add_argument("-o", "--out", type=Path, required=True, help="output JSON lines")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    records = convert(args.xml)
    with args.out.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = sum(len(r["places"]) for r in records)
    log.info("%s: %d articles, %d toponyms", args.out, len(records), n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
