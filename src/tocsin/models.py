"""The data model: typed, frozen dataclasses passed between pipeline stages.

Stages exchange these objects, never bare dicts. ``to_record`` methods give the
JSON shape used by ``tocsin code`` output (see ../shared/eval/FORMAT.md) and the API.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Span = tuple[int, int]  # character offsets [start, end) in the article's coded text


class Factuality(StrEnum):
    """How the text presents an event."""

    ASSERTED = "asserted"  # reported as having happened
    ALLEGED = "alleged"  # attributed accusation/claim ("accused X of ...")
    NEGATED = "negated"  # "did not attack"
    INTENDED = "intended"  # intent, offer, willingness, plan (CAMEO 03x and intent frames)
    HYPOTHETICAL = "hypothetical"  # "might", "could", conditionals

    @property
    def counts(self) -> bool:
        """Whether events of this factuality count in analyses."""
        return self in (Factuality.ASSERTED, Factuality.INTENDED)


@dataclass(frozen=True)
class Article:
    """One ingested news item, cleaned."""

    id: str  # stable: given by the source (JSONL id) or derived from URL/path + hash
    text: str  # clean body text, dateline removed, boilerplate dropped
    title: str | None = None
    date: dt.date | None = None  # publication date
    dateline: str | None = None  # "Islamabad"
    url: str | None = None
    source: str | None = None  # site / outlet / corpus name
    author: str | None = None
    language: str | None = "en"
    origin: str | None = None  # where it was read from: path, path:line, URL, warc record
    content_hash: str | None = None
    near_dup_of: str | None = None  # id of the article this one nearly duplicates
    near_dup_score: float | None = None
    license: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def replace(self, **changes: Any) -> Article:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article's coded text."""

    index: int  # 0-based within the article body; the title is index -1
    text: str
    span: Span


@dataclass(frozen=True)
class Actor:
    """A resolved actor: CAMEO code plus the text and dictionary entry behind it."""

    code: str  # full CAMEO actor code, e.g. "RUSMIL", "PAKGOV", "AFGREB", "IGOUNO"
    text: str = ""  # the mention as written
    span: Span | None = None
    country: str | None = None  # 3-letter country/IGO code part, "RUS"
    role: str | None = None  # primary role, "MIL"
    kind: str | None = None  # country | person | igo | ngo | group | agent
    entry: str | None = None  # dictionary entry that fired ("RUSSIA_ [RUS]")

    @property
    def root(self) -> str:
        """First three letters: the country or group (scoring level 'root')."""
        return self.code[:3]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a parsed document that names something: an actor, an agent (a role noun
    such as "troops"), a place.

    ``start``/``end`` are token indices (``end`` exclusive), ``head`` the span's syntactic
    root (-1: unknown), ``char_span`` character offsets; ``kind`` says what the span is
    ("actor", "agent", "place"), ``label`` what found it (a dictionary entry, "ent:GPE",
    "gazetteer"); ``code`` and ``payload`` are its resolution (for actors and agents the
    code and the :class:`Actor`; for places the stage's place object). ``metonym``: the
    name stands for something else (a capital city for its government).
    """

    start: int
    end: int
    text: str = ""
    char_span: Span | None = None
    kind: str = ""
    head: int = -1
    sentence: int | None = None
    label: str = ""
    code: str | None = None
    payload: Any = None
    metonym: bool = False

    @property
    def actor(self) -> Actor:
        """The resolved actor of an actor or agent mention."""
        if not isinstance(self.payload, Actor):
            raise TypeError(f"mention {self.text!r} ({self.kind}) has no actor")
        return self.payload

    @property
    def is_agent(self) -> bool:
        return self.kind == "agent"


@dataclass(frozen=True)
class Location:
    """A resolved place."""

    name: str
    level: str  # "city" | "adm1" | "adm2" | "country" | "region"
    country_code: str | None = None  # ISO 3166-1 alpha-2, "PK"
    cameo_country: str | None = None  # CAMEO/ISO alpha-3, "PAK"
    adm1_code: str | None = None  # ISO 3166-2 where known, "PK-KP"
    adm1_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geoname_id: int | None = None
    text: str | None = None  # mention as written
    span: Span | None = None
    rule: str | None = None  # which rule chose it (e.g. "prep-of-verb", "dateline")
    score: float | None = None

    def to_record(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class EventDate:
    """When an event happened, with its precision and evidence."""

    value: dt.date | None  # None when it cannot be resolved (no article date)
    precision: str | None = None  # "day" | "month" | "year"
    expression: str | None = None  # "last year in the month of September"
    span: Span | None = None
    rule: str | None = None  # "explicit", "relative", "article-date", ...

    def to_record(self) -> dict[str, Any]:
        rec = dataclasses.asdict(self)
        rec["value"] = self.value.isoformat() if self.value else None
        return rec


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, with the evidence."""

    source: Actor | None
    target: Actor | None
    code: str  # CAMEO event code, "042"
    factuality: Factuality = Factuality.ASSERTED
    name: str | None = None  # CAMEO name
    goldstein: float | None = None
    quad_class: int | None = None  # 1/2 verbal/material coop, 3/4 verbal/material conflict
    plover_type: str | None = None  # PLOVER event category, "CONSULT"
    plover_mode: str | None = None
    sentence_index: int | None = None
    sentence: str | None = None  # the evidence sentence
    sentence_span: Span | None = None
    trigger: str | None = None  # verb or nominal trigger text
    trigger_span: Span | None = None
    rules: tuple[str, ...] = ()  # dictionary entries / patterns that fired (the "why")
    article_id: str | None = None
    article_date: dt.date | None = None
    date: EventDate | None = None
    location: Location | None = None
    source_location: Location | None = None
    target_location: Location | None = None

    @property
    def root_code(self) -> str:
        return self.code[:2]

    @property
    def counts(self) -> bool:
        return self.factuality.counts

    def replace(self, **changes: Any) -> Event:
        return dataclasses.replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        """JSON-ready dict, FORMAT.md compatible (source/target/code first)."""
        return {
            "source": self.source.code if self.source else None,
            "target": self.target.code if self.target else None,
            "code": self.code,
            "name": self.name,
            "factuality": self.factuality.value,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover_type": self.plover_type,
            "plover_mode": self.plover_mode,
            "source_text": self.source.text if self.source else None,
            "target_text": self.target.text if self.target else None,
            "source_span": self.source.span if self.source else None,
            "target_span": self.target.span if self.target else None,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "sentence_span": self.sentence_span,
            "trigger": self.trigger,
            "trigger_span": self.trigger_span,
            "rules": list(self.rules),
            "article_id": self.article_id,
            "article_date": self.article_date.isoformat() if self.article_date else None,
            "date": self.date.to_record() if self.date else None,
            "location": self.location.to_record() if self.location else None,
            "source_location": self.source_location.to_record() if self.source_location else None,
            "target_location": self.target_location.to_record() if self.target_location else None,
        }


@dataclass(frozen=True)
class Alert:
    """A significant change in a dyad or actor series, with the events behind it."""

    kind: str  # "baseline" | "changepoint"
    subject: str  # "RUS-PAK" (dyad) or "RUS" (actor)
    period_start: dt.date
    period_end: dt.date
    direction: str  # "conflict" | "cooperation"
    score: float
    details: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[int, ...] = ()  # stored event ids, strongest contributors first
    id: int | None = None

    @property
    def key(self) -> str:
        """Stable across refreshes: the same alert keeps its key while its score changes."""
        return f"{self.kind}:{self.direction}:{self.subject}:{self.period_start.isoformat()}"

    @property
    def explanation(self) -> str:
        """One line a person can read (set by the detector that raised the alert)."""
        return str(self.details.get("explanation", ""))

    @property
    def subject_type(self) -> str:
        """"dyad", "actor" or "third_party"."""
        return str(self.details.get("subject_type", "dyad" if "-" in self.subject else "actor"))


@dataclass(frozen=True)
class EventMention:
    """One stored event row as event identity sees it (a *mention* of an event)."""

    id: int
    article_id: str
    code: str
    counts: bool
    event_date: dt.date | None = None
    event_date_precision: str | None = None
    article_date: dt.date | None = None
    source_code: str | None = None
    target_code: str | None = None
    source_role: str | None = None
    target_role: str | None = None
    root_code: str | None = None
    quad_class: int | None = None
    plover_type: str | None = None
    goldstein: float | None = None
    sentence_index: int | None = None
    source_id: int | None = None  # the article's source (publisher)
    near_dup: bool = False  # the article is a near-duplicate of a stored one


@dataclass(frozen=True)
class EventIdentity:
    """One event (GDELT's GLOBALEVENTID): the mentions of the same day, dyad and code.

    ``id`` is the smallest id of its mentions, so an identity keeps its id however the
    identities are rebuilt (in full or for the changed days only)."""

    id: int
    day: dt.date | None
    code: str
    root_code: str
    counts: bool
    dup_only: bool
    num_mentions: int
    num_sources: int
    num_articles: int
    event_id: int  # the representative mention
    mention_ids: tuple[int, ...] = ()
    near_dup_ids: tuple[int, ...] = ()  # mentions from near-duplicate articles
    source_code: str | None = None
    target_code: str | None = None
    source_role: str | None = None
    target_role: str | None = None
    quad_class: int | None = None
    plover_type: str | None = None
    goldstein: float | None = None


@dataclass(frozen=True)
class WeeklyCount:
    """Counting events of one directed country-level dyad, week and quad class."""

    week: dt.date
    source_root: str | None
    target_root: str | None
    quad_class: int
    events: int
    goldstein_sum: float = 0.0
    article_ids: frozenset[str] = frozenset()
    source_ids: frozenset[int] = frozenset()
    # article id -> the share of its report that is this dyad's: 1 / the number of dyads
    # coded from the same sentence (one sentence naming three countries is a third each)
    weights: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class SubjectWeek:
    """One week of one alert subject (an undirected dyad "IRN-ISR" or an actor "IRN") in
    one direction (conflict: quad 3+4, cooperation: 1+2): what the detectors read."""

    week: dt.date
    subject: str
    a: str
    b: str | None
    direction: str
    reports: float  # distinct articles, each weighted by the dyad's share of its sentence
    events: int
    material: int = 0  # events of quad 2 or 4
    articles: int = 0  # distinct articles
    sources: int = 0  # distinct sources
    goldstein_sum: float = 0.0
    forward: int = 0  # events a -> b (dyads)
    backward: int = 0  # events b -> a


@dataclass(frozen=True)
class DyadEdge:
    """Counting events and their Goldstein sum of one directed dyad in a window."""

    source_root: str
    target_root: str
    events: int
    goldstein_sum: float


@dataclass(frozen=True)
class Delivery:
    """One announcement of an alert by the watcher: an alert is announced once per level."""

    alert_key: str
    level: int  # 1 when new; each escalation raises it
    score: float
    title: str  # the alert's one-line explanation
    payload: dict[str, Any]  # the alert as JSON: what the webhook receives
    created_at: dt.datetime
    webhook_status: str = "none"  # "none" (no webhook), "pending", "sent", "failed"
    webhook_attempts: int = 0
    webhook_error: str | None = None
    id: int | None = None
