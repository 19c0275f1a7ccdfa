"""Events cited as history: an act dated well before the article is background, not news.

"In 2016, the Supreme Court declined to hear the case", "The United Kingdom voted on
June 23, 2016, to leave the EU", "helped draft the constitution prior to independence in
2011", "were previously convicted" (../shared/eval/CONVENTIONS.md: events cited as history
inside a current one are not coded).  The test is on the parse: a time expression that
modifies the event's verb (or the verb it is the complement of) and names a year (or, for a
verb in the past tense, a month: the last such month up to the article's date, "attacked a
vessel in late February" in a November story), and whose latest possible day is more than
:data:`HISTORY_DAYS` before the article's date; or
an adverb that says so ("previously", "formerly"); or "N years ago".

The dates are read here with a few lines rather than with the temporal stage, which runs
after coding (and a stage does not import another): only the latest day an expression
can mean is needed, from its year, month and decade.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from tocsin.coding.docview import DocView
from tocsin.coding.factuality import CAUSE_WORDS

HISTORY_DAYS = 90  # a date this many days before the article (or more) is history
# a participle or relative clause that describes a participant by an earlier dated act
# ("all 46 students abducted in May", "the journalist who was detained in March"): the act
# is history when dated this many days before the article
DESCRIBED_DAYS = 14
_DESCRIBING_DEPS = frozenset({"acl", "relcl"})
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)(S)?$")  # upper-cased: "2016", "1990S"
_YEAR_TAGS = frozenset({"CD", "NNS", "NNP", "NN"})
_MONTHS = {name.upper(): n for n, name in enumerate(calendar.month_name) if name} | {
    name.upper(): n for n, name in enumerate(calendar.month_abbr) if name
}
# prepositions whose object dates the act itself ("since 2016" says it still goes on;
# "by 2030", "until" look ahead)
_DATING_PREPS = frozenset({"IN", "ON", "DURING", "BEFORE", "AT"})
_PAST_ADVERBS = frozenset({"PREVIOUSLY", "FORMERLY"})
_PAST_TAGS = frozenset({"VBD", "VBN"})  # a verb told in the past: a bare month is a past one
_AGO_UNITS = frozenset({"YEARS", "DECADES", "CENTURIES"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# prepositions of a cause ("sentenced for", "jailed over"): a date after them is the cause's
_CAUSE_PREPS = frozenset({"FOR", "OVER"})
# after the object of a judicial verb ("charges a soldier with murder", "sentenced to
# life for ...") a date is the crime's
_OBJECTS = frozenset({"dobj", "dative", "oprd", "xcomp"})
_SENTENCE_PREPS = frozenset({"TO", "WITH", "OF"})
# how an event's verb hangs from the verb whose modifiers date it too
_CLIMB = frozenset({"xcomp", "dobj", "pcomp"})


def latest_day(
    view: DocView, start: int, end: int, before: dt.date | None = None
) -> dt.date | None:
    """The latest day the time expression in tokens [start, end) can mean, when it names a
    year ("2016", "June 23, 2016", "August 2024", "the 1990s"), else None; with ``before``
    (the article's date, for an act told in the past tense) a month without a year is the
    last such month up to that date ("in late February" in a November story)."""
    year = month = None
    decade = False
    for i in range(start, end):
        found = _YEAR.match(view.up[i]) if view.tag[i] in _YEAR_TAGS else None
        if found:
            year, decade = int(found.group(1)), bool(found.group(2))
        elif view.up[i].rstrip(".") in _MONTHS:
            month = _MONTHS[view.up[i].rstrip(".")]
    if year is None and month is not None and before is not None:
        year = before.year if month <= before.month else before.year - 1
    if year is None:
        return None
    if decade:
        return dt.date(year + 9, 12, 31)
    if month is None:
        return dt.date(year, 12, 31)
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _is_date(view: DocView, i: int) -> bool:
    """Whether token ``i`` heads a calendar date: a month name or a year (the coding
    pipeline's parse has no named entities to say so)."""
    word = view.up[i]
    return word.rstrip(".") in _MONTHS or (view.tag[i] in _YEAR_TAGS and bool(_YEAR.match(word)))


def _dated_before(view: DocView, i: int, cutoff: dt.date, past: dt.date | None) -> bool:
    """Whether a modifier ``i`` of the verb dates it before ``cutoff`` (``past``: the
    article's date when the verb is in the past tense, which dates a bare month)."""
    dep, word = view.dep[i], view.up[i]
    if dep == "advmod" and word in _PAST_ADVERBS:
        return True
    if word == "AGO":
        return any(view.up[c] in _AGO_UNITS for c in view.children[i])
    if dep == "prep" and word in _DATING_PREPS:
        objects = [c for c in view.children[i] if view.dep[c] == "pobj" and _is_date(view, c)]
    elif dep in ("npadvmod", "tmod") and _is_date(view, i):
        objects = [i]
    else:
        return False
    for o in objects:
        lo, hi = view.subtree_span(o)
        day = latest_day(view, lo, hi, past)
        if day is not None and day < cutoff:
            return True
    return False


def _dating_modifiers(view: DocView, v: int) -> list[int]:
    """The modifiers of verb ``v`` whose date can be the act's own ("previously" anywhere):
    before the verb only when they open the clause ("In 2016, the court declined";
    "citizens abducted decades ago hold a rally" dates the abduction), after it only up to
    a cause phrase ("sentenced for the murder of two men in July 2024" dates the murder)
    and, for a judicial verb, up to its object ("charges a soldier with murders in 2012")."""
    subject = next((c for c in view.children[v] if view.dep[c] in _SUBJECTS), None)
    opening = view.subtree_span(subject)[0] if subject is not None else v
    judicial = view.lem[v] in CAUSE_WORDS
    cause = min(
        (
            c
            for c in view.children[v]
            if c > v
            and (
                view.up[c] in _CAUSE_PREPS
                or (judicial and (view.dep[c] in _OBJECTS or view.up[c] in _SENTENCE_PREPS))
            )
        ),
        default=len(view.up),
    )
    return [
        c for c in view.children[v] if c < opening or v < c < cause or view.up[c] in _PAST_ADVERBS
    ]


def is_history(view: DocView, v: int, article_date: dt.date | None) -> bool:
    """Whether the event whose trigger is token ``v`` is dated well before the article."""
    if article_date is None:
        return False
    cutoff = article_date - dt.timedelta(days=HISTORY_DAYS)
    if view.dep[v] in _DESCRIBING_DEPS:  # "students abducted in May" (a July story)
        cutoff = article_date - dt.timedelta(days=DESCRIBED_DAYS)
    cur = v
    for _ in range(4):
        past = article_date if view.tag[cur] in _PAST_TAGS else None
        if any(_dated_before(view, c, cutoff, past) for c in _dating_modifiers(view, cur)):
            return True
        if view.dep[cur] not in _CLIMB or view.head[cur] == cur:
            return False
        cur = view.head[cur]
    return False


# what opens a background clause ("after Italy introduced similar controls", "after
# indicting him", "following the strike", "amid the offensive"): CONVENTIONS.md makes its
# acts optional
_BACKGROUND_WORDS = frozenset({"AFTER", "FOLLOWING"})
# prepositions of the circumstances an act is told in ("amid the offensive")
CIRCUMSTANCE_PREPS = frozenset({"AMID", "AMIDST"})
_BACKGROUND_PREPS = _BACKGROUND_WORDS | CIRCUMSTANCE_PREPS
# "in response to the shooting", "in retaliation for the strikes", "due to the blockade"
_CAUSE_NOUNS = frozenset({"RESPONSE", "RETALIATION", "REACTION", "REPRISAL", "REVENGE"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# how an act's verb hangs from the gerund a background preposition takes ("after
# attempting to behead a man", "after planning to carry out attacks")
_BACKGROUND_CLIMB = frozenset({"xcomp", "conj"})


def _told_in_present(view: DocView, h: int) -> bool:
    """Whether verb ``h`` is in the present, active or passive ("imposes", "is declared")."""
    if view.tag[h] in _PRESENT_TAGS:
        return True
    return view.tag[h] == "VBN" and any(
        view.dep[c] in ("aux", "auxpass") and view.tag[c] in _PRESENT_TAGS for c in view.children[h]
    )


def _background_prep(view: DocView, p: int) -> bool:
    """Whether preposition ``p`` opens a background: "after", "following", "amid", or the
    "to"/"for" of "in response to", "in retaliation for", "due to"."""
    word = view.up[p]
    if word in _BACKGROUND_PREPS:
        return True
    if word not in ("TO", "FOR"):
        return False
    noun = view.head[p]
    if view.up[noun] == "DUE":
        return True
    return view.up[noun] in _CAUSE_NOUNS and view.up[view.head[noun]] == "IN"


def is_due_to(view: DocView, p: int) -> bool:
    """Whether token ``p`` is the "to" of "due to"."""
    return view.up[p] == "TO" and view.up[view.head[p]] == "DUE"


def is_background(view: DocView, v: int, triggers: set[int]) -> bool:
    """Whether the act at token ``v`` is told as the background of another act of the
    sentence: an "after" clause told in the past under a verb in the present, of an act
    in ``triggers`` ("Spain imposes checks after Italy introduced similar controls"; a
    clause in the present is the news itself, "ten are killed after a missile hits Kyiv"),
    or a gerund or noun after a background preposition ("issues a warrant after indicting
    him", "arrested after attempting to behead a man", "announces a buyback in response
    to the shooting", "amid the offensive")."""
    for _ in range(3):  # "after attempting to behead": up to the preposition's gerund
        h = view.head[v]
        if h == v:
            return False
        if view.dep[v] == "advcl" and view.tag[v] in _PAST_TAGS:
            opened = any(
                view.dep[c] == "mark" and view.up[c] in _BACKGROUND_WORDS for c in view.children[v]
            )
            return opened and _told_in_present(view, h) and h in triggers
        if view.dep[v] in ("pcomp", "pobj") and _background_prep(view, h) and view.head[h] != h:
            # a gerund is the subject's own earlier act; a noun ("killed amid clashes",
            # "after a strike") is background only to another coded act
            anchor = _anchor(view, h)
            return view.tag[anchor].startswith("VB") and (
                view.dep[v] == "pcomp" or anchor in triggers
            )
        if view.dep[v] not in _BACKGROUND_CLIMB:
            return False
        v = h
    return False


def _anchor(view: DocView, p: int) -> int:
    """The word a background preposition ``p`` modifies (past "in response" or "due"), or
    the verb of the object it modifies."""
    h = view.head[p]
    if view.up[p] in ("TO", "FOR") and view.up[h] not in _BACKGROUND_PREPS:
        h = view.head[view.head[h]] if view.up[h] in _CAUSE_NOUNS else view.head[h]
    for _ in range(2):  # "expels the ambassador in response to ...": the object's verb
        if view.tag[h].startswith("VB") or view.dep[h] not in ("dobj", "pobj", "prep"):
            break
        h = view.head[h]
    return h
