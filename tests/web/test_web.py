"""The web dashboard: page and assets served, only local URLs, every API route the JS calls exists."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tocsin.analysis.synthetic import add_articles_with_events, make_event
from tocsin.api import create_app
from tocsin.models import Location
from tocsin.store import Store
from tocsin.web import STATIC_DIR

D0 = dt.date(2025, 1, 6)
JS = (STATIC_DIR / "dashboard.js").read_text(encoding="utf-8")
HTML = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
CSS = (STATIC_DIR / "dashboard.css").read_text(encoding="utf-8")
# values for the "{name}" placeholders of the JS ROUTES (an unknown placeholder fails the test)
SAMPLE = {"a": "RUS", "b": "UKR", "actor": "RUS", "limit": "100", "offset": "0", "cursor": "0",
          "counts_only": "true", "min_events": "2"}
SVG_NAMESPACE = "http://www.w3.org/2000/svg"


def _populate(store: Store) -> None:
    stories = []
    for w in range(10):
        day = D0 + dt.timedelta(weeks=w)
        stories.append({"id": f"w{w}", "date": day, "events": [
            {"source": "RUSMIL", "target": "UKR", "code": "190",
             "sentence": f"Russian forces shelled Ukrainian positions (week {w})."},
            {"source": "USA", "target": "UKR", "code": "070", "sentence": "The US sent aid to Ukraine."},
            {"source": "USA", "target": "RUS", "code": "163", "sentence": "The US imposed sanctions on Russia."},
            {"source": "RUS", "target": "UKR", "code": "042", "factuality": "alleged"},
        ]})
    stories.append({"id": "geo", "date": D0, "events": []})
    add_articles_with_events(store, stories)
    kyiv = Location("Kyiv", "city", country_code="UA", cameo_country="UKR", lat=50.45, lon=30.52)
    located = make_event("RUS", "UKR", "195", article_id="geo", sentence="Russian drones struck Kyiv.")
    store.replace_events({"geo": [located.replace(location=kyiv, article_date=D0)]})


@pytest.fixture
def client(settings: Any) -> Iterator[TestClient]:
    store = Store.open(settings)
    _populate(store)
    with TestClient(create_app(settings, store=store)) as c:
        yield c
    store.close()


def _routes() -> dict[str, str]:
    block = re.search(r"const ROUTES = \{(.*?)\};", JS, re.DOTALL)
    assert block, "dashboard.js must declare its API calls in `const ROUTES = {...};`"
    routes = dict(re.findall(r"(\w+):\s*\"([^\"]+)\"", block.group(1)))
    assert len(routes) >= 5
    return routes


def _fill(template: str) -> str:
    def value(m: re.Match[str]) -> str:
        assert m.group(1) in SAMPLE, f"no sample value for {{{m.group(1)}}} in {template}"
        return SAMPLE[m.group(1)]

    return re.sub(r"\{(\w+)\}", value, template)


def test_page_and_assets_are_served(client: TestClient) -> None:
    for path in ("/", "/dashboard"):
        resp = client.get(path)
        assert resp.status_code == 200
        assert resp.headers["content-type"].startswith("text/html")
        assert "default-src 'self'" in resp.headers["content-security-policy"]
        assert "<title>tocsin dashboard</title>" in resp.text
    assets = re.findall(r"(?:src|href)=\"(/dashboard/static/[^\"]+)\"", client.get("/").text)
    types = {}
    for asset in assets:
        resp = client.get(asset)
        assert resp.status_code == 200, asset
        types[asset.rsplit(".", 1)[1]] = resp.headers["content-type"]
    assert types["css"].startswith("text/css")
    assert "javascript" in types["js"]
    assert resp.text  # not empty
    assert client.get("/dashboard/static/missing.js").status_code == 404
    assert client.get("/dashboard/static/../__init__.py").status_code == 404
    # the page is not an API operation
    assert not {"/", "/dashboard"} & set(client.get("/openapi.json").json()["paths"])


def test_only_local_urls() -> None:
    for name, text in (("index.html", HTML), ("dashboard.js", JS), ("dashboard.css", CSS)):
        refs = re.findall(r"(?:src|href|action)\s*=\s*[\"']([^\"']*)[\"']", text)
        refs += re.findall(r"url\(\s*[\"']?([^\"')]*)", text)
        refs += re.findall(r"@import\s+[\"']([^\"']+)", text)
        for ref in refs:
            assert ref.startswith(("/", "#")) and not ref.startswith("//"), (name, ref)
        absolute = set(re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"'`)]*", text))
        assert absolute <= {SVG_NAMESPACE}, (name, absolute)  # the SVG namespace is no request
    assert re.search(r"<script src=\"/dashboard/static/dashboard\.js\"", HTML)


def test_js_calls_the_api_only_through_routes() -> None:
    routes = _routes()
    assert JS.count("fetch(") == 1  # inside api()
    calls = re.findall(r"\bapi\(\s*([^,)]+)", JS)
    assert calls, "no api(...) call found"
    for first in calls:
        if first.strip() == "template":  # the definition: async function api(template, ...)
            continue
        m = re.fullmatch(r"ROUTES\.(\w+)", first.strip())
        assert m and m.group(1) in routes, f"api() called with {first!r}, not a ROUTES entry"


def test_every_route_the_js_uses_answers_json(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()["paths"]
    for name, template in _routes().items():
        path, _, query = template.partition("?")
        assert path in spec and "get" in spec[path], f"{name}: {path} is not a GET route"
        known = {p["name"] for p in spec[path]["get"].get("parameters", []) if p["in"] == "query"}
        used = {part.split("=")[0] for part in query.split("&") if part}
        assert used <= known, f"{name}: unknown query parameters {used - known}"
        resp = client.get(_fill(template))
        assert resp.status_code == 200, (name, resp.text[:300])
        assert resp.headers["content-type"].startswith("application/json")
        assert isinstance(resp.json(), dict)


def test_the_routes_return_what_the_panels_draw(client: TestClient) -> None:
    routes = _routes()
    events = client.get(_fill(routes["events"])).json()
    assert events["items"] and all("RUS" in (e["source_country"], e["target_country"])
                                   for e in events["items"])
    assert all(e["counts"] for e in events["items"])  # counts_only=true drops the alleged one
    located = [e for e in client.get(_fill(routes["mapEvents"])).json()["items"]
               if e["geo_lat"] is not None]
    assert [(e["geo_name"], e["geo_lat"], e["geo_lon"]) for e in located] == [("Kyiv", 50.45, 30.52)]
    series = client.get(_fill(routes["dyad"])).json()
    assert series["total_events"] == 11
    assert sum(p["conflict"] for p in series["points"]) == 11
    triads = client.get(_fill(routes["triads"])).json()["items"]
    assert [sorted(t["actors"]) for t in triads] == [["RUS", "UKR", "USA"]]
    signs = {(e["a"], e["b"]): e["sign"] for e in triads[0]["edges"]}
    assert signs == {("RUS", "UKR"): -1, ("RUS", "USA"): -1, ("UKR", "USA"): 1}
    assert "items" in client.get(_fill(routes["alerts"])).json()
