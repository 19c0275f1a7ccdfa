"""The watcher: rounds against a local feed that changes, announcements made once (also after
a restart), escalations, webhook retries, the Atom feed and schedule parsing. Loopback only."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path

import feedparser
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tocsin.errors import InputError
from tocsin.models import Alert, Delivery
from tocsin.settings import Settings, load_settings
from tocsin.store import Store
from tocsin.store.watch import WatchState
from tocsin.watch import parse_every, run_round
from tocsin.watch.announce import announcements, level
from tocsin.watch.atom import atom_feed
from tocsin.watch.deliver import Webhook, stdout_line

NOW = dt.datetime(2026, 3, 2, 12, 0)
PARAGRAPH = (
    "Russian forces struck Ukrainian positions near Kharkiv on Monday, officials in Kyiv "
    "said, and Ukraine's army answered with artillery fire across the front line. "
)


def _alert(subject: str, score: float, **details: object) -> Alert:
    return Alert(
        kind="baseline", subject=subject, period_start=dt.date(2026, 2, 23),
        period_end=dt.date(2026, 3, 1), direction="conflict", score=score,
        details={"explanation": f"{subject} material conflict: score {score}", **details},
    )


# -- pure parts ------------------------------------------------------------------------


def test_levels_rise_one_per_step_above_the_threshold() -> None:
    assert [level(s, 2.5, 2.0) for s in (2.5, 4.4, 4.5, 9.0)] == [1, 1, 2, 4]


def test_announcements_new_escalated_and_not_repeated() -> None:
    alerts = [_alert("RUS-UKR", 3.0), _alert("IND-PAK", 7.0)]
    due = announcements(alerts, {}, floor=2.5, step=2.0, webhook=True, now=NOW)
    assert [(d.alert_key.split(":")[2], d.level) for d in due] == [("RUS-UKR", 1), ("IND-PAK", 3)]
    assert all(d.webhook_status == "pending" and not d.payload["escalated"] for d in due)
    announced = {d.alert_key: d.level for d in due}
    assert announcements(alerts, announced, floor=2.5, step=2.0, webhook=True, now=NOW) == []
    hotter = [_alert("RUS-UKR", 5.0)]
    (again,) = announcements(hotter, announced, floor=2.5, step=2.0, webhook=False, now=NOW)
    assert again.level == 2 and again.payload["escalated"] and again.webhook_status == "none"
    assert stdout_line(again).startswith("ALERT [escalated L2] RUS-UKR material conflict")


def test_atom_feed_is_valid_and_escapes_news_text() -> None:
    (delivery,) = announcements(
        [_alert("ISR-IRN", 4.0, quote="<script>alert(1)</script> & more")], {},
        floor=2.5, step=2.0, webhook=False, now=NOW,
    )
    body = atom_feed([replace(delivery, title="ISR→IRN <b>strikes</b> & raids")])
    assert b"<script>" not in body and b"&lt;script&gt;" in body
    parsed = feedparser.parse(body)
    assert not parsed.bozo and parsed.feed.title == "tocsin alerts"
    (entry,) = parsed.entries
    assert entry.title == "ISR→IRN <b>strikes</b> & raids" and entry.id.endswith(":L1")


@pytest.mark.parametrize("text,seconds", [("15m", 900), ("90s", 90), ("1h", 3600), ("600", 600)])
def test_parse_every(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "-5m", "0", "15 minutes"])
def test_parse_every_refuses_nonsense(text: str) -> None:
    with pytest.raises(InputError, match="--every"):
        parse_every(text)


def test_webhook_retries_busy_receivers_but_not_refusals(httpserver: HTTPServer) -> None:
    calls: list[int] = []

    def busy_then_ok(request: Request) -> Response:
        calls.append(1)
        return Response(status=503 if len(calls) < 3 else 204)

    httpserver.expect_request("/hook", method="POST").respond_with_handler(busy_then_ok)
    httpserver.expect_request("/gone", method="POST").respond_with_data("no", status=410)
    delivery = Delivery("k", 1, 3.0, "t", {"key": "k"}, NOW, "pending")
    sleeps: list[float] = []
    hook = Webhook(httpserver.url_for("/hook"), retries=3, backoff=0.5, sleep=sleeps.append)
    assert hook.send(delivery) is None and len(calls) == 3 and sleeps == [0.5, 1.0]
    gone = Webhook(httpserver.url_for("/gone"), retries=3, sleep=sleeps.append)
    assert gone.send(delivery) == "refused: HTTP 410 GONE" and len(sleeps) == 2


def test_webhook_must_be_http() -> None:
    with pytest.raises(Exception, match="not an http"):
        Webhook("file:///tmp/hook")


# -- rounds against a local server -----------------------------------------------------


def _page(title: str) -> bytes:
    towns = {"a": "Kharkiv", "b": "Sumy", "c": "Zaporizhzhia"}
    town = towns[title[-1]]
    body = "".join(f"<p>{PARAGRAPH.replace('Kharkiv', town)}Report {i} from {town}.</p>"
                   for i in range(3))
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2026-03-02T08:00:00Z"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


class Desk:
    """A news site whose RSS feed grows between rounds; it honours If-None-Match."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.titles: list[str] = []
        self.hooks: list[dict[str, object]] = []
        server.expect_request("/rss").respond_with_handler(self.feed)
        server.expect_request("/hook", method="POST").respond_with_handler(self.hook)
        for name in ("a", "b", "c"):
            server.expect_request(f"/{name}").respond_with_data(
                _page(f"Front line report {name}"), content_type="text/html"
            )

    def feed(self, request: Request) -> Response:
        etag = f'"v{len(self.titles)}"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        items = "".join(
            f"<item><title>{t}</title><link>{self.server.url_for('/' + t)}</link></item>"
            for t in self.titles
        )
        rss = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
            f"{items}</channel></rss>"
        )
        return Response(rss, content_type="application/rss+xml", headers={"ETag": etag})

    def hook(self, request: Request) -> Response:
        self.hooks.append(json.loads(request.get_data()))
        return Response(status=204)

    def fetched(self, path: str) -> int:
        return sum(1 for req, _ in self.server.log if req.path == path)


def _front_line_alerts(store: Store, settings: Settings) -> list[Alert]:
    """The alert the stored reports support: its score grows with the number of reports.

    The watcher is tested here, not the detectors (tests/analysis covers those): this
    stands in for them with a rule over what the store really holds after each round.
    """
    stored = store.count_articles()
    return [_alert("RUS-UKR", 2.5 + stored)] if stored else []


@pytest.fixture
def watch_settings(tmp_path: Path) -> Settings:
    return load_settings(
        env={}, data_dir=str(tmp_path),
        http__host_delay=0.0, http__robots=False, watch__escalation_step=2.0,
    )


@pytest.mark.slow  # each round codes what it stores with the spaCy model
def test_two_rounds_and_a_restart_announce_each_alert_once(
    httpserver: HTTPServer, watch_settings: Settings
) -> None:
    desk = Desk(httpserver)
    feed = httpserver.url_for("/rss")
    hook = Webhook(httpserver.url_for("/hook"), retries=1, backoff=0.0)
    out = io.StringIO()

    desk.titles = ["a"]
    with Store.open(watch_settings) as store:
        first = run_round([feed], watch_settings, store, number=1, out=out, webhook=hook,
                          alerts_fn=_front_line_alerts)
    assert (first.stored, len(first.announced), first.webhook_sent) == (1, 1, 1)
    assert first.events > 0  # the new article was coded

    desk.titles = ["a", "b", "c"]
    with Store.open(watch_settings) as store:
        second = run_round([feed], watch_settings, store, number=2, out=out, webhook=hook,
                           alerts_fn=_front_line_alerts)
    assert second.stored == 2  # only b and c are new
    assert desk.fetched("/a") == 1  # a stored article is not fetched again
    assert [d.level for d in second.announced] == [2]  # 2.5 + 3 articles: escalated

    with Store.open(watch_settings) as store:  # a restarted watcher, same store
        third = run_round([feed], watch_settings, store, number=3, out=out, webhook=hook,
                          alerts_fn=_front_line_alerts)
        recent = WatchState.of(store).recent()
    assert third.unchanged == 1 and third.stored == 0 and third.announced == []
    assert len(desk.hooks) == 2 and [h["level"] for h in desk.hooks] == [1, 2]
    assert out.getvalue().count("ALERT [") == 2
    assert [d.level for d in recent] == [2, 1]


def test_alerts_atom_route_lists_announcements(watch_settings: Settings) -> None:
    from fastapi.testclient import TestClient

    from tocsin.api import create_app

    with Store.open(watch_settings) as store:
        (due,) = announcements([_alert("RUS-UKR", 3.0)], {}, floor=2.5, step=2.0,
                               webhook=False, now=NOW)
        assert WatchState.of(store).announce(due) is not None
        assert WatchState.of(store).announce(due) is None  # once per key and level
        client = TestClient(create_app(watch_settings, store=store), base_url="http://127.0.0.1")
        response = client.get("/alerts.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    (entry,) = feedparser.parse(response.content).entries
    assert entry.title.startswith("RUS-UKR material conflict")
