"""The announcements as an Atom 1.0 feed (RFC 4287), for any feed reader.

Built with the standard library's ElementTree: the feed has a dozen element kinds, and
ElementTree escapes every text and attribute, which is what matters here (alert titles
quote news text).
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from tocsin.models import Delivery

ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "urn:tocsin:alerts"


def _stamp(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def atom_feed(deliveries: Sequence[Delivery], *, self_url: str = "/alerts.atom") -> bytes:
    """The feed of ``deliveries`` (newest first), as UTF-8 bytes."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", "tocsin alerts")
    _text(feed, "id", FEED_ID)
    updated = max((d.created_at for d in deliveries), default=dt.datetime(2000, 1, 1))
    _text(feed, "updated", _stamp(updated))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_url)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "tocsin")
    for delivery in deliveries:
        _entry(feed, delivery)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _entry(feed: ET.Element, delivery: Delivery) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    _text(entry, "title", delivery.title)
    _text(entry, "id", f"urn:tocsin:alert:{delivery.alert_key}:L{delivery.level}")
    _text(entry, "updated", _stamp(delivery.created_at))
    category = ET.SubElement(entry, f"{{{ATOM}}}category")
    category.set("term", str(delivery.payload.get("direction", "")))
    summary = (
        f"{delivery.payload.get('subject', '')}, level {delivery.level}, "
        f"score {delivery.score:.2f}, {delivery.payload.get('period_start', '')} to "
        f"{delivery.payload.get('period_end', '')}"
    )
    _text(entry, "summary", summary)
    content = _text(entry, "content", json.dumps(delivery.payload, default=str, indent=1))
    content.set("type", "text")


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    node.text = value
    return node
