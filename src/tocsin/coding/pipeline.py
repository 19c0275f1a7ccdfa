"""The coding pipeline: articles -> spaCy parses (``tocsin.nlp``) -> events, enriched.

The title is parsed and coded apart from the body (sentence_index -1, spans relative to
the title); body events carry character spans into ``article.text``.  After coding a
document the geo and temporal enrichers run when they are installed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from tocsin.coding.dictionaries import Dictionaries, load_dictionaries
from tocsin.coding.docview import DocView
from tocsin.coding.engine import DocContext, Options, code_sentence, dedupe
from tocsin.models import Article, Event
from tocsin.nlp import Doc, ParsedArticle, load_pipeline, parse_articles
from tocsin.settings import Settings

log = logging.getLogger(__name__)

Enricher = Callable[[Doc, list[Event], Article], list[Event]]


def _load_enrichers() -> list[Enricher]:
    """Geo and temporal enrichers of engineer D's stages, when importable."""
    found: list[Enricher] = []
    try:
        from tocsin.geo import Geocoder

        found.append(Geocoder.load().enrich)
    except ImportError as exc:
        log.debug("geocoder not available: %s", exc)
    except Exception as exc:  # noqa: BLE001 - a broken gazetteer must not stop coding
        log.warning("geocoder could not be loaded, events get no location: %s", exc)
    try:
        from tocsin.temporal import enrich_dates

        found.append(enrich_dates)
    except ImportError as exc:
        log.debug("temporal enricher not available: %s", exc)
    return found


def coerce_date(value: dt.date | str | None) -> dt.date | None:
    """A date from a date or an ISO string (time part ignored); None stays None."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _discarded(resolver: Any, view: DocView, start: int, end: int) -> bool:
    """Whether a discard phrase occurs in the sentence outside its time expressions
    ("three years ago" dates the event, it does not make the sentence off-topic)."""
    seg = start
    for i in range(start, end + 1):
        if i == end or view.temporal[i]:
            if i > seg and resolver.is_discard(view.doc, seg, i):
                return True
            seg = i + 1
    return False


class DocCoder:
    """Codes parsed documents with one dictionary set (no parsing, no I/O)."""

    def __init__(self, dictionaries: Dictionaries) -> None:
        self.dictionaries = dictionaries

    def new_coreference(self) -> Any:
        try:
            from tocsin.actors import Coreference
        except ImportError:
            return None
        return Coreference()

    def code_doc(self, doc: Doc, *, date: dt.date | None, title: bool = False,
                 options: Options | None = None, coref: Any = None, article_id: str | None = None,
                 text: str | None = None) -> list[Event]:
        """Events of one parsed document (the title: ``title=True``; ``text``: what was parsed)."""
        resolver = self.dictionaries.actors
        discard = resolver.discard_kind(doc)
        if discard == "story":
            return []
        view = DocView.build(doc, text)
        mentions = resolver.find(doc, date)
        ctx = DocContext(view=view, dictionaries=self.dictionaries, date=date, mentions=mentions,
                         coref=coref, options=options or Options())
        events: list[Event] = []
        any_discard = discard is not None
        for index, sent in enumerate(doc.sents):
            if any_discard and resolver.is_discard(doc, sent.start, sent.end) and _discarded(
                    resolver, view, sent.start, sent.end):
                continue
            found = code_sentence(ctx, sent.start, sent.end, -1 if title else index)
            events.extend(found)
        if article_id is not None:
            events = [e.replace(article_id=article_id) for e in events]
        return dedupe(events)


class Coder:
    """Parses and codes articles: ``code_articles`` (batched) and ``code_text``."""

    def __init__(self, settings: Settings, *, dictionaries: str | None = None, enrich: bool = True) -> None:
        self.settings = settings
        self.dictionaries = load_dictionaries(dictionaries or settings.dictionaries)
        self.nlp = load_pipeline(settings.spacy_model)
        self.doc_coder = DocCoder(self.dictionaries)
        self.enrichers = _load_enrichers() if enrich else []

    def code_articles(self, articles: Iterable[Article], *,
                      options: Mapping[str, Mapping[str, Any]] | None = None
                      ) -> Iterator[tuple[Article, list[Event]]]:
        """Code articles in order; ``options`` maps article ids to engine options."""
        for article, title_doc, body_doc in self.parse(articles):
            opts = Options.from_mapping(dict((options or {}).get(article.id) or {}))
            yield article, self.code_parsed(article, title_doc, body_doc, opts)

    def parse(self, articles: Iterable[Article]) -> Iterator[ParsedArticle]:
        """(article, title doc or None, body doc), parsed with ``nlp.pipe`` in batches."""
        return parse_articles(self.nlp, articles, batch_size=self.settings.batch_size)

    def code_parsed(self, article: Article, title_doc: Doc | None, body_doc: Doc,
                    options: Options | None = None) -> list[Event]:
        """Events of an article given its parses, enriched."""
        coref = self.doc_coder.new_coreference()
        events: list[Event] = []
        if title_doc is not None:
            found = self.doc_coder.code_doc(title_doc, date=article.date, title=True, options=options,
                                            coref=coref, article_id=article.id, text=article.title)
            events.extend(self._enrich(title_doc, found, article))
        found = self.doc_coder.code_doc(body_doc, date=article.date, options=options, coref=coref,
                                        article_id=article.id, text=article.text or "")
        events.extend(self._enrich(body_doc, found, article))
        return events

    def _enrich(self, doc: Doc, events: list[Event], article: Article) -> list[Event]:
        for enricher in self.enrichers:
            if not events:
                break
            try:
                events = enricher(doc, events, article)
            except Exception:  # an enricher bug must not lose the events
                log.exception("enricher %r failed on article %s", enricher, article.id)
        return events

    def code_text(self, text: str, date: dt.date | str | None = None, title: str | None = None,
                  options: Mapping[str, Any] | None = None) -> list[Event]:
        """Events of one text (a sentence, paragraph or article body)."""
        article = Article(id="text", text=text, title=title, date=coerce_date(date))
        opts = {article.id: options} if options else None
        for _, events in self.code_articles([article], options=opts):
            return events
        return []
