"""The built-in parts of tocsin, registered exactly as a plugin registers its own.

Each section belongs to one stage; registrations are lazy (``module:attribute``) so
that listing the choices imports nothing heavy. See :mod:`tocsin.registry`.
"""

from __future__ import annotations

from tocsin import registry

# -- readers (ingest/) ---------------------------------------------------------------
registry.readers.register_lazy(
    "tocsin.readers.text.v1", "tocsin.ingest.sources:read_text_input",
    doc="plain text (.txt): the first paragraph is the title when it stands alone")
registry.readers.register_lazy(
    "tocsin.readers.html.v1", "tocsin.ingest.sources:read_html_input",
    doc="an HTML page (.html, .htm): main text and metadata via trafilatura")
registry.readers.register_lazy(
    "tocsin.readers.jsonl.v1", "tocsin.ingest.sources:read_jsonl_input",
    doc="JSON Lines (.jsonl, .ndjson): one record a line with id, text or html, title, date")
registry.readers.register_lazy(
    "tocsin.readers.feed.v1", "tocsin.ingest.sources:read_feed_input",
    doc="an RSS or Atom feed (.rss, .atom, .xml): each entry's page or summary")
registry.readers.register_lazy(
    "tocsin.readers.warc.v1", "tocsin.ingest.sources:read_warc_input",
    doc="a WARC or ARC archive (.warc, .warc.gz, .arc): its HTML responses")
registry.readers.register_lazy(
    "tocsin.readers.url.v1", "tocsin.ingest.sources:read_url",
    doc="an http(s) URL: fetched politely, its content read by the reader of its kind")
registry.readers.register_lazy(
    "tocsin.readers.directory.v1", "tocsin.ingest.sources:read_directory",
    doc="a directory: every file with a known extension, in name order")

# -- dictionary sets (data/dictionaries/*/manifest.toml) ------------------------------

registry.dictionaries.register_lazy(
    "tocsin.dictionaries.phoenix.v1", "tocsin.actors.manifest:PHOENIX",
    doc="Phoenix/CAMEO 2.0 dictionaries with the project's own files on top (the default)")
registry.dictionaries.register_lazy(
    "tocsin.dictionaries.petr-validate.v1", "tocsin.actors.manifest:PETR_VALIDATE",
    doc="PETRARCH's validation dictionaries (its unit-test suite)")
registry.dictionaries.register_lazy(
    "tocsin.dictionaries.tocsin.v1", "tocsin.actors.manifest:TOCSIN",
    doc="the project's own dictionary files alone")

# -- pipeline components ---------------------------------------------------------------
registry.components.register_lazy(
    "tocsin.components.parse.v1", "tocsin.components:Parse",
    doc="spaCy parse of the title and body (nlp.pipe batches); sets doc")
registry.components.register_lazy(
    "tocsin.components.actors.v1", "tocsin.components:Actors",
    doc="actor mentions from the dictionaries, with coreference; needs doc, sets mentions")
registry.components.register_lazy(
    "tocsin.components.events.v1", "tocsin.components:Events",
    doc="verb patterns on the parse -> events with factuality; needs mentions, sets events")
registry.components.register_lazy(
    "tocsin.components.entities.v1", "tocsin.components:Entities",
    doc="spaCy NER on the sentences the coder reads entities in (parse then skips NER)")
registry.components.register_lazy(
    "tocsin.components.event_entities.v1", "tocsin.components:EventEntities",
    doc="spaCy NER on the event sentences, for dates and places; needs events")
registry.components.register_lazy(
    "tocsin.components.places.v1", "tocsin.components:Places",
    doc="event location and actor countries from the offline gazetteer; needs events")
registry.components.register_lazy(
    "tocsin.components.dates.v1", "tocsin.components:Dates",
    doc="event date from its time expression and the article date; needs events")

# -- alert detectors (analysis/) ------------------------------------------------------
registry.detectors.register_lazy(
    "tocsin.detectors.baseline.v1", "tocsin.analysis.detectors:BASELINE",
    doc="a week's reports against the previous 4 and 52 weeks (Poisson surprise)")
registry.detectors.register_lazy(
    "tocsin.detectors.rate.v1", "tocsin.analysis.burst:RATE",
    doc="a dyad's week (and windows of weeks) against its own past, news volume held constant")
registry.detectors.register_lazy(
    "tocsin.detectors.burst.v1", "tocsin.analysis.burst:BURST",
    doc="a dyad's reports over 1 to onset_weeks weeks against its baselines (a scan)")
registry.detectors.register_lazy(
    "tocsin.detectors.changepoint.v1", "tocsin.analysis.detectors:CHANGEPOINT",
    doc="an upward shift of the weekly share lasting at most max_weeks (binary segmentation)")
registry.detectors.register_lazy(
    "tocsin.detectors.third_party.v1", "tocsin.analysis.thirdparty:THIRD_PARTY",
    doc="C alerted when its partner A moves toward its rival B (rising A-B cooperation)")

# -- exporters (analysis/ exports) ------------------------------------------------------
registry.exporters.register_lazy(
    "tocsin.exporters.gdelt.v1", "tocsin.analysis.exports:export_gdelt",
    doc="GDELT 2.0 event table (tab-separated, one row per event)")
registry.exporters.register_lazy(
    "tocsin.exporters.plover.v1", "tocsin.analysis.exports:export_plover",
    doc="PLOVER/POLECAT-style JSON lines (one record per event)")
registry.exporters.register_lazy(
    "tocsin.exporters.parquet.v1", "tocsin.analysis.exports:export_parquet",
    doc="the events table (one row per mention) as Parquet")
registry.exporters.register_lazy(
    "tocsin.exporters.csv.v1", "tocsin.analysis.exports:export_csv",
    doc="the events table (one row per mention) as CSV")

__all__ = ["registry"]
