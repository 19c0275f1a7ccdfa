"""The workbench's API: articles, overview aggregates, actors, sorting and export, and the
security and error contract (LIKE escaping, 404 suggestions, 405 Allow, Host allow-list)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tocsin.api import create_app
from tocsin.api.routes import safe_url
from tocsin.api.security import allowed_hosts
from tocsin.store import Store
from tocsin.store.dashboard import escape_like

SEED_ID = "seed-russian-delegation"
XSS_ID = "xss-article"


@pytest.fixture(scope="module")
def client(workbench_settings: Any, workbench_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(workbench_settings, store=workbench_store),
                    base_url="http://localhost") as c:
        yield c


def _error(resp: Any, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    return body["error"]


def test_article_with_events_and_spans(client: TestClient) -> None:
    art = client.get(f"/articles/{SEED_ID}").json()
    assert art["title"] == "Russian delegation visits Pakistan" and len(art["events"]) == 3
    held = next(e for e in art["events"] if e["code"] == "062")
    start, end = held["trigger_span"]
    assert art["text"][start:end] == "held"
    assert art["text"][slice(*held["source_span"])] == "Russia"
    assert held["rules"] == ["test pattern 062"] and held["geo_name"] == "Peshawar"
    roles = {h["role"]: held["sentence"][h["start"]:h["end"]] for h in held["highlights"]}
    assert roles == {"source": "Russia", "target": "Pakistan", "trigger": "held"}
    _error(client.get("/articles/no-such-article"), 404)


def test_article_list_filters_and_sorts_newest_first(client: TestClient) -> None:
    items = client.get("/articles", params={"limit": 500}).json()["items"]
    dates = [a["date"] for a in items if a["date"]]
    assert dates == sorted(dates, reverse=True)
    seed = client.get("/articles", params={"origin": "russian-delegation"}).json()["items"]
    assert [a["id"] for a in seed] == [SEED_ID] and seed[0]["events"] == 3
    assert client.get("/articles", params={"search": "%"}).json()["items"] == []


def test_stored_links_that_are_not_http_are_never_served_as_links(client: TestClient) -> None:
    assert client.get(f"/articles/{XSS_ID}").json()["url"] is None
    listed = [a for a in client.get("/articles", params={"limit": 500}).json()["items"]
              if a["id"] == XSS_ID]
    assert listed and listed[0]["url"] is None
    rows = client.get("/events", params={"search": "villages"}).json()["items"]
    assert rows and all(r["url"] is None for r in rows)
    assert safe_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", " JavaScript:x", "data:text/html,x", "//evil.org",
                "https://a b", None, 3):
        assert safe_url(bad) is None, bad


def test_like_wildcards_match_themselves(client: TestClient) -> None:
    assert escape_like("a_b%c\\") == "a\\_b\\%c\\\\"
    for text in ("%", "a_b", "of_IND", "\\"):
        page = client.get("/events", params={"search": text, "total": True}).json()
        assert page["total"] == 0 and page["items"] == [], text
    page = client.get("/events", params={"search": "criticised", "total": True}).json()
    assert page["total"] > 0
    literal = client.get("/events", params={"search": "__xss", "total": True}).json()
    assert [e["article_id"] for e in literal["items"]] == [XSS_ID]  # "_" is an underscore


def test_events_sort_total_and_export(client: TestClient) -> None:
    newest = client.get("/events", params={"dyad": "IND-PAK", "sort": "-date", "total": True,
                                           "limit": 500}).json()
    days = [e["day"] for e in newest["items"]]
    assert days == sorted(days, reverse=True) and newest["total"] == len(days)
    worst = client.get("/events", params={"dyad": "IND-PAK", "sort": "goldstein",
                                          "limit": 3}).json()["items"]
    assert [e["goldstein"] for e in worst] == [-10.0] * 3
    _error(client.get("/events", params={"sort": "random"}), 400)
    resp = client.get("/events/export", params={"dyad": "IND-PAK", "quad": 4, "format": "csv"})
    assert resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    total = client.get("/events", params={"dyad": "IND-PAK", "quad": 4, "total": True}).json()
    assert len(rows) == total["total"] > 0 and {r["quad_class"] for r in rows} == {"4"}
    data = json.loads(client.get("/events/export", params={"dyad": "IND-PAK",
                                                           "format": "json"}).text)
    assert len(data) == newest["total"]


def test_movers_and_map_are_aggregated_on_the_server(client: TestClient) -> None:
    movers = client.get("/overview/movers").json()
    assert movers["conflict"][0]["a"] == "IND" and movers["conflict"][0]["b"] == "PAK"
    assert movers["conflict"][0]["change"] > 0
    assert all(m["change"] < 0 for m in movers["cooperation"])
    countries = {c["code"]: c for c in client.get("/overview/map",
                                                  params={"min_events": 1}).json()["items"]}
    assert countries["IND"]["iso_n3"] == "356" and countries["PAK"]["iso_n3"] == "586"
    assert countries["PAK"]["change"] > 0  # toward conflict against the previous window
    default = {c["code"]: c for c in client.get("/overview/map").json()["items"]}
    assert default["PAK"]["change"] is None  # under 5 events before: no trend shown
    _error(client.get("/overview/map", params={"since": "2025-05-01", "until": "2025-04-01"}),
           400)


def test_type_ahead_and_unknown_actor_suggestion(client: TestClient) -> None:
    assert client.get("/actors", params={"q": "Indi"}).json()["items"][0]["code"] == "IND"
    assert client.get("/actors", params={"q": "pak"}).json()["items"][0]["name"] == "Pakistan"
    err = _error(client.get("/actors/INDIA"), 404)
    assert "IND (India)" in err["message"]
    _error(client.get("/dyads/IND/PAKISTAN"), 404)
    partners = client.get("/actors/IND/partners").json()["items"]
    by_code = {p["partner"]: p for p in partners}
    assert by_code["PAK"]["sign"] == -1 and by_code["RUS"]["sign"] == 1


def test_405_has_allow_and_the_one_shape(client: TestClient) -> None:
    resp = client.delete("/events")
    err = _error(resp, 405)
    assert resp.headers["allow"] == "GET" and "GET" in err["message"]


def test_host_allow_list(workbench_settings: Any, workbench_store: Store) -> None:
    app = create_app(workbench_settings, store=workbench_store)
    assert TestClient(app, base_url="http://localhost:8000").get("/health").status_code == 200
    assert TestClient(app, base_url="http://127.0.0.1").get("/health").status_code == 200
    bad = TestClient(app, base_url="http://rebind.example.com")
    err = _error(bad.get("/health"), 400)
    assert "rebind.example.com" in err["message"]
    assert allowed_hosts("10.0.0.5", "") == {"10.0.0.5", "localhost", "127.0.0.1", "::1"}
    assert allowed_hosts("127.0.0.1", "tocsin.lan, *") == {"tocsin.lan", "*"}


def test_errors_are_documented_in_the_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "Error" in spec["components"]["schemas"]
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert {"400", "404", "405"} <= set(op["responses"]), (method, path)
            assert "422" not in op["responses"], (method, path)
    assert {"401", "403"} <= set(spec["paths"]["/documents"]["post"]["responses"])


def test_a_number_is_no_date(client: TestClient) -> None:
    resp = client.post("/documents", json={"text": "x", "date": 0},
                       headers={"Authorization": "Bearer nope"})
    assert resp.status_code in (400, 401, 403)
    from tocsin.api.app import Document

    with pytest.raises(ValueError):
        Document(text="x", date=0)
    assert str(Document(text="x", date="2025-01-02").date) == "2025-01-02"


def test_default_window_ignores_a_few_events_dated_far_ahead() -> None:
    import datetime as dt

    from tocsin.api.workbench import recent_end

    d0 = dt.date(2026, 1, 1)
    days = [(d0 + dt.timedelta(days=i), 10) for i in range(200)]
    assert recent_end(days) == days[-1][0]
    outliers = days + [(dt.date(2026, 12, 31), 2), (dt.date(2027, 2, 28), 1)]
    assert recent_end(outliers) == days[-1][0]
    assert recent_end([]) is None


def test_alert_evidence_links_are_http_only(client: TestClient) -> None:
    alerts = client.get("/alerts", params={"limit": 50}).json()["items"]
    evidence = [e for a in alerts for e in a.get("evidence") or []]
    assert evidence, "the hand-built store raises alerts with evidence"
    assert all(e["url"] is None or e["url"].startswith(("http://", "https://"))
               for e in evidence)
    xss = [e for e in evidence if e["article_id"] == XSS_ID]
    one = client.get(f"/alerts/{alerts[0]['id']}").json()
    assert all(e["url"] is None or e["url"].startswith("https://") for e in one["evidence"])
    assert all(e["url"] is None for e in xss)
