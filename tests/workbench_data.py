"""A small hand-built store for the workbench tests (tests/api, tests/web), a live server on
loopback, and Chromium. The conftest.py files of those folders import these fixtures.

The store is made from model objects (no spaCy): a seed-like article with spans, an
IND-PAK escalation over 14 weeks, RUS-PAK cooperation, a triangle, and one hostile article
whose title, text, URL and source carry script, event-handler and javascript: payloads.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tocsin.analysis.synthetic import cameo
from tocsin.models import Actor, Article, Event, EventDate, Factuality, Location
from tocsin.settings import load_settings
from tocsin.store import Store

D0 = dt.date(2025, 3, 3)  # a Monday
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
XSS_ID = "xss-article"
SEED_ID = "seed-russian-delegation"
XSS = "<script>window.__xss='script'</script><img src=x onerror=\"window.__xss='img'\">"
SVG_XSS = "<svg onload=\"window.__xss='svg'\"></svg>"
SEED_TEXT = ("A Russian delegation arrived in Islamabad on Monday. "
             "Russia and Pakistan held joint military exercises near Peshawar. "
             "India criticised Pakistan over the exercises.")
KABUL = Location("Peshawar", "city", country_code="PK", cameo_country="PAK", lat=34.0, lon=71.6,
                 rule="prep-of-verb")


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def spanned_event(text: str, sentence: str, index: int, src: tuple[str, str],
                  tgt: tuple[str, str], trigger: str, code: str, *, article_id: str,
                  day: dt.date, location: Location | None = None,
                  factuality: str = "asserted") -> Event:
    """An event whose actor, trigger and sentence spans point into ``text``."""
    c = cameo(code)
    s0 = text.index(sentence)
    sent_span = (s0, s0 + len(sentence))

    def actor(code_: str, mention: str) -> Actor:
        return Actor(code_, text=mention, span=_span(text, mention, s0), country=code_[:3],
                     role=code_[3:6] or None)

    return Event(
        source=actor(*src), target=actor(*tgt), code=code, name=c["name"],
        factuality=Factuality(factuality), goldstein=c["goldstein"], quad_class=c["quad_class"],
        plover_type=c["plover_type"], plover_mode=c["plover_mode"], sentence_index=index,
        sentence=sentence, sentence_span=sent_span, trigger=trigger,
        trigger_span=_span(text, trigger, s0), rules=(f"test pattern {code}",),
        article_id=article_id, article_date=day, date=EventDate(day, "day", rule="test"),
        location=location,
    )


def _seed_events() -> list[Event]:
    t = SEED_TEXT
    s1, s2, s3 = (p + "." for p in t.rstrip(".").split(". "))
    day = D0 + dt.timedelta(weeks=13)
    return [
        spanned_event(t, s1, 0, ("RUSGOV", "Russian delegation"), ("PAK", "Islamabad"),
                      "arrived", "042", article_id=SEED_ID, day=day),
        spanned_event(t, s2, 1, ("RUS", "Russia"), ("PAK", "Pakistan"), "held", "062",
                      article_id=SEED_ID, day=day, location=KABUL),
        spanned_event(t, s3, 2, ("IND", "India"), ("PAK", "Pakistan"), "criticised", "111",
                      article_id=SEED_ID, day=day),
    ]


def _week_story(w: int, k: int, src: str, tgt: str, code: str, verb: str) -> tuple[Article, Event]:
    day = D0 + dt.timedelta(weeks=w, days=k % 5)
    aid = f"{src}-{tgt}-{w}-{k}"
    sentence = f"Officials of {src} {verb} {tgt} in week {w}."
    art = Article(id=aid, text=sentence, title=f"{src} and {tgt}, week {w}", date=day,
                  source="wire", url=f"https://example.org/{aid}", content_hash=f"h-{aid}")
    ev = spanned_event(sentence, sentence, 0, (src, src), (tgt, tgt), verb, code,
                       article_id=aid, day=day)
    return art, ev


def _stories() -> list[tuple[Article, list[Event]]]:
    out: list[tuple[Article, list[Event]]] = []
    for w in range(14):
        pairs = [("RUS", "PAK", "042", "met"), ("USA", "CHN", "036", "offered"),
                 ("RUS", "IND", "057", "signed"), ("IND", "USA", "042", "met"),
                 ("IND", "PAK", "111", "criticised")]
        if w >= 10:  # the escalation: strikes every day from week 10
            pairs += [("IND", "PAK", "195", "struck")] * 5 + [("PAK", "IND", "190", "shelled")]
        for k, (s, t, code, verb) in enumerate(pairs):
            art, ev = _week_story(w, k, s, t, code, verb)
            out.append((art, [ev]))
    return out


def _xss_article() -> tuple[Article, list[Event]]:
    text = f"Pakistan accused India of shelling {SVG_XSS} villages. {XSS} More text."
    sentence = f"Pakistan accused India of shelling {SVG_XSS} villages."
    day = D0 + dt.timedelta(weeks=12)
    art = Article(id=XSS_ID, text=text, title=f"Shelling {XSS}", date=day,
                  url="javascript:window.__xss='url'", source=f"<script>{XSS}</script>",
                  content_hash="h-xss")
    ev = spanned_event(text, sentence, 0, ("PAK", "Pakistan"), ("IND", "India"), "shelling",
                       "195", article_id=XSS_ID, day=day,
                       location=Location(SVG_XSS, "city", country_code="IN",
                                         cameo_country="IND"))
    return art, [ev]


def build_store(settings: Any) -> Store:
    """The workbench test store (articles, events, identities and alerts)."""
    from tocsin import analysis

    store = Store.open(settings)
    stories = _stories() + [_xss_article()]
    seed = Article(id=SEED_ID, text=SEED_TEXT, title="Russian delegation visits Pakistan",
                   date=D0 + dt.timedelta(weeks=13), source="seed",
                   url="https://example.org/seed", content_hash="h-seed",
                   origin="samples/russian-delegation-pakistan.txt")
    stories.append((seed, _seed_events()))
    store.add_articles([a for a, _ in stories])
    store.replace_events({a.id: evs for a, evs in stories})
    refresh = getattr(analysis, "refresh", None)
    if refresh is not None:
        refresh(store)
    analysis.recompute_alerts(store)
    return store


@pytest.fixture(scope="module")
def workbench_settings(tmp_path_factory: pytest.TempPathFactory) -> Any:
    data = tmp_path_factory.mktemp("workbench")
    return load_settings(env={}, data_dir=data)


@pytest.fixture(scope="module")
def workbench_store(workbench_settings: Any) -> Iterator[Store]:
    store = build_store(workbench_settings)
    yield store
    store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live_server(workbench_settings: Any, workbench_store: Store) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    from tocsin.api import create_app

    port = _free_port()
    app = create_app(workbench_settings, store=workbench_store)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start in 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (headless, no network beyond loopback)."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium not installed: apt-get install -y chromium (.ci/run does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-sync",
                  "--disable-component-update", "--disable-default-apps", "--no-first-run",
                  "--disable-domain-reliability", "--metrics-recording-only",
                  "--disable-features=Translate,OptimizationHints,MediaRouter"])
        yield b
        b.close()
