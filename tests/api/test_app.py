"""REST API end to end (TestClient) on SQLite and PostgreSQL, and Schemathesis on the schema."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings

from tocsin.analysis.synthetic import add_articles_with_events
from tocsin.api import API_MAX_LIMIT, create_app
from tocsin.models import Event
from tocsin.settings import load_settings
from tocsin.store import Store

D0 = dt.date(2025, 3, 3)
TOKEN = "s3cret-token"


def _populate(store: Store) -> None:
    stories = []
    for w in range(12):
        evs = [{"source": "USA", "target": "CHN", "code": "042"},
               {"source": "RUS", "target": "IND", "code": "057"},
               {"source": "RUS", "target": "PAK", "code": "042"}]
        stories.append({"id": f"w{w}", "date": D0 + dt.timedelta(weeks=w), "events": evs})
        for d in range(6 if w >= 8 else 0):  # an escalation: a strike a day from week 8
            stories.append({"id": f"b{w}-{d}", "date": D0 + dt.timedelta(weeks=w, days=d),
                            "events": [{"source": "INDMIL", "target": "PAKMIL", "code": "195",
                                        "sentence": f"Indian aircraft struck sites in Pakistan "
                                                    f"(week {w}, day {d})."}]})
    add_articles_with_events(store, stories)


def _error(resp: Any, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["status"] == status and body["error"]["code"].startswith("E")
    return body["error"]


@pytest.fixture
def client(settings: Any) -> Iterator[TestClient]:
    settings = load_settings(env={}, data_dir=settings.data_dir,
                             database_url=settings.database_url, api_token=TOKEN)
    store = Store.open(settings)
    _populate(store)
    app = create_app(settings, store=store, coder=_FakeCoder())
    with TestClient(app, base_url="http://localhost") as c:
        yield c
    store.close()


class _FakeCoder:
    """Codes every article as one RUS->PAK consultation (the API test is not about coding)."""

    def code_articles(self, articles: Any) -> Iterator[tuple[Any, list[Event]]]:
        from tocsin.analysis.synthetic import make_event

        for art in articles:
            yield art, [make_event("RUS", "PAK", "042", article_id=art.id, sentence=art.text)]


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_events_pagination_offset_and_cursor(client: TestClient) -> None:
    page = client.get("/events", params={"limit": 5}).json()
    assert len(page["items"]) == 5 and page["next_offset"] == 5 and page["next_cursor"]
    nxt = client.get("/events", params={"limit": 5, "offset": 5}).json()
    by_cursor = client.get("/events", params={"limit": 5, "cursor": page["next_cursor"]}).json()
    assert [e["id"] for e in nxt["items"]] == [e["id"] for e in by_cursor["items"]]
    assert not {e["id"] for e in page["items"]} & {e["id"] for e in nxt["items"]}
    everything = client.get("/events", params={"limit": API_MAX_LIMIT}).json()
    assert len(everything["items"]) == 60 and everything["next_offset"] is None
    _error(client.get("/events", params={"limit": API_MAX_LIMIT + 1}), 400)
    _error(client.get("/events", params={"limit": 0}), 400)
    _error(client.get("/events", params={"offset": -1}), 400)


def test_events_filters(client: TestClient) -> None:
    items = client.get("/events", params={"dyad": "IND-PAK", "limit": 100}).json()["items"]
    assert len(items) == 24 and all(e["code"] == "195" for e in items)
    items = client.get("/events", params={"actor": "RUS", "root": "05"}).json()["items"]
    assert items and all(e["code"] == "057" for e in items)
    assert client.get("/events", params={"search": "aircraft", "limit": 1}).json()["items"]
    one = items[0]["id"]
    ev = client.get(f"/events/{one}").json()
    assert ev["id"] == one and ev["identity"]["num_mentions"] == 1 and ev["record"]


def test_bad_parameters_are_400_in_the_one_shape(client: TestClient) -> None:
    assert "quad" in _error(client.get("/events", params={"quad": 9}), 400)["message"]
    assert _error(client.get("/events", params={"since": "2025-02-30"}), 400)["code"] == "E002"
    _error(client.get("/events", params={"code": "x1"}), 400)
    _error(client.get("/events", params={"dyad": "RUS"}), 400)
    _error(client.get("/events", params={"actor": "R"}), 400)
    _error(client.get("/events", params={"search": "a\x00b"}), 400)
    _error(client.get("/dyads/RUS/PAK", params={"by": "year"}), 400)
    _error(client.get("/dyads/R!/PAK"), 400)
    _error(client.get("/alerts", params={"direction": "sideways"}), 400)
    assert _error(client.get("/events/999999"), 404)["code"] == "E003"
    assert _error(client.get("/alerts/999999"), 404)["code"] == "E003"
    _error(client.get("/no/such/route"), 404)
    _error(client.delete("/events"), 405)


def test_series_alerts_and_triads(client: TestClient) -> None:
    series = client.get("/dyads/IND/PAK", params={"by": "week"}).json()
    assert series["total_events"] == 24 and series["points"][-1]["conflict"] == 6
    assert client.get("/actors/RUS").json()["total_events"] == 24
    assert client.post("/alerts/recompute", headers=AUTH).json()["stored"] >= 1
    alerts = client.get("/alerts", params={"direction": "conflict", "limit": 5}).json()
    top = alerts["items"][0]
    assert top["subject"] in ("IND-PAK", "IND", "PAK") and top["evidence"]
    assert "struck" in top["evidence"][0]["sentence"]
    assert client.get(f"/alerts/{top['id']}").json()["id"] == top["id"]
    every = client.get("/alerts", params={"limit": 100}).json()["items"]
    now = client.get("/alerts", params={"limit": 100, "current": True}).json()["items"]
    latest = max(a["period_end"] for a in every)
    assert now and {a["id"] for a in now} <= {a["id"] for a in every}
    assert any(a["period_end"] == latest for a in now)
    triads = client.get("/triads", params={"min_events": 1}).json()["items"]
    assert triads and triads[0]["pattern"] == "++-"
    shifts = client.get("/triads/shifts", params={
        "until1": str(D0 + dt.timedelta(weeks=7)), "since2": str(D0 + dt.timedelta(weeks=8)),
        "min_events": 1}).json()["items"]
    assert shifts[0]["change"] in ("appeared unbalanced", "became unbalanced")


def test_writes_need_the_token(client: TestClient) -> None:
    assert _error(client.post("/alerts/recompute"), 401)["code"] == "E004"
    _error(client.post("/alerts/recompute", headers={"Authorization": "Bearer wrong"}), 401)
    _error(client.post("/documents", json={"text": "x"}), 401)
    doc = {"text": "Russian officials met Pakistani officials in Islamabad.", "date": "2025-06-01",
           "title": "Talks", "source": "Test Wire"}
    resp = client.post("/documents", json=doc, headers=AUTH)
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["stored"] == 1 and body["events"] == 1 and body["article_id"].startswith("api-")
    items = client.get("/events", params={"search": "Islamabad"}).json()["items"]
    assert len(items) == 1 and items[0]["article_id"] == body["article_id"]
    _error(client.post("/documents", json={"text": ""}, headers=AUTH), 400)
    _error(client.post("/documents", json={"text": "Russia\x00 met Pakistan."}, headers=AUTH), 400)


def test_writes_disabled_without_a_configured_token(sqlite_settings: Any) -> None:
    with TestClient(create_app(sqlite_settings), base_url="http://localhost") as c:
        err = _error(c.post("/alerts/recompute", headers={"Authorization": "Bearer "}), 403)
        assert err["code"] == "E005"
        _error(c.post("/documents", json={"text": "x"}, headers=AUTH), 403)
        assert c.get("/health").json()["status"] == "ok"


def test_openapi_lists_every_route(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/events", "/events/{event_id}", "/dyads/{a}/{b}", "/actors/{a}", "/alerts",
            "/alerts/{alert_id}", "/alerts/recompute", "/triads", "/triads/shifts",
            "/documents", "/health"} <= paths


# --------------------------------------------------------------------------- schemathesis

def _check_operation(operation: Any, examples: int, documented: set[str]) -> None:
    @hsettings(max_examples=examples, deadline=None, database=None,
               suppress_health_check=list(HealthCheck))
    @given(operation.as_strategy())
    def run(case: Any) -> None:
        response = case.call(headers=AUTH)
        assert response.status_code < 500, (case.method, case.formatted_path, case.query,
                                            response.text[:300])
        assert str(response.status_code) in documented, (  # 0 undocumented status codes
            "undocumented", response.status_code, case.method, case.formatted_path)
        if response.status_code >= 400:
            assert set(response.json()["error"]) == {"code", "message", "status"}

    run()


def test_schemathesis_no_server_errors(settings: Any) -> None:
    """Generated requests for every operation of the OpenAPI schema: never a 5xx."""
    settings = load_settings(env={"TOCSIN_API__ALLOWED_HOSTS": "testserver"},
                             data_dir=settings.data_dir,
                             database_url=settings.database_url, api_token=TOKEN)
    store = Store.open(settings)
    _populate(store)
    app = create_app(settings, store=store, coder=_FakeCoder())
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11
    spec = app.openapi()["paths"]
    for operation in operations:
        examples = 5 if operation.path == "/documents" else 25
        documented = set(spec[operation.path][operation.method.lower()]["responses"])
        _check_operation(operation, examples, documented)
    store.close()
