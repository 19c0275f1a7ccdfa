"""Shapes of the dependency parse the engine asks about (pure functions of a DocView).

Who is the subject of a verb (climbing through control and relative clauses), the head
of the noun phrase a token is in, the clause a token belongs to, whether a noun phrase
is an argument of a verb, and the frame a clause is the complement of.
"""

from __future__ import annotations

from tocsin.coding.docview import DocView

SUBJ = ("nsubj", "csubj", "expl")
PASS_SUBJ = ("nsubjpass", "csubjpass")
# dependencies through which a verb inherits its subject from the verb above
CLIMB = (
    "xcomp",
    "acl",
    "conj",
    "advcl",
    "dobj",
    "pcomp",
    "pobj",
    "prep",
    "ccomp",
    "relcl",
    "attr",
    "acomp",
    "oprd",
    "appos",
)
# dependents of a verb whose words are not its own ("and then X did Y")
CUT = ("conj", "cc", "parataxis", "advcl", "relcl", "mark", "punct")
PUNCT_TAGS = frozenset({",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", '"', "$"})
CLAUSE_DEPS = frozenset(
    {"acl", "relcl", "advcl", "xcomp", "ccomp", "pcomp", "conj", "ROOT", "csubj", "parataxis"}
)
LOCATIVE_PREPS = frozenset(
    {"IN", "AT", "NEAR", "ON", "INSIDE", "OUTSIDE", "ACROSS", "THROUGHOUT", "AROUND"}
)
_NP_INNER = ("compound", "amod", "poss", "nmod", "case", "det", "nummod")
_ACTIVE_SUBJ = frozenset(SUBJ) - {"expl"}  # an expletive ("there") is no subject


def subject_head(view: DocView, v: int) -> tuple[int, bool] | None:
    """(subject head, passive?) of verb ``v``, climbing to the head clause if needed.

    Object control: a verb in the complement of a verb with a direct object takes that
    object as its subject ("urged Bree to help", "accused Russia of supplying")."""
    if (
        view.dep[v] == "acl"
        and view.tag[v] == "VBN"
        and not view.kids(v, "nsubj", "nsubjpass")
        and not _perfect_infinitive(view, v)
    ):
        return view.head[v], True  # "victims killed by X": the noun is the patient
    cur = v
    controlled = modifier = False
    shared = view.tag[v] == "VBN"  # a participle conjoined with a passive verb
    for _ in range(6):
        if cur != v and controlled:
            objs = [c for c in view.children[cur] if view.dep[c] == "dobj"]
            if objs:
                return objs[0], False
        found = _own_subject(view, cur, v)
        if found is not None:
            if modifier and view.dep[found[0]] in PASS_SUBJ:
                return None  # "officers are injured in a bombing targeting police vehicles"
            if shared and cur != v and view.dep[found[0]] in PASS_SUBJ:
                return found[0], True  # "two staffers are shot and killed": killed too
            return found
        dep = view.dep[cur]
        if dep not in CLIMB or view.head[cur] == cur or dep == "ccomp":
            return None
        if dep == "relcl":  # "the state which attacked": the noun is the subject
            return view.head[cur], False
        controlled = dep in ("xcomp", "pcomp") or (dep == "prep" and controlled)
        modifier = modifier or dep == "acl"  # the verb modifies a noun on the way up
        shared = shared and dep == "conj"
        cur = view.head[cur]
    return None


def _perfect_infinitive(view: DocView, v: int) -> bool:
    """ "The Houthis claim to have attacked two tankers": a participle after "to have" is an
    active perfect infinitive (the small parser hangs it as a modifier of the verb), not
    a passive participle describing a noun ("tankers attacked by X"; nor "soldiers said to
    have been killed by X", a passive one)."""
    kids = view.children[v]
    if any(view.dep[c] == "auxpass" for c in kids):
        return False
    return any(view.dep[c] == "aux" and view.lem[c] == "HAVE" for c in kids)


def _own_subject(view: DocView, cur: int, v: int) -> tuple[int, bool] | None:
    dep, kids = view.dep, view.children[cur]
    for c in kids:
        if dep[c] in PASS_SUBJ:
            return c, cur == v  # "X is scheduled to attend": X attends
    first = before = None  # two subjects ("Old foes Gondor and ..."): the one next to the verb
    for c in kids:
        if dep[c] in _ACTIVE_SUBJ:
            if first is None:
                first = c
            if c < cur:
                before = c
    if first is None:
        return None
    return (first if before is None else before), False


def np_head_of(view: DocView, t: int, limit: int) -> int:
    """Climb from a token inside a noun phrase to the phrase's head (not past ``limit``)."""
    cur = t
    for _ in range(4):
        if view.dep[cur] in _NP_INNER and view.head[cur] != cur:
            nxt = view.head[cur]
            if nxt == limit:
                break
            cur = nxt
        else:
            break
    return cur


def clause_of(view: DocView, t: int, limit: int) -> int:
    """The nearest verb above token ``t`` (``limit`` when the climb reaches it)."""
    cur = t
    for _ in range(8):
        h = view.head[cur]
        if h == cur or h == limit:
            return limit
        if view.tag[h].startswith("VB") and view.dep[h] in CLAUSE_DEPS:
            return h
        cur = h
    return limit


def is_direct(view: DocView, head: int | None, v: int) -> bool:
    """Whether the noun phrase at ``head`` is an argument of verb ``v`` (object, subject,
    or object of one of its prepositions), not a modifier inside another noun phrase."""
    if head is None:
        return True
    h = head
    for _ in range(4):
        if view.dep[h] in ("compound", "amod", "poss", "nmod") and view.head[h] != h:
            return False
        if view.dep[h] == "conj" and view.head[h] != h:
            h = view.head[h]
            continue
        break
    for _ in range(3):
        if view.head[h] == v:
            return True
        if view.dep[h] != "pobj":
            break
        prep = view.head[h]
        if view.head[prep] == v or view.dep[view.head[prep]] in ("prep", "agent"):
            return True
        if view.up[prep] in LOCATIVE_PREPS:  # "a summit in X": a place of something else
            return False
        h = view.head[prep]  # "a bunch of X", "the leaders of X"
    return view.dep[h] in ("nsubj", "nsubjpass", "dobj")


def frame_of(view: DocView, v: int) -> tuple[int, str] | None:
    """(frame word, edge) of the clause of ``v``: the verb or noun it is the complement of."""
    cur = v
    for _ in range(3):
        dep = view.dep[cur]
        head = view.head[cur]
        if head == cur:
            return None
        if dep == "conj":
            cur = head
            continue
        if dep in ("ccomp", "xcomp", "acl"):
            return head, dep
        if dep == "pcomp" and view.dep[head] == "prep":
            return view.head[head], "pcomp"
        return None
    return None


def subtree_tokens(view: DocView, heads: list[int]) -> set[int]:
    """Token indices of the subtrees of ``heads``."""
    out: set[int] = set()
    for h in heads:
        lo, hi = view.subtree_span(h)
        out.update(range(lo, hi))
    return out
