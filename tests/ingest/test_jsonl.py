"""JSON Lines: the bundled corpora, malformed lines, html records."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from tocsin.ingest import IngestProblem, read_sources
from tocsin.models import Article
from tocsin.settings import Settings

SAMPLES = Path(str(resources.files("tocsin") / "data" / "samples"))


def _read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_bundled_corpora_yield_every_record_with_its_fields() -> None:
    files = sorted(SAMPLES.glob("*.jsonl"))
    records = {r["id"]: r for path in files for r in _read_records(path)}
    items = list(read_sources([str(p) for p in files], Settings()))
    assert not [i for i in items if isinstance(i, IngestProblem)]
    articles = {a.id: a for a in items if isinstance(a, Article)}
    assert len(records) == 2341 and set(articles) == set(records)
    for article_id, record in records.items():
        article = articles[article_id]
        assert (article.title, article.url, article.source, article.license) == (
            record["title"],
            record["url"],
            record["source"],
            record["license"],
        )
        assert article.date is not None and article.date.isoformat() == record["date"]
        assert article.dateline is None  # the corpus texts carry no datelines
        assert len(article.text) >= len(record["text"]) - 5  # nothing cut away
    assert len({a.content_hash for a in articles.values()}) == len(articles)


def test_malformed_lines_are_reported_and_the_others_read(tmp_path: Path) -> None:
    good = {
        "id": "a1",
        "url": "https://example.org/2024/01/02/a",
        "title": "A",
        "date": "2024-01-02",
        "text": "Para one.\n\nPara two.",
        "section": "world",
    }
    lines = [
        json.dumps(good),
        '{"id": "broken", "text": ',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text", "title": "Nothing"}),
        json.dumps({"url": "https://example.org/b", "text": "No id or date here."}),
        json.dumps(
            {
                "id": "h1",
                "url": "https://example.org/news/2023/05/06/story",
                "html": "<html><head><title>Story</title></head><body><article><p>"
                + "The envoy met the minister in Ankara. " * 10
                + "</p></article></body></html>",
            }
        ),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_sources([str(path)], Settings()))
    problems = [i for i in items if isinstance(i, IngestProblem)]
    articles = [i for i in items if isinstance(i, Article)]
    assert [p.where for p in problems] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert "malformed JSON" in problems[0].reason
    first = articles[0]
    assert first.id == "a1"
    assert first.text == "Para one.\n\nPara two." and first.extra["section"] == "world"
    assert first.source == "mixed" and first.origin == f"{path}:1"
    no_id = articles[1]
    assert no_id.id.startswith("jsonl-") and no_id.date is None
    html = articles[2]
    assert html.id == "h1" and html.title == "Story"
    assert html.text.startswith("The envoy met the minister in Ankara.")
    assert str(html.date) == "2023-05-06"
