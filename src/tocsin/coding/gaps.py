"""What the dictionaries miss, over a corpus: the report behind ``tocsin gaps``.

(a) **Predicates**: in sentences that give no event, a verb whose subject resolves to an
actor and whose object (or a noun phrase after it) resolves to another is a predicate the
verb dictionary does not code in that construction. Counted by lemma (a light verb with
its object noun counts as "launch + strike"), with two example sentences and the verb
patterns that came closest (the verb's own patterns sharing most words with the
sentence, or "no verb entry").

(b) **Names**: capitalised noun phrases in subject or object position that resolve to no
actor, counted with two examples and the entity label spaCy gave them (a PERSON or ORG
there is a candidate actor entry; a GPE is often a place the gazetteer has).

Both lists are what a maintainer adds to a dictionary folder (see the README).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from tocsin.coding.context import DocContext
from tocsin.coding.dictionaries import Dictionaries
from tocsin.coding.docview import DocView
from tocsin.coding.engine import code_sentence
from tocsin.coding.nominal import LIGHT_VERBS
from tocsin.coding.npactors import actor_of_single, first_actors
from tocsin.coding.pipeline import young_collections
from tocsin.coding.slots import subject_actors
from tocsin.coding.syntax import subtree_tokens
from tocsin.coding.verbmatch import PREPOSITIONAL_PARTICIPLES, regions
from tocsin.coding.verbs import Pattern
from tocsin.models import Actor, Article

log = logging.getLogger(__name__)

NO_PREDICATE = frozenset({"BE", "HAVE", "DO", "BECOME", "REMAIN", "SEEM"})  # copulas, auxiliaries
OBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative"})
MAX_EXAMPLES = 2
# names spaCy calls places, events or works are not actors the dictionaries lack
_NOT_ACTORS = frozenset(
    {
        "LOC",
        "FAC",
        "EVENT",
        "WORK_OF_ART",
        "PRODUCT",
        "LAW",
        "LANGUAGE",
        "DATE",
        "TIME",
        "MONEY",
        "QUANTITY",
        "PERCENT",
        "CARDINAL",
        "ORDINAL",
    }
)


@dataclass
class Gap:
    """One predicate or name with its count and examples."""

    key: str
    count: int = 0
    examples: list[str] = field(default_factory=list)
    detail: list[str] = field(default_factory=list)  # closest patterns, or entity labels

    def add(self, sentence: str, detail: str | None = None) -> None:
        self.count += 1
        if len(self.examples) < MAX_EXAMPLES and sentence not in self.examples:
            self.examples.append(sentence)
        if detail and detail not in self.detail and len(self.detail) < 3:
            self.detail.append(detail)


@dataclass
class GapReport:
    """The two lists of ``tocsin gaps`` and what was read."""

    articles: int = 0
    sentences: int = 0
    uncoded: int = 0  # sentences with two actors and no event
    discarded: int = 0  # articles a story-level discard phrase rules out (not read further)
    predicates: dict[str, Gap] = field(default_factory=dict)
    names: dict[str, Gap] = field(default_factory=dict)

    def top(self, table: str, n: int) -> list[Gap]:
        gaps = self.predicates if table == "predicates" else self.names
        return sorted(gaps.values(), key=lambda g: (-g.count, g.key))[:n]

    def to_dict(self, n: int) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "sentences": self.sentences,
            "uncoded": self.uncoded,
            "discarded": self.discarded,
            "predicates": [dataclasses.asdict(g) for g in self.top("predicates", n)],
            "names": [dataclasses.asdict(g) for g in self.top("names", n)],
        }


def find_gaps(
    docs: Iterable[tuple[Article, Any]],
    dictionaries: Dictionaries,
    progress: Callable[[int], None] | None = None,
    ner: Any = None,
    batch_size: int = 64,
) -> GapReport:
    """The gap report over parsed ``(article, doc)`` pairs.

    ``ner``: spaCy's NER component, when the documents were parsed without it (as the
    coder parses, :mod:`tocsin.nlp.entities`): it then runs only on the sentences that hold
    an unresolved name, ``batch_size`` articles at a time, for the names' entity labels.
    """
    report = GapReport()
    batch: list[tuple[Article, Any]] = []
    for item in docs:
        batch.append(item)
        if len(batch) >= max(1, batch_size):
            _batch_gaps(batch, dictionaries, report, progress, ner)
            batch = []
    if batch:
        _batch_gaps(batch, dictionaries, report, progress, ner)
    return report


@dataclass(frozen=True)
class _Name:
    """An unresolved name found before its entity label is known."""

    doc: Any
    sent: Any  # the sentence span (NER runs on it when the document has no entities)
    head: int
    name: str
    text: str


def _batch_gaps(
    batch: list[tuple[Article, Any]],
    dictionaries: Dictionaries,
    report: GapReport,
    progress: Callable[[int], None] | None,
    ner: Any,
) -> None:
    names: list[_Name] = []
    for article, doc in batch:
        report.articles += 1
        if progress is not None:
            progress(report.articles)
        with young_collections():  # as the coder codes a document
            names += _doc_gaps(article, doc, dictionaries, report)
    if ner is not None:
        _label(ner, names)
    for found in names:
        label = found.doc[found.head].ent_type_ or "-"
        if label not in _NOT_ACTORS:  # DATE and TIME among them: a time is no actor
            report.names.setdefault(found.name, Gap(found.name)).add(found.text, label)


def _doc_gaps(
    article: Article, doc: Any, dictionaries: Dictionaries, report: GapReport
) -> list[_Name]:
    resolver = dictionaries.actors
    if resolver.discard_kind(doc) == "story":
        report.discarded += 1
        return []
    ctx = DocContext(
        view=DocView.build(doc),
        dictionaries=dictionaries,
        date=article.date,
        mentions=resolver.find(doc, article.date),
    )
    names: list[_Name] = []
    for index, sent in enumerate(doc.sents):
        report.sentences += 1
        names += _sentence_gaps(ctx, report, sent, index)
    return names


def _label(ner: Any, names: list[_Name]) -> None:
    """Run ``ner`` on the sentences of ``names`` that no NER pass has labelled yet."""
    from tocsin.nlp.entities import tag_documents, untagged

    sentences: dict[int, tuple[Any, dict[int, Any]]] = {}
    for found in names:
        sentences.setdefault(id(found.doc), (found.doc, {}))[1][found.sent.start] = found.sent
    items = [(doc, untagged(list(sents.values()))) for doc, sents in sentences.values()]
    tag_documents(ner, [(doc, sents) for doc, sents in items if sents])


def _sentence_gaps(ctx: DocContext, report: GapReport, sent: Any, index: int) -> list[_Name]:
    """Count the sentence's predicates; its unresolved names, to be labelled."""
    view, start, end = ctx.view, sent.start, sent.end
    text = view.text[view.idx[start] : view.char_span(start, end)[1]].strip()
    names = [_Name(view.doc, sent, h, name, text) for h, name in _name_gaps(ctx, start, end, index)]
    if code_sentence(ctx, start, end, index):
        return names
    found = False
    for v in range(start, end):
        if (
            not view.tag[v].startswith("VB")
            or view.dep[v] in ("aux", "auxpass", "amod")
            or view.lem[v] in NO_PREDICATE
            or view.up[v] in PREPOSITIONAL_PARTICIPLES  # "according to", "following"
            or view.dep[v] in ("prep", "case", "mark")
        ):
            continue
        pair = _linked_actors(ctx, v, (start, end, index))
        if pair is None:
            continue
        key, closest = _predicate(ctx, v)
        report.predicates.setdefault(key, Gap(key)).add(text, closest)
        found = True
    report.uncoded += found
    return names


def _real(actors: list[Actor]) -> list[Actor]:
    return [a for a in actors if a.code and not a.code.startswith("---")]


def _linked_actors(
    ctx: DocContext, v: int, sent: tuple[int, int, int]
) -> tuple[Actor, Actor] | None:
    """(subject actor, another actor after the verb) of verb ``v``, or None."""
    start, end, index = sent
    sources = _real(subject_actors(ctx, v, index))
    if not sources:
        return None
    _, post = regions(ctx, v, start, end, frozenset())  # the verb's own words after it
    inner = subtree_tokens(ctx.view, ctx.view.kids(v, "ccomp", "xcomp"))  # another clause's
    tokens = [t for t in post if t not in inner]
    roots = {a.root for a in sources}
    targets = [a for a in _real(first_actors(ctx, tokens, index, v)) if a.root not in roots]
    return (sources[0], targets[0]) if targets else None


def _predicate(ctx: DocContext, v: int) -> tuple[str, str]:
    """The predicate's key ("sign", "launch + strike") and the closest verb pattern."""
    view = ctx.view
    lemma = view.lem[v].lower()
    key = lemma
    if view.lem[v] in LIGHT_VERBS:
        objs = view.kids(v, "dobj")
        if objs:
            key = f"{lemma} + {view.lem[objs[0]].lower()}"
    return key, _closest_pattern(ctx, v)


def _closest_pattern(ctx: DocContext, v: int) -> str:
    view = ctx.view
    index = ctx.dictionaries.form_index
    forms = index.get(view.up[v]) or index.get(view.lem[v])
    if not forms:
        return "no verb entry"
    lo, hi = view.subtree_span(v)
    words: set[str] = set()
    for i in range(lo, hi):
        words |= view.keys[i]
    best: tuple[int, Pattern] | None = None
    for block_id in dict.fromkeys(f.block for f in forms):
        for pattern in ctx.dictionaries.verbs.blocks[block_id].patterns:
            shared = len(_pattern_words(pattern) & words)
            if shared and (best is None or shared > best[0]):
                best = (shared, pattern)
    if best is None:
        form = forms[0]
        return f"{form.source} {form.word} [{form.code or '---'}] (no pattern shares a word)"
    p = best[1]
    return f"{p.source} {p.text} [{p.code or ''}{':' + p.code2 if p.code2 else ''}]"


def _pattern_words(pattern: Pattern) -> set[str]:
    return {w for e in pattern.pre + pattern.post for alt in e.alts for w in alt}


def _name_gaps(ctx: DocContext, start: int, end: int, index: int) -> list[tuple[int, str]]:
    """(head, name) of the capitalised subject/object names that resolve to no actor."""
    view = ctx.view
    out = []
    for h in range(start, end):
        if view.dep[h] not in OBJECT_DEPS or view.tag[h] not in ("NNP", "NNPS") or view.temporal[h]:
            continue
        if h in ctx.mention_at or _inside_name(view, h):
            continue
        if actor_of_single(ctx, h, index) is not None:
            continue
        name = _name(view, h)
        if name is not None:
            out.append((h, name))
    return out


def _inside_name(view: DocView, h: int) -> bool:
    """ "Justice" in "Department of Justice": part of the name headed by "Department"."""
    prep = view.head[h]
    return (
        view.dep[h] == "pobj"
        and view.up[prep] == "OF"
        and view.tag[view.head[prep]] in ("NNP", "NNPS")
    )


def _name(view: DocView, h: int) -> str | None:
    """The capitalised name headed at ``h`` ("Comandos de la Frontera" stays whole)."""
    lo = h
    while (
        lo > 0
        and view.head[lo - 1] == h
        and view.dep[lo - 1] in ("compound", "flat")
        and view.tag[lo - 1] in ("NNP", "NNPS")
    ):
        lo -= 1
    hi = h + 1
    of = [c for c in view.children[h] if c > h and view.dep[c] == "prep" and view.up[c] == "OF"]
    if of and hi == of[0] and view.tag[of[0] + 1 : of[0] + 2] == ["NNP"]:  # "Bank of England"
        hi = view.subtree_span(of[0])[1]
    words = [view.text[view.idx[i] : view.idx[i] + view.length[i]] for i in range(lo, hi)]
    if not words[-1][:1].isupper() or len(" ".join(words)) < 3:
        return None
    return " ".join(words)
