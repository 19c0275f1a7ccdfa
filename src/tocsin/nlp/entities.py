"""Named entities only where they are read: the sentences that carry events.

spaCy's ``ner`` is the costliest component of the English pipelines (about half of the
parse of ``en_core_web_sm``), yet only the enrichers read entities — the dates of an
event's sentence (``tocsin.temporal``), the places in and around it (``tocsin.geo``) —
and the actor dictionaries and verb patterns never do. In news about 5–10% of the
sentences carry an event. So when the ``entities`` and ``event_entities`` components are
in the pipeline (``tocsin.components``), ``parse`` runs every spaCy component but ``ner``
(tagger, parser, attribute ruler and lemmatizer, which the coder reads); ``entities`` runs
``ner`` before the coder on the few sentences where the coder itself reads entities (a
DATE inside a discard phrase, "in 1973", keeps the sentence: about 5% of them), and
``event_entities`` after it on the sentences with events: each as its own small document
(the model's NER has its own embedding layer, so it needs nothing from the shared one),
its entities written back into the article's document at the same tokens. Elsewhere
tokens keep no entity label, and the gazetteer finds places by its own name patterns
(capitalised names, demonyms, qualified names), as it does for names the NER misses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

NER = "ner"
COMPONENTS = ("entities", "event_entities")  # tocsin components that run NER themselves


def skipped_components(components: Sequence[str]) -> tuple[str, ...]:
    """spaCy components that ``parse`` loads but does not run, for this pipeline."""
    return (NER,) if any(c in components for c in COMPONENTS) else ()


def parse_options(components: Sequence[str]) -> dict[str, Any]:
    """``load_pipeline`` options for a tocsin pipeline: with the entity components, NER
    skipped and the attribute ruler applied by lookup (:mod:`tocsin.nlp.attributes`)."""
    skip = skipped_components(components)
    return {"skip": skip, "fast": bool(skip)}


def untagged(sentences: Sequence[Any]) -> list[Any]:
    """The sentences whose tokens no NER pass has labelled yet (inside or outside)."""
    return [s for s in sentences if not any(t.ent_iob != 0 for t in s)]


def event_sentences(doc: Any, sentence_indexes: Iterable[int | None], title: bool) -> list[Any]:
    """The sentence spans of a document's events (a title is one sentence, index -1)."""
    sents = list(doc.sents)
    if title:
        return sents
    wanted = {i for i in sentence_indexes if i is not None}
    return [s for i, s in enumerate(sents) if i in wanted]


def tag_sentences(ner: Any, doc: Any, sentences: Sequence[Any], batch_size: int = 64) -> int:
    """Run ``ner`` on each sentence as its own document and set the entities it finds on
    ``doc`` (the tokens of other sentences are left unlabelled); the number set."""
    return tag_documents(ner, [(doc, sentences)], batch_size)


def tag_documents(
    ner: Any, items: Sequence[tuple[Any, Sequence[Any]]], batch_size: int = 64
) -> int:
    """:func:`tag_sentences` for several documents at once (one ``ner.pipe`` over all
    their sentences, so that the model sees full batches)."""
    from spacy.tokens import Span

    todo = [(doc, sent) for doc, sents in items for sent in sents]
    if not todo:
        return 0
    found: dict[int, tuple[Any, list[Any], list[Any]]] = {}
    subs = ner.pipe((sent.as_doc() for _doc, sent in todo), batch_size=batch_size)
    for (doc, sent), sub in zip(todo, subs, strict=True):
        _doc, sents, ents = found.setdefault(id(doc), (doc, [], []))
        sents.append(sent)
        ents += [
            Span(doc, sent.start + e.start, sent.start + e.end, label=e.label_) for e in sub.ents
        ]
    for doc, sents, ents in found.values():
        doc.set_ents([], outside=sents, default="unmodified")
        doc.set_ents(ents, default="unmodified")
    return sum(len(ents) for _d, _s, ents in found.values())
