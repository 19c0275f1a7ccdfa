"""`tocsin ingest`, `articles`, `db upgrade`, `demo` end to end, including bad input
and a killed ingest that is restarted."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from tocsin.cli import main
from tocsin.store import Store
from tocsin.store.schema import articles

PARAS = (
    ("The foreign ministers of {a} and {b} met in {c} on Tuesday to discuss trade, "
     "border security and the return of refugees displaced by the fighting."),
    ("Officials from {a} said the talks on item {n} were constructive, while the "
     "delegation of {b} called for a second round before the end of the year."),
)
PLACES = ["Norway", "Chile", "Kenya", "Vietnam", "Peru", "Ghana", "Nepal", "Iceland",
          "Jordan", "Mongolia", "Bolivia", "Senegal", "Laos", "Fiji", "Malta", "Oman"]


def story(n: int) -> str:
    a, b, c = PLACES[n % 16], PLACES[(n * 5 + 3) % 16], PLACES[(n * 7 + 1) % 16]
    unique = " ".join(f"w{n}q{k}" for k in range(40))  # keeps stories apart for MinHash
    return "\n\n".join(p.format(a=a, b=b, c=c, n=n) for p in PARAS) + f"\n\n{unique}."


def jsonl_record(n: int, **extra: Any) -> str:
    rec = {"id": f"story-{n:05d}", "url": f"https://news.example/{n}",
           "title": f"Talks number {n}", "date": "2024-05-06", "text": story(n), **extra}
    return json.dumps(rec)


def html_page(n: int) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in story(n).split("\n\n"))
    return (f"<html><head><title>Page {n}</title></head><body><article><h1>Page {n}</h1>"
            f"{body}</article></body></html>").encode()


def write_warc(path: Path, pages: list[int]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://warc.example/{n}", "response",
                                               payload=io.BytesIO(html_page(n)),
                                               http_headers=headers)
            writer.write_record(record)


def run(args: list[str], settings: Any) -> Any:
    env = {"TOCSIN_DATA_DIR": str(settings.data_dir),
           "TOCSIN_DATABASE_URL": settings.database_url, "TOCSIN_BATCH_SIZE": "4"}
    return CliRunner().invoke(main, args, env=env, catch_exceptions=False)


def stored(settings: Any) -> dict[str, tuple[Any, ...]]:
    """Every stored article's columns (without the ingest time), by id."""
    with Store.open(settings) as store, store.engine.connect() as conn:
        rows = conn.execute(sa.select(articles)).mappings().all()
    return {r["id"]: tuple(v for k, v in r.items() if k not in ("ingested_at", "coded_at"))
            for r in rows}


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    d = tmp_path / "mixed"
    (d / "sub").mkdir(parents=True)
    (d / "one.txt").write_text("Talks in Oslo\n\n" + story(1), encoding="utf-8")
    lines = [jsonl_record(2), "{not json at all", jsonl_record(3), jsonl_record(4)]
    (d / "sub" / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "page.html").write_bytes(html_page(5))
    (d / "binary.html").write_bytes(bytes(range(256)) * 40)
    (d / "empty.txt").write_bytes(b"")
    write_warc(d / "crawl.warc.gz", [6, 7])
    write_warc(d / "broken.warc.gz", [8, 9, 10])
    data = (d / "broken.warc.gz").read_bytes()
    (d / "broken.warc.gz").write_bytes(data[: len(data) * 5 // 6])  # cut inside record 3
    return d


def test_ingest_mixed_directory(settings: Any, mixed_dir: Path) -> None:
    result = run(["ingest", str(mixed_dir), "--no-code", "--json"], settings)
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    problems = {p["where"].split("/")[-1].split(":")[0].split("#")[0] for p in
                report["problems"]}
    assert problems == {"corpus.jsonl", "binary.html", "empty.txt", "broken.warc.gz"}
    assert any(p["where"].endswith("corpus.jsonl:2") for p in report["problems"])
    assert len(report["problems"]) == 4  # each reported once
    rows = stored(settings)
    # good: one.txt, 3 JSONL records, page.html, 2 WARC pages, the 2 intact broken-WARC pages
    assert report["stored"] == len(rows) == 9
    assert {"story-00002", "story-00003", "story-00004"} <= set(rows)
    with Store.open(settings) as store:
        texts = {a.id: a.text for a in store.iter_articles()}
    for n in (1, 2, 3, 4, 5, 6, 7, 8, 9):  # each good story stored whole, once
        hits = [t for t in texts.values() if f"w{n}q39" in t]
        assert len(hits) == 1 and f"w{n}q0 " in hits[0], n
    assert not any("w10q" in t for t in texts.values())  # the truncated record is not stored

    again = run(["ingest", str(mixed_dir), "--no-code", "--json"], settings)
    second = json.loads(again.stdout)
    assert second["stored"] == 0 and second["already_stored"] == 9
    assert stored(settings) == rows


def test_ingest_text_summary(settings: Any, tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    copy = json.loads(jsonl_record(1))
    copy["id"] = "copy-1"
    near = json.loads(jsonl_record(1))
    near["id"], near["text"] = "near-1", near["text"] + " An editor added this sentence."
    src.write_text("\n".join([jsonl_record(1), json.dumps(copy), json.dumps(near),
                              jsonl_record(2)]) + "\n")
    result = run(["ingest", str(src), "--no-code"], settings)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "read 4 articles" in out and "stored 3 new articles" in out
    assert "copy-1 = story-00001" in out
    assert "near-1 ~ story-00001 (overlap " in out
    assert "no problems" in out
    listing = run(["articles", "--format", "json", "--search", "TALKS NUMBER 2"], settings)
    assert [a["id"] for a in json.loads(listing.stdout)] == ["story-00002"]
    table = run(["articles", "--limit", "10"], settings)
    assert "near-1" in table.stdout and "[near-dup of story-00001]" in table.stdout
    show = run(["articles", "show", "near-1"], settings)
    assert "near_dup_of:    story-00001" in show.stdout and "0 events" in show.stdout
    shown = json.loads(run(["articles", "show", "story-00002", "--format", "json"],
                           settings).stdout)
    assert shown["title"] == "Talks number 2" and shown["events"] == []
    missing = run(["articles", "show", "nope"], settings)
    assert missing.exit_code == 3 and "no article with id 'nope'" in missing.stderr


def test_db_upgrade(settings: Any) -> None:
    first = run(["db", "upgrade"], settings)
    assert first.exit_code == 0 and "upgraded from empty to revision" in first.stdout
    second = run(["db", "upgrade"], settings)
    assert "already at revision" in second.stdout


def test_unreachable_database_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--database-url", "postgresql://x:y@127.0.0.1:9/z",
                                       "articles"], catch_exceptions=False)
    assert result.exit_code != 0
    assert result.stderr.startswith("Error: [E200]") and "Traceback" not in result.output


KILL_SCRIPT = """
import sys, time
import tocsin.pipeline as p
real = p._default_reader()
def slow(sources, settings):
    for i, item in enumerate(real(sources, settings)):
        if i >= 8:
            time.sleep(0.02)  # slow enough to be killed midway
        yield item
p._default_reader = lambda: slow
from tocsin.cli import main
main(sys.argv[1:])
"""


@pytest.mark.slow
def test_killed_ingest_restarted_equals_uninterrupted(settings: Any, tmp_path: Path) -> None:
    src = tmp_path / "big.jsonl"
    src.write_text("\n".join(jsonl_record(n) for n in range(300)) + "\n")
    env = {**os.environ, "TOCSIN_DATA_DIR": str(settings.data_dir),
           "TOCSIN_DATABASE_URL": settings.database_url, "TOCSIN_BATCH_SIZE": "8"}
    env.pop("TOCSIN_CONFIG", None)
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, "ingest", str(src), "--no-code"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    count = 0
    while time.monotonic() < deadline and proc.poll() is None:
        count = _count(settings)
        if count >= 16:  # at least two batches committed
            break
        time.sleep(0.05)
    assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _count(settings)
    assert 16 <= partial < 300 and partial % 8 == 0  # whole batches only

    result = run(["ingest", str(src), "--no-code", "--json"], settings)
    report = json.loads(result.stdout)
    assert result.exit_code == 0
    assert report["stored"] == 300 - partial and report["already_stored"] == partial
    reference = settings.__class__().replace(data_dir=tmp_path / "ref",
                                             database_url=f"sqlite:///{tmp_path / 'ref.db'}")
    run(["ingest", str(src), "--no-code"], reference)
    assert stored(settings) == stored(reference)


def _count(settings: Any) -> int:
    engine = sa.create_engine(settings.db_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT count(*) FROM articles")).scalar() or 0)
    except sa.exc.DBAPIError:  # tables not created yet
        return 0
    finally:
        engine.dispose()


def test_recode_unknown_id_is_an_error(settings: Any) -> None:
    result = run(["recode", "no-such-article"], settings)
    assert result.exit_code == 3 and "no article with id 'no-such-article'" in result.stderr


@pytest.mark.slow
def test_demo_ingests_the_bundled_samples(sqlite_settings: Any) -> None:
    env = {"TOCSIN_DATA_DIR": str(sqlite_settings.data_dir), "TOCSIN_DATABASE_URL": ""}
    demo = ["demo", "--no-code", "--no-serve"]
    first = CliRunner().invoke(main, demo, env=env, catch_exceptions=False)
    assert first.exit_code == 0, first.output
    report = first.stdout
    assert "read 2342 articles" in report and "no problems" in report
    stored_n = int(report.split("stored ", 1)[1].split(" new", 1)[0])
    exact = report.count(" = ")  # each exact duplicate is listed as "id = original"
    assert stored_n + exact == 2342
    assert f"articles stored: {stored_n}" in report
    with Store.open(sqlite_settings) as store:
        [seed] = store.search_articles(text="Russian military delegation on Pakistan visit")
    assert seed.title == "Russian military delegation on Pakistan visit"
    assert seed.dateline == "Islamabad"
    assert "Leave a Reply" not in seed.text and "Pingback" not in seed.text
    again = CliRunner().invoke(main, demo, env=env, catch_exceptions=False)
    assert f"stored 0 new articles ({stored_n} already stored)" in again.stdout


def test_progress_lines_are_throttled_off_a_terminal() -> None:
    from tocsin.cli.ingest import ProgressPrinter
    from tocsin.pipeline import Progress

    out = io.StringIO()
    printer = ProgressPrinter(out, every=3600)
    printer(Progress("ingest", 64, 60, 1, 2.0))
    printer(Progress("ingest", 128, 120, 1, 4.0))  # within the interval: not printed
    printer(Progress("code", 10, 31, 0, 5.0, total=100))
    printer.close()
    assert out.getvalue() == "ingest: 64 read, 60 stored, 1 problems, 32 articles/s\n"
    assert ProgressPrinter.format(Progress("code", 10, 31, 0, 5.0, total=100)) == \
        "coding: 10/100 articles, 31 events, 2.0 articles/s"
    quiet = io.StringIO()
    ProgressPrinter(quiet, enabled=False)(Progress("ingest", 1, 1, 0, 1.0))
    assert quiet.getvalue() == ""
