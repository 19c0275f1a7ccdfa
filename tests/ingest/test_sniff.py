"""Recognising feeds, pages and archives by content, checked on feedparser's own test feeds."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tocsin.ingest.sniff import is_archive, is_binary, root_element, sniff_kind

PEERS = Path(__file__).resolve().parents[1] / "data" / "peers"
FEEDS = sorted((PEERS / "feedparser" / "wellformed").rglob("*.xml"))

RSS091 = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Desk</title>
<item><title>Talks</title><link>http://example.org/a</link></item></channel></rss>
"""


def test_feedparser_wellformed_feeds_are_feeds() -> None:
    assert len(FEEDS) > 100
    wrong = [p.name for p in FEEDS if sniff_kind(p.read_bytes(), "text/xml", p.name) != "feed"]
    assert wrong == []


@pytest.mark.parametrize(
    "content",
    [
        RSS091,
        b"<!-- a comment with <tags> and > signs -->\n<feed xmlns='http://www.w3.org/2005/Atom'/>",
        b'<!DOCTYPE rss [<!ENTITY copy "&#169;">]>\n<rss version="2.0"><channel/></rss>',
        b"<?xml-stylesheet href='x.xsl'?><rdf:RDF xmlns:rdf='x'/>",
        "<?xml version='1.0' encoding='utf-16'?><rss/>".encode("utf-16"),
    ],
)
def test_prolog_is_skipped_to_the_root_element(content: bytes) -> None:
    assert sniff_kind(content, "text/xml") == "feed"


def test_root_element_of_html_and_text() -> None:
    assert root_element(b"<!DOCTYPE html><html><body/></html>") == "html"
    assert sniff_kind(b"<!DOCTYPE html><html><body/></html>") == "html"
    assert sniff_kind(b"Plain words about a summit.") == "text"
    assert root_element(b"<!-- never closed") is None


def test_gzipped_warc_is_recognised_whatever_its_name() -> None:
    data = gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n")
    assert is_archive(data) and sniff_kind(data, "", "crawl.dat") == "warc"
    assert sniff_kind(gzip.compress(b"hello"), "", "x.dat") == "binary"
    assert is_binary(b"%PDF-1.7") and not is_binary("<rss/>".encode("utf-16"))
