"""The registry: versioned names, lazy entries, plugins, and a snapshot of the built-ins."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from tocsin import registry
from tocsin.errors import RegistryError
from tocsin.ingest import read_sources
from tocsin.ingest.problems import IngestProblem
from tocsin.models import Article
from tocsin.settings import Settings

SNAPSHOT = {
    "readers": [
        "tocsin.readers.directory.v1", "tocsin.readers.feed.v1", "tocsin.readers.html.v1",
        "tocsin.readers.jsonl.v1", "tocsin.readers.text.v1", "tocsin.readers.url.v1",
        "tocsin.readers.warc.v1",
    ],
    "dictionaries": [
        "tocsin.dictionaries.petr-validate.v1", "tocsin.dictionaries.phoenix.v1",
        "tocsin.dictionaries.tocsin.v1",
    ],
    "components": [
        "tocsin.components.actors.v1", "tocsin.components.dates.v1",
        "tocsin.components.entities.v1", "tocsin.components.event_entities.v1",
        "tocsin.components.events.v1", "tocsin.components.parse.v1",
        "tocsin.components.places.v1",
    ],
    "detectors": [
        "tocsin.detectors.baseline.v1", "tocsin.detectors.burst.v1",
        "tocsin.detectors.changepoint.v1", "tocsin.detectors.rate.v1",
        "tocsin.detectors.third_party.v1",
    ],
    "exporters": [
        "tocsin.exporters.csv.v1", "tocsin.exporters.gdelt.v1", "tocsin.exporters.parquet.v1",
        "tocsin.exporters.plover.v1",
    ],
}


def test_snapshot_pins_the_built_ins() -> None:
    """Adding or renaming a part changes this list (and the README's Registry section)."""
    assert registry.snapshot() == SNAPSHOT


def test_every_lazy_entry_resolves_to_an_object() -> None:
    for table in registry.TABLES.values():
        for entry in table:
            assert table.get(entry.name) is not None, entry.name
            assert entry.doc, f"{entry.name} has no description"


@pytest.fixture
def table() -> registry.Table[object]:
    return registry.Table("widgets", "test widgets")


def test_names_are_versioned(table: registry.Table[object]) -> None:
    table.register("tocsin.widgets.round.v1", object())
    newer = table.register("tocsin.widgets.round.v2", object())
    table.register("acme.widgets.round.v7", object())
    assert table.get("round") is newer  # short name: the newest tocsin. version
    assert table.resolve("acme.widgets.round.v7") == "acme.widgets.round.v7"
    assert table.choices() == ["round"] and "round" in table and "square" not in table


def test_bad_names_are_errors(table: registry.Table[object]) -> None:
    with pytest.raises(RegistryError) as bad:
        table.register("round", object())
    assert bad.value.code == "E010"
    with pytest.raises(RegistryError) as lazy:
        table.register_lazy("tocsin.widgets.square.v1", "no_colon")
    assert lazy.value.code == "E012"
    table.register("tocsin.widgets.round.v1", object())
    with pytest.raises(RegistryError, match="choices: tocsin.widgets.round.v1") as missing:
        table.get("square")
    assert missing.value.code == "E011"


def test_lazy_entries_import_on_first_get(table: registry.Table[object],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("tocsin_test_widgets")
    module.WIDGET = ("a", "widget")  # type: ignore[attr-defined]
    table.register_lazy("tocsin.widgets.lazy.v1", "tocsin_test_widgets:WIDGET", doc="lazy")
    assert [e.target for e in table] == ["tocsin_test_widgets:WIDGET"]
    monkeypatch.setitem(sys.modules, "tocsin_test_widgets", module)
    assert table.get("lazy") == ("a", "widget")


def read_news(inp: object) -> Iterator[Article | IngestProblem]:
    """A plugin format: one article per line, 'id|text'."""
    path: Path = inp.path  # type: ignore[attr-defined]
    for line in path.read_text(encoding="utf-8").splitlines():
        article_id, _, text = line.partition("|")
        yield Article(id=article_id, text=text)


read_news.extensions = (".news",)  # type: ignore[attr-defined]


@pytest.fixture
def news_reader() -> Iterator[None]:
    registry.readers.register("acme.readers.news.v1", read_news)
    yield
    registry.readers.unregister("acme.readers.news.v1")


def test_a_plugin_reader_takes_its_extension(tmp_path: Path, news_reader: None) -> None:
    (tmp_path / "a.news").write_text("n1|Russia met Pakistan.\nn2|Talks resumed.\n")
    (tmp_path / "b.txt").write_text("Plain text body.\n")
    items = list(read_sources([str(tmp_path)], Settings()))
    assert [getattr(i, "id", None) for i in items[:2]] == ["n1", "n2"]
    assert isinstance(items[2], Article) and items[2].text == "Plain text body."
    assert "news" in registry.readers.choices()


def test_a_forced_format_reads_any_file(tmp_path: Path) -> None:
    (tmp_path / "wire.log").write_text("Talks resumed\n\nRussia met Pakistan in Islamabad.\n")
    (tmp_path / "page.xml").write_text("<html><head><title>T</title></head><body><article>"
                                       "<p>Russia met Pakistan in Islamabad on Monday.</p>"
                                       "</article></body></html>")
    [log] = list(read_sources([str(tmp_path / "wire.log")], Settings(), kind="text"))
    assert isinstance(log, Article) and log.title == "Talks resumed"
    by_extension = list(read_sources([str(tmp_path)], Settings()))
    assert len(by_extension) == 1  # .log is no known extension; .xml is read (as a page)
    forced = list(read_sources([str(tmp_path)], Settings(), kind="text"))
    assert len(forced) == 2 and all(isinstance(i, Article) for i in forced)
    assert any("<article>" in i.text for i in forced if isinstance(i, Article))  # as text


def test_ingest_format_choices_come_from_the_registry(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tocsin.cli import main

    (tmp_path / "wire.log").write_text("Talks resumed\n\nRussia met Pakistan in Islamabad.\n")
    runner = CliRunner()
    args = ["--data-dir", str(tmp_path / "data"), "ingest", "--no-code", "--json"]
    result = runner.invoke(main, [*args, "--format", "text", str(tmp_path / "wire.log")])
    assert result.exit_code == 0, result.output
    assert '"stored": 1' in result.output
    bad = runner.invoke(main, [*args, "--format", "pdf", str(tmp_path / "wire.log")])
    assert bad.exit_code == 2 and "'pdf' is not one of" in bad.output
