"""Coordinated verbs and other parse repairs of a sentence that has its main verb.

The small English parser conjoins the second of two verb phrases with the nearest noun and
tags it as a noun ("Norway expels a diplomat and summons/NNS the ambassador"), reads the
first verb of a comma list as the complement of the second ("X recalls its ambassador,
expels a diplomat, and summons ..."), gives a to-infinitive a subject ("deploys the police
to secure": police/nsubj of secure), and tags "open" in "open fire" as an adjective. These
functions re-read such words in a sentence's DocView arrays (the caller,
:func:`tocsin.coding.headline.recover_headline_verb`, rebuilds the children lists and shares
the parse with the actor resolver). Hand-written for the reason given in
:mod:`tocsin.coding.headline`: no maintained library repairs a parse from a verb lexicon.
"""

from __future__ import annotations

from itertools import compress

from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView, token_keys
from tocsin.coding.syntax import PASS_SUBJ, SUBJ

FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})


def root_of(view: DocView, i: int) -> int:
    """The root of the tree token ``i`` is in (climbing heads, not scanning tokens)."""
    for _ in range(len(view.head)):
        if view.head[i] == i:
            break
        i = view.head[i]
    return i


def known_form(ctx: DocContext, i: int) -> bool:
    index = ctx.dictionaries.form_index
    return ctx.view.up[i] in index or ctx.view.lem[i] in index


def adjective_root_verb(ctx: DocContext, start: int) -> bool:
    """ "Rebels open fire on a convoy": a root tagged as an adjective that has a direct
    object and is a known verb form is a verb (its tag and dictionary keys change)."""
    view = ctx.view
    root = root_of(view, start)
    if view.tag[root] != "JJ" or not view.kids(root, "dobj") or not known_form(ctx, root):
        return False
    view.tag[root] = "VBP"
    view.keys[root] = token_keys(view.up[root], view.lem[root])
    return True


def infinitive_subjects(view: DocView, start: int, end: int) -> bool:
    """ "Kenya deploys the police to secure its border": the small parser makes "the police"
    the subject of "to secure", a complement of "deploys". A to-infinitive has no subject of
    its own unless "for" introduces it ("for the police to secure"), so the phrase is the
    object of the verb above (which has none) and the infinitive that verb's open
    complement: its subject is then the object (object control, syntax.subject_head)."""
    found = False
    ups = view.up[start:end]
    for i in compress(range(start, end), map("TO".__eq__, ups)):
        verb = view.head[i]
        if view.dep[i] != "aux" or view.dep[verb] not in ("ccomp", "advcl") or verb == i:
            continue
        main = view.head[verb]
        subjects = [c for c in view.children[verb] if view.dep[c] == "nsubj" and c < i]
        if not subjects or not view.tag[main].startswith("VB") or view.kids(main, "dobj"):
            continue
        subject = subjects[0]
        if view.up[subject - 1] == "FOR" or any(view.up[c] == "FOR" for c in view.children[verb]):
            continue  # "calls for the police to secure ..."
        view.head[subject], view.dep[subject] = main, "dobj"
        view.dep[verb] = "xcomp"
        found = True
    return found


def comma_listed_root(ctx: DocContext, start: int) -> bool:
    """ "Chile recalls its ambassador, expels a diplomat, and summons the envoy": the small
    parser reads the first verb phrase of a list of three as the complement of the second
    ("X did A, declares Y"), so the second and third verbs have no subject. When the root
    has no subject, comes right after a comma, has a verb conjoined after it and a finite
    complement of the same tense before it with a subject of its own, that complement
    becomes the root and the old root its conjunct (an attribution, "the army retakes the
    town, says the ministry", has no third verb and keeps its parse)."""
    view = ctx.view
    root = root_of(view, start)
    tag = view.tag[root]
    if tag not in FINITE_TAGS or root == start or view.tag[root - 1] != ",":
        return False
    kids = view.children[root]
    if any(view.dep[c] in SUBJ + PASS_SUBJ for c in kids):
        return False
    if not any(view.dep[c] == "conj" and c > root and view.tag[c] == tag for c in kids):
        return False
    first = next((c for c in kids if view.dep[c] == "ccomp" and c < root), None)
    if first is None or view.tag[first] != tag or not view.kids(first, "nsubj"):
        return False
    view.head[first], view.dep[first] = first, "ROOT"
    for c in kids:
        if c < first:  # "On Monday, ...": the words before the list hang on its first verb
            view.head[c] = first
    view.head[root], view.dep[root] = first, "conj"
    return True


def recover_conjoined_verbs(ctx: DocContext, start: int, end: int) -> bool:
    """ "Norway expels a diplomat and summons the ambassador", "Poland scrambles jets and
    places air defences on alert", "gunmen fire a grenade and open fire": the second verb
    of two conjoined verb phrases, tagged as a noun (or adjective) and conjoined with the
    first verb's object, becomes a verb conjoined with the first verb, the phrase after it
    its object. Only a known verb form right after "and" that agrees with the first verb
    (an -s noun with an -s verb, a bare form with a bare verb) and comes before an object
    start is re-read (not "condemns the killings and attacks on civilians"). Returns
    whether any word was re-read (the caller rebuilds the sentence's children lists)."""
    view = ctx.view
    deps = view.dep[start:end]
    found = False
    for i in compress(range(start, end), map(_CONJ_LIKE.__contains__, deps)):
        v0 = _first_conjunct_verb(ctx, i, end)
        if v0 is not None:
            _reread_conjoined(view, i, v0)
            found = True
    return found


_CONJ_LIKE = frozenset({"conj", "compound"})
_CONJ_NEXT_TAGS = frozenset({"DT", "PRP$", "PRP", "JJ", "CD", "NNP", "NNPS", "PDT"})
# from the first conjunct noun up to the verb it is the object of ("declares a diplomat
# persona non grata and summons ...", "condemns the attack on its embassy and summons ...")
_OBJECT_PATH = frozenset({"dobj", "pobj", "prep", "ccomp", "oprd", "npadvmod", "compound"})
# a noun-tagged form of a verb and the first verb's tags it agrees with
_AGREES = {"NNS": ("VBZ",), "NN": ("VBP",), "JJ": ("VBP",)}


def _first_conjunct_verb(ctx: DocContext, i: int, end: int) -> int | None:
    """The first verb of :func:`recover_conjoined_verbs` when word ``i`` is a second verb
    read as a noun, else None."""
    view = ctx.view
    agrees = _AGREES.get(view.tag[i])
    if agrees is None or i + 1 >= end or i == 0 or view.up[i - 1] not in ("AND", "OR"):
        return None
    if i in ctx.mention_at or any(c < i for c in view.children[i]) or not known_form(ctx, i):
        return None
    head = view.head[i]
    if view.dep[i] == "compound":  # "and recovers M60 machine guns": the head is the object
        if view.dep[head] != "conj" or view.tag[i + 1] not in ("NNP", "NNPS", "CD"):
            return None
        first = view.head[head]
    else:
        has_object = bool(view.kids(i, "dobj"))
        if not has_object and view.tag[i + 1] not in _CONJ_NEXT_TAGS:
            return None
        first = head
    for _ in range(4):  # up from the first conjunct (the verb itself, or its object's words)
        if view.tag[first] in agrees:  # "suspends talks with X and summons/NNS the envoy"
            return first
        if view.dep[first] not in _OBJECT_PATH or view.head[first] == first:
            return None  # a participle, a subject, ...: not the object of a verb
        first = view.head[first]
    return None


def _reread_conjoined(view: DocView, i: int, v0: int) -> None:
    """Word ``i`` becomes a verb conjoined with ``v0``; the phrase after it, its object."""
    obj = view.head[i] if view.dep[i] == "compound" else _phrase_after(view, i)
    view.head[i], view.dep[i] = v0, "conj"
    view.tag[i] = view.tag[v0]
    view.keys[i] = token_keys(view.up[i], view.lem[i])
    if view.dep[i - 1] == "cc":
        view.head[i - 1] = v0
    if obj is not None and view.head[obj] != i:
        view.head[obj], view.dep[obj] = i, "dobj"


def _phrase_after(view: DocView, i: int) -> int | None:
    """The head of the phrase that starts right after word ``i`` (climbing while the head
    is to the right of ``i``), or None when it already hangs on ``i``."""
    j = i + 1
    for _ in range(8):
        h = view.head[j]
        if h == i:
            return None
        if h == j or h < i:
            return j
        j = h
    return None
