"""Headline present tense: a verb the small parser took for a noun.

News summaries are written like headlines, in the present tense with few function words:
"Mali severs ties with Ukraine", "Kenyan police fire tear gas at protesters". The small
English model often tags the verb as a plural or mass noun inside one long noun phrase, so
the sentence has no finite verb and the engine finds nothing to code. When a sentence has
no finite verb and a noun-tagged word that the verb dictionaries know comes directly after
a resolved actor mention and before an object or a preposition, this module re-reads the
sentence as "subject verb object": the word becomes the root verb, the words before it its
subject phrase, the words after it its object and prepositional phrases.

The repairs of a sentence that has its verb (coordinated verbs, comma lists, infinitive
subjects) are in :mod:`tocsin.coding.coordination`; this module calls them. The change is
made to the document's :class:`~tocsin.coding.docview.DocView` arrays for
that sentence only: the spaCy ``Doc`` is left as the parser made it (the actor resolver
reads the Doc, so "Kenyan" and "police" stay two mentions there). Hand-written because
no maintained library re-tags a parse from a verb lexicon; spaCy's own rules (attribute
ruler) cannot re-attach dependencies.
"""

from __future__ import annotations

import logging

from tocsin.coding.context import DocContext
from tocsin.coding.coordination import (
    FINITE_TAGS,
    adjective_root_verb,
    comma_listed_root,
    infinitive_subjects,
    known_form,
    recover_conjoined_verbs,
    root_of,
)
from tocsin.coding.docview import DocView, token_keys
from tocsin.coding.syntax import PASS_SUBJ, SUBJ

log = logging.getLogger(__name__)

# what may follow a verb: its object's first word or a preposition / particle
OBJECT_START_TAGS = frozenset(
    {"DT", "NN", "NNS", "NNP", "NNPS", "JJ", "CD", "PRP", "PRP$", "IN", "TO", "RP", "PDT"}
)
# a verb form the parser left inside a noun phrase: a noun tag, or a finite tag
NOUN_ROOT_VERB_TAGS = frozenset({"NN", "NNS", "VBZ", "VBP"})
SUBJECT_END_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "-RRB-"})  # "court", "(ICC)"
NOUN_ROOT_OBJECT_TAGS = OBJECT_START_TAGS | {"WDT"}  # "rules that ...", tagged WDT
NOMINAL_DEPS = {"NN": "dobj", "NNS": "dobj", "NNP": "dobj", "NNPS": "dobj", "PRP": "dobj"}


def recover_headline_verb(ctx: DocContext, start: int, end: int) -> int | None:
    """Re-read sentence [start, end) as "subject verb object" (in place) when the parser
    missed its verb or the verb's subject; returns the verb, or None when the sentence is
    left as it was."""
    view = ctx.view
    if end - start < 3:
        return None
    found = (
        _subjectless_root(ctx, start, end)
        or _noun_root_verb(ctx, start, end)
        or _verb_before_status_participle(ctx, start, end)
    )
    if found is None and FINITE_TAGS.isdisjoint(view.tag[start:end]):
        found = _headline_verb(ctx, start, end)
    if found is not None:
        v, lo = found
        participle = root_of(view, start) if view.up[v + 1] in STATUS_PARTICIPLES else None
        other = None if participle is None else _other_subject(view, participle, v)
        _reattach(ctx, lo, end, v)
        if participle == v + 1:
            _attributive(view, participle, v, end)
            if other is not None:
                _take_subject(view, lo, v, other)
        log.debug("headline verb: %r read as the root verb", view.up[v])
    repaired = adjective_root_verb(ctx, start) | recover_conjoined_verbs(ctx, start, end)
    repaired |= infinitive_subjects(view, start, end)
    if found is not None or repaired:
        _rebuild(view, start, end)
    if comma_listed_root(ctx, start):  # (reads the children lists: after the rebuild)
        _rebuild(view, start, end)
        repaired = True
    if found is not None or repaired:
        _share_with_resolver(view, start, end)
    return None if found is None else found[0]


def _share_with_resolver(view: DocView, start: int, end: int) -> None:
    """The actor resolver reads the same re-read parse: its noun phrases are subtrees, so
    "Panama's supreme court nullifies ..." keeps "Panama's" in the subject phrase and "The
    Israeli military claims ..." its "Israeli" (the parser had hung them on the noun read as
    the root). Mentions were found before, on the parser's own tree, and stay as they are."""
    info = view.info
    if info is None or info.doc is not view.doc:
        return
    for i in range(start, end):
        info.set_parse(i, view.head[i], view.dep[i], view.subtree_span(i))


def _subjectless_root(ctx: DocContext, start: int, end: int) -> tuple[int, int] | None:
    """ "Indian police arrest opposition leaders": the root is a known verb without a
    subject, and the actor mention right before it hangs on it as a modifier."""
    view = ctx.view
    root = root_of(view, start)
    if root == start or root + 1 >= end or not known_form(ctx, root):
        return None
    if any(view.dep[c] in SUBJ + PASS_SUBJ for c in view.children[root]):
        return None
    mention = ctx.mention_at.get(root - 1)
    if mention is None or mention.end != root or root in ctx.mention_at:
        return None
    if view.tag[root + 1] not in OBJECT_START_TAGS:
        return None
    lo = mention.start
    while lo > start and view.tag[lo - 1] in ("DT", "JJ", "PRP$", "POS", "CD"):
        lo -= 1  # "the", "two", "Kenya's"
    inside = range(lo, root)
    if not all(view.head[i] == root or view.head[i] in inside for i in inside):
        return None
    return root, lo


def _noun_root_verb(ctx: DocContext, start: int, end: int) -> tuple[int, int] | None:
    """ "Panama's supreme court nullifies the concession", "The Court of Trade rules that
    ...": the parser rooted the sentence in a noun, so it found no main verb at all. The
    first known verb form (tagged as a noun, or a finite verb the parser hung on a noun)
    that follows a noun of a phrase holding an actor mention and comes before an object
    is the verb, if it is the root or before it. Only sentences rooted in a noun are
    looked at (one head climb for the others)."""
    view = ctx.view
    root = root_of(view, start)
    if not view.tag[root].startswith("NN"):
        return None
    first = next((i for i in range(start, root) if i in ctx.mention_at), None)
    if first is None:
        return None
    for i in range(first + 1, min(root + 1, end - 1)):  # not after the root noun: "Thousands
        # protest in X against government plans to ...", the root is read as a verb already
        if (
            view.tag[i] in NOUN_ROOT_VERB_TAGS
            and (view.tag[i - 1] in SUBJECT_END_TAGS or i - 1 in ctx.mention_at)
            and view.tag[i + 1] in NOUN_ROOT_OBJECT_TAGS
            and i not in ctx.mention_at
            and known_form(ctx, i)
        ):
            return i, start
    return None


# participles that stand before a title as an adjective ("sentences deposed president X",
# "frees detained tourist Y"), which the small parser reads as the root verb
STATUS_PARTICIPLES = frozenset(
    "ABDUCTED ACCUSED ARRESTED CONVICTED DEPOSED DETAINED EXILED IMPRISONED INDICTED JAILED "
    "KIDNAPPED OUSTED SANCTIONED WANTED".split()
)


def _verb_before_status_participle(
    ctx: DocContext, start: int, end: int
) -> tuple[int, int] | None:
    """ "The court in Damascus sentences deposed president Bashar al-Assad to death", "Iran
    frees detained tourist X": a known -s verb form read as a noun right before a status
    participle (:data:`STATUS_PARTICIPLES`) the parser made the root, followed by a title
    or name, after an actor mention: the -s form is the verb."""
    view = ctx.view
    root = root_of(view, start)
    v = root - 1
    if v <= start or root + 1 >= end or view.up[root] not in STATUS_PARTICIPLES:
        return None
    if view.tag[v] != "NNS" or v in ctx.mention_at or not known_form(ctx, v):
        return None
    if view.tag[root + 1] not in ("JJ", "NN", "NNP") or not any(
        i in ctx.mention_at for i in range(start, v)
    ):
        return None
    return v, start


def _other_subject(view: DocView, participle: int, v: int) -> int | None:
    """The participle root's subject before the verb ("The Criminal Court in Damascus
    sentences deposed ...": the court, not the place next to the verb)."""
    return next(
        (c for c in view.children[participle] if view.dep[c] == "nsubj" and c < v), None
    )


def _take_subject(view: DocView, lo: int, v: int, subject: int) -> None:
    """``subject`` becomes the subject of ``v``; the word that was its subject, the object
    of an open preposition before it (or a modifier of the new subject)."""
    old = next((i for i in range(lo, v) if view.head[i] == v and view.dep[i] == "nsubj"), None)
    view.head[subject], view.dep[subject] = v, "nsubj"
    if old is None or old == subject:
        return
    prep = next((p for p in range(old - 1, lo - 1, -1) if view.dep[p] == "prep"
                 and not any(view.head[j] == p and view.dep[j] == "pobj" for j in range(lo, v))),
                None)
    view.head[old], view.dep[old] = (prep, "pobj") if prep is not None else (subject, "compound")


def _attributive(view: DocView, participle: int, v: int, end: int) -> None:
    """The re-read status participle modifies the noun phrase after it; its dependents
    become the verb's ("to death": the sentence's, not the participle's)."""
    for i in range(participle + 1, end):
        if view.head[i] == participle:
            view.head[i], view.dep[i] = v, _dependent_label(view, i)
    noun = next((i for i in range(participle + 1, end) if view.head[i] == v
                 and view.tag[i].startswith(("NN", "PRP"))), None)
    if noun is not None:
        view.head[participle], view.dep[participle] = noun, "amod"
        view.tag[participle] = "VBN"


def _headline_verb(ctx: DocContext, start: int, end: int) -> tuple[int, int] | None:
    """The first noun-tagged known verb right after an actor mention, before an object (or
    an adjective-tagged one before a noun: "militants from the Islamic State open fire")."""
    view, index = ctx.view, ctx.dictionaries.form_index
    for i in range(start, end - 1):
        tag = view.tag[i]
        if tag not in ("NN", "NNS", "JJ") or view.up[i] not in index or i in ctx.mention_at:
            continue  # "Security forces in X arrest Y": "forces" is the actor's word
        if tag == "JJ" and view.tag[i + 1] not in ("NN", "NNS"):
            continue
        if view.head[i] == i:
            return None  # "Thousands protest in ...": the root noun is read as a verb already
        before = ctx.mention_at.get(i - 1)
        if before is None or before.end != i:
            continue
        if view.tag[i + 1] in OBJECT_START_TAGS:
            return i, start
    return None


def _reattach(ctx: DocContext, lo: int, end: int, v: int) -> None:
    """Words [lo, v) become the subject phrase of ``v``, the words after it its objects."""
    view = ctx.view
    old_root = root_of(view, lo)
    subject = _subject_head(ctx, lo, v, old_root)
    for i in range(lo, v):
        if i != subject and not lo <= view.head[i] < v:
            _attach_in_subject(view, lo, v, i, subject)
    for i in range(v + 1, end):
        if view.head[i] != v and (not v < view.head[i] < end or view.head[i] == i):
            view.head[i] = v
            view.dep[i] = _dependent_label(view, i)
    view.head[v], view.dep[v] = v, "ROOT"
    if not view.tag[v].startswith("VB"):
        view.tag[v] = "VBZ" if view.tag[v] == "NNS" else "VBP"
        view.keys[v] = token_keys(view.up[v], view.lem[v])
    if subject is not None:
        view.head[subject], view.dep[subject] = v, "nsubj"


def _subject_head(ctx: DocContext, lo: int, v: int, old_root: int) -> int | None:
    """The head of the words before the verb: the parser's subject of it, or its root if it
    is among them, else the head of the actor mention (or noun phrase) next to the verb."""
    own = next((c for c in ctx.view.children[v] if ctx.view.dep[c] in SUBJ and lo <= c < v), None)
    if own is not None:
        return own  # "Justice X of the High Court sentences ...": the parser's subject
    if lo <= old_root < v:
        return old_root
    mention = ctx.mention_at.get(v - 1)
    if mention is None:  # "the Court of International Trade rules": the phrase's head
        return _phrase_head(ctx.view, lo, v, v - 1)
    # (climbing from the mention too, "the army of Gondor attacks" -> "army", cost a
    # check-set event: the mention's own head is kept)
    head = mention.head if mention.start <= mention.head < mention.end else mention.end - 1
    return head if lo <= head < v else None


def _phrase_head(view: DocView, lo: int, v: int, i: int) -> int:
    """The word of [lo, v) that word ``i`` hangs on (climbing inside the range)."""
    for _ in range(v - lo):
        if not lo <= view.head[i] < v or view.head[i] == i:
            break
        i = view.head[i]
    return i


def _attach_in_subject(view: DocView, start: int, v: int, i: int, subject: int | None) -> None:
    """A word of the subject phrase whose head was outside it: the object of an open
    preposition before it ("a prosecutor at the court"), else a modifier of the subject."""
    prep = next(
        (
            p
            for p in range(i - 1, start - 1, -1)
            if view.dep[p] == "prep" and not any(view.dep[c] == "pobj" for c in view.children[p])
        ),
        None,
    )
    if prep is not None and view.tag[i].startswith(("NN", "PRP", "CD")):
        view.head[i], view.dep[i] = prep, "pobj"
        view.children[prep].append(i)  # seen by the next word's search
    elif subject is not None:
        view.head[i] = subject
        if view.dep[i] in ("ROOT", "nsubj", "dobj", "pobj"):
            view.dep[i] = "compound"


def _dependent_label(view: DocView, i: int) -> str:
    tag = view.tag[i]
    if tag in NOMINAL_DEPS:
        return NOMINAL_DEPS[tag]
    if tag in ("IN", "TO"):
        return "prep"
    if tag.startswith("VB"):
        return "advcl"
    return "punct" if not tag[:1].isalnum() else view.dep[i]


def _rebuild(view: DocView, start: int, end: int) -> None:
    """Children lists and subtree spans of the sentence from its new heads."""
    for i in range(start, end):
        view.children[i] = []
    for i in range(start, end):
        if view.head[i] != i:
            view.children[view.head[i]].append(i)
    spans: dict[int, tuple[int, int]] = {}
    for i in range(start, end):
        view.set_span(i, _span(view, spans, i))


def _span(view: DocView, spans: dict[int, tuple[int, int]], i: int) -> tuple[int, int]:
    """Token ``i``'s subtree span from its children, memoised in ``spans``. A module-level
    function, not a closure: a recursive closure is a reference cycle that kept each
    rebuilt DocView alive until the garbage collector ran (10x more cyclic garbage)."""
    if i not in spans:
        lo, hi = i, i + 1
        for c in view.children[i]:
            clo, chi = _span(view, spans, c)
            lo, hi = min(lo, clo), max(hi, chi)
        spans[i] = (lo, hi)
    return spans[i]
