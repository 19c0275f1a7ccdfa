"""POST /documents: the same ingest path as a JSONL record; 201 when stored, 200 when not."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tocsin.api import create_app
from tocsin.ingest.jsonl import read_jsonl_lines
from tocsin.models import Article, Event
from tocsin.settings import load_settings
from tocsin.store import Store

TOKEN = "doc-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = ("ISLAMABAD, June 1 (Reuters) - Russian officials met Pakistani officials.\n\n"
        "Click here to subscribe to our newsletter.\n\nThey agreed to meet again.")


class CountingCoder:
    """Records what it was asked to code; codes nothing (this test is about ingest)."""

    def __init__(self) -> None:
        self.seen: list[Article] = []

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            self.seen.append(article)
            yield article, []


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[TestClient, Store, CountingCoder]]:
    settings = load_settings(env={}, data_dir=tmp_path / "data", api_token=TOKEN)
    store = Store.open(settings)
    coder = CountingCoder()
    with TestClient(create_app(settings, store=store, coder=coder),
                    base_url="http://localhost") as client:
        yield client, store, coder
    store.close()


def test_document_is_ingested_like_a_jsonl_record(
        setup: tuple[TestClient, Store, CountingCoder]) -> None:
    client, store, coder = setup
    record = {"id": "doc-1", "text": TEXT, "title": "Talks", "date": "2025-06-01",
              "source": "Test Wire"}
    resp = client.post("/documents", json=record, headers=AUTH)
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["article_id"] == "doc-1" and body["stored"] == 1 and body["coded"] == 1
    stored = store.get_article("doc-1")
    [expected] = list(read_jsonl_lines([json.dumps(record)], "api", "api"))
    assert isinstance(expected, Article)
    for field in ("text", "title", "date", "source", "dateline", "content_hash"):
        assert getattr(stored, field) == getattr(expected, field), field
    assert coder.seen and coder.seen[0].id == "doc-1"


def test_nothing_new_answers_200(setup: tuple[TestClient, Store, CountingCoder]) -> None:
    client, store, _ = setup
    first = client.post("/documents", json={"text": TEXT}, headers=AUTH)
    again = client.post("/documents", json={"text": TEXT}, headers=AUTH)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["article_id"] == again.json()["article_id"]
    assert first.json()["article_id"].startswith("api-")
    assert again.json()["stored"] == 0 and store.count_articles() == 1


def test_a_document_with_no_text_left_is_a_400(
        setup: tuple[TestClient, Store, CountingCoder]) -> None:
    client, _, _ = setup
    resp = client.post("/documents", json={"text": "   \n\n  "}, headers=AUTH)
    assert resp.status_code == 400
    assert resp.json()["error"]["code"] == "E002"
    assert "no text left" in resp.json()["error"]["message"]


def test_record_reading_is_shared(tmp_path: Path) -> None:
    from tocsin.ingest.jsonl import read_record

    problem = read_record({"title": "no text"}, "api", "api")
    assert not isinstance(problem, Article) and "neither 'text' nor 'html'" in problem.reason
    article: Any = read_record({"text": "One.\n\nTwo.", "source": "S"}, "api", None)
    assert isinstance(article, Article) and article.source == "S"
