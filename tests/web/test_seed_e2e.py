"""End to end on the seed article: the real pipeline (spaCy) codes it, the server serves it,
Chromium opens the overview, follows the seed link and hovers an event marked in place."""

from __future__ import annotations

import socket
import threading
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _serve(app: Any) -> tuple[Any, str]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def test_seed_article_coded_served_and_hovered(sqlite_settings: Any, browser: Any) -> None:
    from tocsin import pipeline
    from tocsin.api import create_app
    from tocsin.store import Store

    seed = resources.files("tocsin") / "data" / "samples" / "russian-delegation-pakistan.txt"
    with resources.as_file(seed) as path:
        store = Store.open(sqlite_settings)
        report = pipeline.ingest([str(path)], sqlite_settings, store=store)
    assert report.to_dict()["stored"] == 1
    server, base = _serve(create_app(sqlite_settings, store=store))
    try:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(base + "/?view=overview")
        page.locator("a[href*='view=article']", has_text="Russian").first.click()
        marks = page.locator("main article mark.ev")
        marks.first.wait_for()
        assert marks.count() >= 6  # source, target and trigger of several events
        trigger = page.locator("main article mark.ev.hl-trigger").first
        trigger.hover()
        detail = page.locator("aside.detail").inner_text()
        assert "RUS" in detail and "PLOVER" in detail and "rules" in detail, detail
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "seed-article-e2e.png"), full_page=True)
        assert not errors, errors
        page.close()
    finally:
        server.should_exit = True
        store.close()
