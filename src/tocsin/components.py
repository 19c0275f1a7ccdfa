"""The components of the coding pipeline, the way spaCy lists its components.

Each component has a ``name``, the attributes it ``needs`` and the ones it ``sets``; it
takes the articles' :class:`Work` items and returns them, changed.  The order comes from
the ``pipeline.components`` setting (``["parse", "actors", "entities", "events",
"event_entities", "places", "dates"]``)
and every name is looked up in ``registry.components``, so a plugin adds a component
exactly as the built-ins below are added (in :mod:`tocsin.builtins`).  A component is
built by calling its registered factory with the settings: ``factory(settings)``.

=========  ============================  =====================  =======================
component  stage (module)                needs                  sets
=========  ============================  =====================  =======================
parse      ``tocsin.nlp``                text                   doc
actors     ``tocsin.actors`` (resolver)  doc                    mentions
entities   ``tocsin.nlp.entities``       doc, mentions          doc.ents (discard sentences)
events     ``tocsin.coding``             doc, mentions          events
event_ents ``tocsin.nlp.entities``       doc, events            doc.ents (event sentences)
places     ``tocsin.geo``                doc, events            event.location
dates      ``tocsin.temporal``           doc, events            event.date
=========  ============================  =====================  =======================

A component that only adds to events (``places``, ``dates``) is ``fail_soft``: if it
raises on an article, the error is logged and the article keeps its events.
"""

from __future__ import annotations

import collections
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tocsin.models import Article, Event
from tocsin.nlp import Doc
from tocsin.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Part:
    """One parsed text of an article: its title (``title=True``) or its body."""

    text: str
    title: bool
    doc: Doc | None = None
    found: Any = None  # the actors component's result (tocsin.coding.pipeline.Found)
    events: list[Event] = field(default_factory=list)


@dataclass
class Work:
    """An article on its way through the components (the mutable state between them)."""

    article: Article
    options: Any = None  # engine options of this article (tocsin.coding.pipeline.Options)
    parts: list[Part] = field(default_factory=list)
    coref: Any = None  # per-article actor memory, shared by title and body

    @classmethod
    def start(cls, article: Article, options: Any = None) -> Work:
        parts = [Part(article.title, True)] if article.title else []
        parts.append(Part(article.text or "", False))
        return cls(article, options, parts)

    @property
    def events(self) -> list[Event]:
        """The events of every part, title first."""
        return [e for part in self.parts for e in part.events]


class Component:
    """Base of the pipeline components: ``pipe`` runs ``__call__`` on each item."""

    name: ClassVar[str] = ""
    needs: ClassVar[tuple[str, ...]] = ()
    sets: ClassVar[tuple[str, ...]] = ()
    fail_soft: ClassVar[bool] = False

    def __call__(self, work: Work) -> Work:
        raise NotImplementedError

    def pipe(self, works: Iterable[Work]) -> Iterator[Work]:
        for work in works:
            yield self._soft(work) if self.fail_soft else self(work)

    def _soft(self, work: Work) -> Work:
        try:
            return self(work)
        except Exception:  # an enricher bug must not lose the article's events
            log.exception("component %s failed on article %s", self.name, work.article.id)
            return work


class Parse(Component):
    """Parse titles and bodies with the spaCy pipeline, in ``nlp.pipe`` batches."""

    name = "parse"
    needs = ("text",)
    sets = ("doc",)

    def __init__(self, settings: Settings) -> None:
        from tocsin.nlp import load_pipeline
        from tocsin.nlp.entities import parse_options

        # with ``entities`` in the pipeline, NER runs later and only on event sentences
        self.nlp = load_pipeline(settings.pipeline.spacy_model,
                                 **parse_options(settings.pipeline.components))
        self.batch_size = settings.pipeline.batch_size

    def __call__(self, work: Work) -> Work:
        return next(self.pipe([work]))

    def pipe(self, works: Iterable[Work]) -> Iterator[Work]:
        from tocsin.nlp import parse_articles

        pending: collections.deque[Work] = collections.deque()

        def articles() -> Iterator[Article]:
            for work in works:
                pending.append(work)
                yield work.article

        for parsed in parse_articles(self.nlp, articles(), batch_size=self.batch_size):
            work = pending.popleft()
            docs = ([parsed.title] if parsed.title is not None else []) + [parsed.body]
            for part, doc in zip(work.parts, docs, strict=True):
                part.doc = doc
            yield work


def _doc_coder(settings: Settings) -> Any:
    from tocsin.coding.dictionaries import load_dictionaries
    from tocsin.coding.pipeline import DocCoder

    return DocCoder(load_dictionaries(settings.pipeline.dictionaries))


class Actors(Component):
    """Find the actor mentions of each parsed text (dictionary lookup, coreference memory)."""

    name = "actors"
    needs = ("doc",)
    sets = ("mentions",)

    def __init__(self, settings: Settings) -> None:
        self.doc_coder = _doc_coder(settings)

    def __call__(self, work: Work) -> Work:
        work.coref = self.doc_coder.new_coreference()
        for part in work.parts:
            part.found = self.doc_coder.find_actors(part.doc, work.article.date)
        return work


class Events(Component):
    """Code each sentence into events: verb patterns, slots, factuality, ontology."""

    name = "events"
    needs = ("doc", "mentions")
    sets = ("events",)

    def __init__(self, settings: Settings) -> None:
        self.doc_coder = _doc_coder(settings)

    def __call__(self, work: Work) -> Work:
        for part in work.parts:
            part.events = self.doc_coder.code_found(
                part.doc, part.found, date=work.article.date, title=part.title,
                options=work.options, coref=work.coref, text=part.text)
        return work


class Entities(Component):
    """spaCy's NER where the coder reads entities (DATE/TIME tokens split discard phrases and
    stop new actors): the sentences holding a discard phrase, and every sentence of a record
    that sets ``new_actor_length``. Runs between ``actors`` and ``events``."""

    name = "entities"
    needs = ("doc", "mentions")
    sets = ("doc.ents",)

    def __init__(self, settings: Settings) -> None:
        from tocsin.nlp import load_pipeline
        from tocsin.nlp.entities import NER, parse_options

        nlp = load_pipeline(settings.pipeline.spacy_model,
                            **parse_options(settings.pipeline.components))
        self.ner = nlp.get_pipe(NER) if NER in nlp.component_names else None
        self.batch_size = settings.pipeline.batch_size
        self.resolver = _doc_coder(settings).dictionaries.actors

    def __call__(self, work: Work) -> Work:
        return next(self.pipe([work]))

    def pipe(self, works: Iterable[Work]) -> Iterator[Work]:
        return _tag_in_batches(self.ner, works, self._wanted, self.batch_size)

    def _wanted(self, work: Work) -> list[tuple[Any, list[Any]]]:
        every = bool(getattr(work.options, "new_actor_length", 0))
        return [(p.doc, self._sentences(p, every)) for p in work.parts if p.doc is not None]

    def _sentences(self, part: Part, every: bool) -> list[Any]:
        assert part.doc is not None  # the caller checks
        sents = list(part.doc.sents)
        if every:
            return sents
        if getattr(part.found, "discard", None) != "sentence":
            return []
        return [s for s in sents if self.resolver.is_discard(part.doc, s.start, s.end)]


class EventEntities(Component):
    """spaCy's NER on the sentences that carry events (their dates and places), the ones not
    tagged already (:mod:`tocsin.nlp.entities`). Runs between ``events`` and the enrichers."""

    name = "event_entities"
    needs = ("doc", "events")
    sets = ("event.entities",)  # the entities of the event sentences, for the enrichers only
    # (so ``Coder(enrich=False)`` leaves it out with them)

    def __init__(self, settings: Settings) -> None:
        from tocsin.nlp import load_pipeline
        from tocsin.nlp.entities import NER, parse_options

        nlp = load_pipeline(settings.pipeline.spacy_model,
                            **parse_options(settings.pipeline.components))
        self.ner = nlp.get_pipe(NER) if NER in nlp.component_names else None
        self.batch_size = settings.pipeline.batch_size

    def __call__(self, work: Work) -> Work:
        return next(self.pipe([work]))

    def pipe(self, works: Iterable[Work]) -> Iterator[Work]:
        return _tag_in_batches(self.ner, works, _event_parts, self.batch_size)


def _event_parts(work: Work) -> list[tuple[Any, list[Any]]]:
    from tocsin.nlp.entities import event_sentences, untagged

    return [(p.doc, untagged(event_sentences(p.doc, (e.sentence_index for e in p.events),
                                             p.title)))
            for p in work.parts if p.events and p.doc is not None]


def _tag_in_batches(ner: Any, works: Iterable[Work],
                    wanted: Callable[[Work], list[tuple[Any, list[Any]]]], batch_size: int
                    ) -> Iterator[Work]:
    """Run NER over the sentences ``wanted`` picks in ``batch_size`` articles at a time."""
    from tocsin.nlp.entities import tag_documents

    if ner is None:
        yield from works
        return
    for batch in _batches(works, batch_size):
        tag_documents(ner, [item for work in batch for item in wanted(work)], batch_size)
        yield from batch


def _batches(works: Iterable[Work], size: int) -> Iterator[list[Work]]:
    batch: list[Work] = []
    for work in works:
        batch.append(work)
        if len(batch) >= max(1, size):
            yield batch
            batch = []
    if batch:
        yield batch


class Places(Component):
    """Where each event happened, and its actors' countries (offline gazetteer)."""

    name = "places"
    needs = ("doc", "events")
    sets = ("event.location", "event.source_location", "event.target_location")
    fail_soft = True

    def __init__(self, settings: Settings) -> None:
        from tocsin.geo import Geocoder

        self.geocoder = Geocoder.load()

    def __call__(self, work: Work) -> Work:
        for part in work.parts:
            if part.events:
                part.events = self.geocoder.enrich(part.doc, part.events, work.article)
        return work


class Dates(Component):
    """When each event happened: its time expression resolved against the article date."""

    name = "dates"
    needs = ("doc", "events")
    sets = ("event.date",)
    fail_soft = True

    def __init__(self, settings: Settings) -> None:
        from tocsin.temporal import enrich_dates

        self.enrich = enrich_dates

    def __call__(self, work: Work) -> Work:
        for part in work.parts:
            if part.events:
                part.events = self.enrich(part.doc, part.events, work.article)
        return work
