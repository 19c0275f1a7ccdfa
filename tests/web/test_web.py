"""The workbench's static side: page, modules and vendored assets served with security
headers, only local URLs, every API route the JS names exists and answers JSON."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tocsin.api import create_app
from tocsin.store import Store
from tocsin.web import STATIC_DIR

JS_DIR = STATIC_DIR / "js"
MODULES = {p.name: p.read_text(encoding="utf-8") for p in sorted(JS_DIR.glob("*.js"))}
HTML = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
CSS = (STATIC_DIR / "dashboard.css").read_text(encoding="utf-8")
VENDOR = STATIC_DIR / "vendor"
SAMPLE = {"a": "IND", "b": "PAK", "article_id": "seed-russian-delegation", "alert_id": "1"}
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
SEED_ID = "seed-russian-delegation"


@pytest.fixture(scope="module")
def client(workbench_settings: Any, workbench_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(workbench_settings, store=workbench_store),
                    base_url="http://127.0.0.1") as c:
        yield c


def _routes() -> dict[str, str]:
    block = re.search(r"export const ROUTES = \{(.*?)\};", MODULES["api.js"], re.DOTALL)
    assert block, "api.js must declare its API calls in `export const ROUTES = {...};`"
    routes = dict(re.findall(r"(\w+):\s*\"([^\"]+)\"", block.group(1)))
    assert len(routes) >= 10
    return routes


def _fill(template: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: SAMPLE[m.group(1)], template)


def test_page_modules_and_vendored_assets_are_served(client: TestClient) -> None:
    for path in ("/", "/dashboard"):
        resp = client.get(path)
        assert resp.status_code == 200
        assert resp.headers["content-type"].startswith("text/html")
        assert "<main id=\"view\"" in resp.text
    assets = re.findall(r"(?:src|href)=\"(/dashboard/static/[^\"]+)\"", HTML)
    assets += [f"/dashboard/static/js/{name}" for name in MODULES]
    for asset in assets:
        resp = client.get(asset)
        assert resp.status_code == 200 and resp.content, asset
    assert "javascript" in client.get("/dashboard/static/js/main.js").headers["content-type"]
    assert client.get("/dashboard/static/missing.js").status_code == 404
    assert client.get("/dashboard/static/../__init__.py").status_code == 404
    assert not {"/", "/dashboard"} & set(client.get("/openapi.json").json()["paths"])


def test_vendored_libraries_are_pinned_with_their_licences() -> None:
    pins = [line for line in (VENDOR / "VERSIONS.txt").read_text(encoding="utf-8").split("\n")
            if not line.startswith("patched:")]
    names = {line.split("@")[0] for line in pins if line}
    assert {"d3-geo", "topojson-client", "world-atlas", "uplot", "swagger-ui-dist",
            "redoc"} <= names
    for line in filter(None, pins):
        spec, digest = line.split()
        assert re.fullmatch(r"[\w-]+@\d+\.\d+\.\d+", spec) and len(digest) == 64
        folder = VENDOR / spec.split("@")[0]
        assert (folder / "LICENSE").is_file(), folder
        assert len(list(folder.iterdir())) >= 2, folder


def test_only_local_urls() -> None:
    texts = {"index.html": HTML, "dashboard.css": CSS, **MODULES}
    for name in ("swagger.html", "redoc.html", "swagger-init.js", "redoc-init.js"):
        texts[name] = (STATIC_DIR / "docs" / name).read_text(encoding="utf-8")
    for name, text in texts.items():
        refs = re.findall(r"(?:src|href|action)\s*=\s*[\"']([^\"']*)[\"']", text)
        if not name.endswith(".js"):  # CSS url(...); in JS, url() is the route helper
            refs += re.findall(r"url\(\s*[\"']?([^\"')]*)", text)
        for ref in refs:
            assert ref.startswith(("/", "#", "?", "data:,")) and not ref.startswith("//"), (
                name, ref)
        absolute = set(re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"'`)]*", text))
        assert absolute <= {SVG_NAMESPACE}, (name, absolute)


def test_modules_never_parse_data_as_html() -> None:
    for name, text in MODULES.items():
        assert "innerHTML" not in text and "outerHTML" not in text, name
        assert "insertAdjacentHTML" not in text and "document.write" not in text, name
        assert "eval(" not in text and "new Function" not in text, name
    assert MODULES["dom.js"].count("fetch(") == 0
    assert sum(t.count("fetch(") for t in MODULES.values()) == 2  # api.get and the atlas


def test_every_route_the_js_uses_exists_and_answers_json(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()["paths"]
    for name, template in _routes().items():
        assert template in spec and "get" in spec[template], f"{name}: {template} not a GET"
        resp = client.get(_fill(template))
        assert resp.status_code == 200, (name, resp.text[:300])
        kind = resp.headers["content-type"]
        assert kind.startswith(("application/json", "text/csv")), (name, kind)


def test_security_headers_on_every_kind_of_response(client: TestClient) -> None:
    for path in ("/", "/dashboard/static/js/main.js", "/events", "/articles/nope", "/docs",
                 "/openapi.json", "/dashboard/static/vendor/world-atlas/countries-110m.json"):
        resp = client.get(path)
        assert "default-src 'self'" in resp.headers["content-security-policy"], path
        assert "script-src 'self';" in resp.headers["content-security-policy"], path
        assert resp.headers["x-content-type-options"] == "nosniff", path
        assert resp.headers["referrer-policy"] == "no-referrer", path


def test_docs_pages_use_the_vendored_assets(client: TestClient) -> None:
    for path, asset in (("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc-init.js")):
        page = client.get(path)
        assert page.status_code == 200 and asset in page.text
        for ref in re.findall(r"(?:src|href)=\"(/[^\"]+)\"", page.text):
            assert client.get(ref).status_code == 200, ref
