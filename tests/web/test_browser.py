"""The workbench in a real browser: Debian's Chromium driven by Playwright, at laptop and
phone widths, against a live server on loopback with a hand-built store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"  # git-ignored screenshots
SEED_ID = "seed-russian-delegation"  # the ids of tests/web/conftest.py's store
XSS_ID = "xss-article"

pytestmark = pytest.mark.browser

SIZES = {"laptop": (1440, 900), "phone": (390, 844)}
VIEWS = {
    "overview": "?view=overview",
    "dyad": "?view=dyad&a=IND&b=PAK&by=week&period=2025-05-12",
    "actor": "?view=actor&a=IND",
    "triads": "?view=triads",
    "article": f"?view=article&id={SEED_ID}",
    "events": "?view=events&dyad=IND-PAK",
}


class Watch:
    """Console errors, page errors and every request of one page."""

    def __init__(self, page: Any, base: str) -> None:
        self.base = base
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.json_bytes = 0
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", self._request)
        page.on("response", self._response)

    def _request(self, req: Any) -> None:
        if not (req.url.startswith(self.base) or req.url.startswith(("data:", "blob:"))):
            self.outside.append(req.url)

    def _response(self, resp: Any) -> None:
        if resp.status >= 400:
            self.errors.append(f"{resp.status} {resp.url}")
        if "json" in (resp.headers.get("content-type") or ""):
            try:
                self.json_bytes += len(resp.body())
            except Exception:  # noqa: BLE001 - a body gone with a navigation
                pass

    def check(self) -> None:
        assert not self.errors, self.errors
        assert not self.outside, self.outside


@pytest.fixture
def page(browser: Any, live_server: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    size = getattr(request, "param", "laptop")
    w, h = SIZES[size]
    context = browser.new_context(viewport={"width": w, "height": h}, accept_downloads=True)
    pg = context.new_page()
    pg.watch = Watch(pg, live_server)  # type: ignore[attr-defined]
    pg.base = live_server  # type: ignore[attr-defined]
    yield pg
    context.close()


def _open(page: Any, query: str) -> None:
    page.goto(page.base + "/" + query)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("page", list(SIZES), indirect=True)
@pytest.mark.parametrize("view", list(VIEWS))
def test_each_view_loads_without_errors(page: Any, view: str, request: Any) -> None:
    _open(page, VIEWS[view])
    assert page.locator(f"main[data-view={view}]").count() == 1
    assert page.locator("main .error").count() == 0, page.locator("main .error").all_inner_texts()
    size = request.node.callspec.params["page"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{view}-{size}.png"), full_page=True)
    # nothing overflows the viewport sideways (phone: the evidence stays on screen)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{view} is {overflow}px wider than the viewport"
    assert page.watch.json_bytes < 500_000
    page.watch.check()


def test_overview_shows_alerts_movers_map_and_seed(page: Any) -> None:
    _open(page, "?view=overview")
    assert page.locator("ol.alerts li").count() >= 1
    assert "IND" in page.locator("ol.alerts").inner_text()
    assert page.locator("ol.alerts a.evidence-link").count() >= 1
    assert page.locator("svg.map path.country").count() > 150  # real country shapes
    assert page.locator("svg.map path.country.has-data").count() >= 4
    assert "IND–PAK" in page.locator("ol.movers").first.inner_text()
    page.locator(f"a[href*='id={SEED_ID}']").click()
    page.locator("main[data-view=article] mark.ev").first.wait_for()
    assert page.locator("main[data-view=article] mark.ev").count() >= 3
    page.watch.check()


def test_pick_a_dyad_by_typing_and_click_a_period(page: Any) -> None:
    _open(page, "?view=dyad")
    boxes = page.locator(".ta input")
    boxes.nth(0).fill("Indi")
    page.locator(".ta-list li", has_text="India").first.click()
    page.wait_for_url("**a=IND**")
    page.wait_for_load_state("networkidle")
    boxes.nth(1).fill("Pakis")
    page.locator(".ta-list li", has_text="Pakistan").first.click()
    page.wait_for_url("**b=PAK**")
    page.wait_for_load_state("networkidle")
    assert "a=IND" in page.url and "b=PAK" in page.url
    chart = page.locator(".chart .u-over").first
    chart.wait_for()
    box = chart.bounding_box()
    page.mouse.move(box["x"] + box["width"] - 4, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] - 4, box["y"] + box["height"] / 2)
    page.wait_for_url("**period=**")
    events = page.locator("ul.events li.event")
    events.first.wait_for()
    assert page.locator("ul.events mark.hl-trigger").count() >= 1
    assert page.locator("ul.events mark.hl-source").count() >= 1
    assert page.locator("ul.events .event-meta a[href^='https://']").count() >= 1
    page.watch.check()


def test_alert_lists_its_events(page: Any) -> None:
    _open(page, "?view=dyad&a=IND&b=PAK&by=week")
    page.locator(".alerts button.linkish").first.click()
    page.locator("ul.events li.event").first.wait_for()
    assert "alert=" in page.url
    assert page.locator("ul.events li.event").count() >= 1
    assert "alert IND" in page.locator(".period-head").inner_text()
    page.watch.check()


def test_hover_an_event_of_the_seed_article(page: Any) -> None:
    _open(page, f"?view=article&id={SEED_ID}")
    mark = page.locator("mark.ev.hl-trigger", has_text="held")
    mark.hover()
    detail = page.locator("aside.detail")
    text = detail.inner_text()
    for word in ("RUS", "PAK", "062", "PLOVER", "Goldstein", "asserted", "Peshawar", "rules"):
        assert word in text, (word, text)
    assert page.locator("#tip").is_visible()
    page.watch.check()


def test_filter_round_trips_through_the_url_and_back(page: Any) -> None:
    from playwright.sync_api import expect

    _open(page, "?view=events")
    heading = page.locator("main section h2").nth(1)
    expect(heading).to_have_text(re.compile(r"^[\d,]+ events$"))
    total_all = heading.inner_text()
    page.fill("form.filters input[name=dyad]", "IND-PAK")
    page.select_option("form.filters select[name=quad]", "4")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**quad=4**")
    expect(heading).not_to_have_text(total_all)
    assert "dyad=IND-PAK" in page.url
    filtered = heading.inner_text()
    shared = page.url
    page.go_back()
    page.wait_for_url(lambda url: "quad=4" not in url)
    expect(heading).to_have_text(total_all)
    expect(page.locator("form.filters input[name=dyad]")).to_have_value("")
    page.goto(shared)  # a shared URL restores the same state
    expect(heading).to_have_text(filtered)
    expect(page.locator("form.filters input[name=dyad]")).to_have_value("IND-PAK")
    page.watch.check()


def test_export_csv_of_the_filtered_set(page: Any) -> None:
    _open(page, "?view=events&dyad=IND-PAK&quad=4")
    total = int(page.locator("main section h2").nth(1).inner_text().split()[0].replace(",", ""))
    with page.expect_download() as info:
        page.click("p.exports a:text('CSV')")
    lines = open(info.value.path(), encoding="utf-8").read().strip().splitlines()
    assert lines[0].startswith("id,identity_id,day")
    assert len(lines) == total + 1
    page.watch.check()


XSS_VIEWS = [
    f"?view=article&id={XSS_ID}", "?view=article", "?view=events&search=shelling",
    "?view=dyad&a=IND&b=PAK&by=week&period=2025-05-26", "?view=actor&a=PAK", "?view=overview",
]


@pytest.mark.parametrize("query", XSS_VIEWS)
def test_injected_markup_never_runs_and_no_javascript_link(page: Any, query: str) -> None:
    _open(page, query)
    assert page.evaluate("window.__xss") is None
    assert page.locator("main script, main svg[onload], main img").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))], hrefs
    page.watch.check()


def test_xss_article_shows_the_payload_as_text(page: Any) -> None:
    _open(page, f"?view=article&id={XSS_ID}")
    text = page.locator("main article").inner_text()
    assert "<script>" in text and "<svg onload" in text  # shown, not parsed
    assert page.locator("main article a").count() == 0  # its javascript: URL is no link
    assert page.evaluate("window.__xss") is None
    page.watch.check()


def test_docs_work_offline(page: Any) -> None:
    for path, selector in (("/docs", ".swagger-ui .opblock"), ("/redoc", "[role=search], h1")):
        page.goto(page.base + path)
        page.wait_for_selector(selector, timeout=20_000)
    page.watch.check()
