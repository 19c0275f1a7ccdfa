"""Feeds as served in the wild: a DOCTYPE'd RSS 0.91 feed as text/xml, entry links that are
not http(s), and entries already stored (skipped without a request). Loopback only."""

from __future__ import annotations

from dataclasses import replace

from pytest_httpserver import HTTPServer

from ingest.test_sources import page
from tocsin.ingest import IngestProblem, read_sources
from tocsin.ingest.articles import derive_id
from tocsin.ingest.fetch import Fetcher, FetchPolicy
from tocsin.models import Article
from tocsin.settings import Settings

SETTINGS = Settings()
POLICY = replace(FetchPolicy.from_settings(SETTINGS), host_delay=0.0, robots=False)


def _rss091(items: list[tuple[str, str]]) -> bytes:
    body = "".join(f"<item><title>{t}</title><link>{link}</link></item>" for t, link in items)
    return (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n'
        ' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        f'<rss version="0.91"><channel><title>Desk</title>{body}</channel></rss>'
    ).encode("latin-1")


def _read(url: str, fetcher: Fetcher) -> tuple[list[Article], list[IngestProblem]]:
    items = list(read_sources([url], SETTINGS, fetcher=fetcher))
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, IngestProblem)],
    )


def test_doctype_rss091_served_as_text_xml_is_read_as_a_feed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(
        page("Ministers meet", "Chile", "Peru"), content_type="text/html"
    )
    feed = _rss091([("Ministers meet", httpserver.url_for("/a")), ("Bad", "javascript:alert(1)")])
    httpserver.expect_request("/rss").respond_with_data(feed, content_type="text/xml")
    fetcher = Fetcher(SETTINGS, policy=POLICY)
    articles, problems = _read(httpserver.url_for("/rss"), fetcher)
    assert [a.title for a in articles] == ["Ministers meet"]
    assert "<rss" not in articles[0].text
    assert [p.reason for p in problems] == ["not an http(s) link, not fetched: javascript:alert(1)"]
    assert fetcher.requests == 2  # the feed and one page; the javascript: link never


def test_entries_already_stored_are_not_fetched_again(httpserver: HTTPServer) -> None:
    link = httpserver.url_for("/a")
    httpserver.expect_request("/rss").respond_with_data(
        _rss091([("Ministers meet", link)]), content_type="text/xml"
    )
    stored = {derive_id("web", link)}
    fetcher = Fetcher(SETTINGS, policy=POLICY, known=stored.__contains__)
    articles, problems = _read(httpserver.url_for("/rss"), fetcher)
    assert articles == [] and problems == [] and fetcher.requests == 1
