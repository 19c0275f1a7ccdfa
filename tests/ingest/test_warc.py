"""WARC and ARC archives, checked on warcio's own test files: valid ones read without false
problems, damaged ones reported once, in one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tocsin.ingest.problems import IngestProblem
from tocsin.ingest.warc import read_warc
from tocsin.models import Article

WARCIO = Path(__file__).resolve().parents[1] / "data" / "peers" / "warcio"


def _read(path: Path) -> tuple[list[Article], list[str]]:
    with path.open("rb") as stream:
        items = list(read_warc(stream, path.name))
    return (
        [i for i in items if isinstance(i, Article)],
        [i.reason for i in items if isinstance(i, IngestProblem)],
    )


@pytest.mark.parametrize(
    "name",
    [
        "example.warc", "example.warc.gz", "example.arc", "example.arc.gz",
        "example-space-in-url.arc", "bad.arc", "example-iana.org-chunked.warc",
        "example-digest.warc", "example-resource.warc.gz", "example-wget-bad-target-uri.warc.gz",
    ],
)
def test_valid_archives_have_no_problems(name: str) -> None:
    _, problems = _read(WARCIO / name)
    assert problems == []


def test_example_pages_are_read_from_warc_and_arc() -> None:
    for name in ("example.warc.gz", "example.arc", "example.arc.gz"):
        articles, _ = _read(WARCIO / name)
        assert len(articles) == 1 and "Example Domain" in (articles[0].title or "")


@pytest.mark.parametrize(
    "name",
    ["example-trunc.warc", "example-bad-non-chunked.warc.gz", "example-wrong-chunks.warc.gz"],
)
def test_damaged_archives_are_one_line_problems(name: str) -> None:
    _, problems = _read(WARCIO / name)
    assert len(problems) == 1
    assert problems[0].startswith("truncated or corrupt archive: ") and "\n" not in problems[0]


def test_gzip_warc_with_an_unknown_extension(tmp_path: Path) -> None:
    renamed = tmp_path / "crawl-0001.dat"
    shutil.copy(WARCIO / "example.warc.gz", renamed)
    articles, problems = _read(renamed)
    assert problems == [] and len(articles) == 1
