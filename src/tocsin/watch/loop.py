"""The watcher's rounds: poll, ingest and code, refresh alerts, announce, deliver.

Each round is complete on its own and leaves its state in the store (validators of the
polled URLs, announced alerts and their webhook status), so a watcher that is stopped
and started again, even on another machine, neither refetches unchanged feeds nor
announces an alert twice. SIGTERM and SIGINT end the wait between rounds at once and
let a running round finish its current step.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from tocsin import pipeline
from tocsin.errors import InputError
from tocsin.ingest import read_sources
from tocsin.ingest.fetch import Fetched, Fetcher, Validators
from tocsin.models import Alert, Delivery
from tocsin.settings import Settings
from tocsin.store import Store
from tocsin.store.watch import WatchState
from tocsin.watch.announce import announcements
from tocsin.watch.deliver import Webhook, print_delivery

log = logging.getLogger(__name__)

AlertsFn = Callable[[Store, Settings], Sequence[Alert]]
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_every(text: str) -> float:
    """Seconds in ``"15m"``, ``"90s"``, ``"1h"``, ``"600"``; InputError otherwise."""
    match = _EVERY.match(text)
    if not match or float(match.group(1)) <= 0:
        raise InputError(f"--every: expected a duration such as 15m, 90s or 1h, got {text!r}")
    return float(match.group(1)) * _UNIT[match.group(2)]


@dataclass
class RoundReport:
    """What one round did: logged, and printed by ``tocsin watch``."""

    number: int
    sources: int = 0
    unchanged: int = 0  # sources answered 304 Not Modified
    read: int = 0
    stored: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)
    alerts: int = 0  # current alerts considered
    announced: list[Delivery] = field(default_factory=list)
    webhook_sent: int = 0
    webhook_failed: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"round {self.number}: {self.sources} sources ({self.unchanged} unchanged), "
            f"{self.read} read, {self.stored} new articles, {self.events} events, "
            f"{len(self.problems)} problems, {self.alerts} current alerts, "
            f"{len(self.announced)} announced, webhook {self.webhook_sent} sent / "
            f"{self.webhook_failed} failed, {self.seconds:.1f}s"
        )


class _PollingFetcher(Fetcher):
    """A Fetcher that polls the watched URLs conditionally and remembers their validators."""

    def __init__(self, settings: Settings, state: WatchState, watched: set[str], **kw: Any):
        super().__init__(settings, **kw)
        self.state = state
        self.watched = watched
        self.unchanged = 0

    def fetch(self, url: str, validators: Validators | None = None) -> Fetched:
        if url not in self.watched:
            return super().fetch(url, validators)
        etag, modified = self.state.validators(url)
        try:
            fetched = super().fetch(url, validators or Validators(etag, modified))
        except Exception as exc:
            self.state.checked(url, etag, modified, str(exc))  # keep what we knew
            raise
        self.unchanged += fetched.not_modified
        # a 304 may omit the validators: keep the ones that earned it
        self.state.checked(url, fetched.validators.etag or etag,
                           fetched.validators.last_modified or modified, str(fetched.status))
        return fetched


def current_alerts(store: Store, settings: Settings) -> Sequence[Alert]:
    """The alerts active in the latest weeks of data, as ingest keeps them current."""
    from tocsin.analysis.alerts import current_alerts as active

    return active(store, settings, top=settings.watch.max_alerts)


def run_round(
    sources: Sequence[str],
    settings: Settings,
    store: Store,
    *,
    number: int = 1,
    out: TextIO | None = None,
    webhook: Webhook | None = None,
    alerts_fn: AlertsFn = current_alerts,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None),
) -> RoundReport:
    """One round: poll and ingest ``sources``, then announce new or escalated alerts."""
    start = time.monotonic()
    report = RoundReport(number=number, sources=len(sources))
    state = WatchState.of(store)
    _poll(sources, settings, store, state, report)
    _announce(settings, store, state, report, alerts_fn, now(), webhook is not None, out)
    if webhook is not None:
        _deliver_webhooks(state, webhook, report, settings.watch.webhook_rounds)
    report.seconds = time.monotonic() - start
    log.info("%s", report.line())
    return report


def _poll(sources: Sequence[str], settings: Settings, store: Store, state: WatchState,
          report: RoundReport) -> None:
    watched = {s for s in sources if s.lower().startswith(("http://", "https://"))}
    with _PollingFetcher(
        settings, state, watched, known=lambda article_id: store.has_article(article_id)
    ) as fetcher:
        ingested = pipeline.ingest(
            sources, settings, store=store,
            reader=lambda srcs, s: read_sources(srcs, s, fetcher=fetcher),
        )
        report.unchanged = fetcher.unchanged
    report.read, report.stored, report.events = ingested.read, ingested.stored, ingested.events
    report.problems = [f"{p.where}: {p.reason}" for p in ingested.problems]


def _announce(settings: Settings, store: Store, state: WatchState, report: RoundReport,
              alerts_fn: AlertsFn, now: dt.datetime, webhook: bool, out: TextIO | None) -> None:
    current = list(alerts_fn(store, settings))
    report.alerts = len(current)
    due = announcements(
        current, state.levels(), floor=settings.alerts.min_score,
        step=settings.watch.escalation_step, webhook=webhook, now=now,
    )
    for delivery in due:
        stored = state.announce(delivery)
        if stored is None:
            continue  # a concurrent watcher announced it
        report.announced.append(stored)
        if out is not None:
            print_delivery(stored, out)


def _deliver_webhooks(state: WatchState, webhook: Webhook, report: RoundReport,
                      rounds: int) -> None:
    """Every pending webhook delivery, this round's and earlier rounds' failures alike.

    A delivery still failing after its retries is tried again next round, up to
    ``rounds`` rounds, then marked failed (and listed as such in the Atom feed).
    """
    for delivery in state.pending_webhooks():
        if delivery.id is None:
            continue
        error = webhook.send(delivery)
        exhausted = delivery.webhook_attempts + 1 >= rounds
        status = "sent" if error is None else ("failed" if exhausted else "pending")
        state.webhook_result(delivery.id, status, error)
        if error is None:
            report.webhook_sent += 1
        else:
            report.webhook_failed += 1
            log.warning("webhook delivery of %s failed: %s", delivery.alert_key, error)


class _Stop:
    """Set by SIGTERM/SIGINT: ends the wait between rounds."""

    def __init__(self) -> None:
        self.event = threading.Event()

    def install(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._handle)

    def _handle(self, signum: int, frame: object) -> None:
        log.info("signal %d: stopping after this step", signum)
        self.event.set()


def watch(
    sources: Sequence[str],
    settings: Settings,
    *,
    every: float | None = None,
    once: bool = False,
    webhook_url: str | None = None,
    out: TextIO | None = None,
    alerts_fn: AlertsFn = current_alerts,
    on_round: Callable[[RoundReport], None] | None = None,
    stop: threading.Event | None = None,
) -> list[RoundReport]:
    """Run rounds every ``every`` seconds (``settings.watch.every_seconds``) until stopped."""
    if not sources:
        raise InputError("watch: give at least one feed, page, file or directory to poll")
    interval = every if every is not None else settings.watch.every_seconds
    url = webhook_url if webhook_url is not None else settings.watch.webhook
    stopper = _Stop()
    if stop is None:
        stopper.install()
        stop = stopper.event
    hook = _webhook(url, settings)
    reports: list[RoundReport] = []
    store = Store.open(settings)
    try:
        while True:
            report = run_round(sources, settings, store, number=len(reports) + 1,
                               out=out if out is not None else sys.stdout,
                               webhook=hook, alerts_fn=alerts_fn)
            reports.append(report)
            if on_round:
                on_round(report)
            if once or stop.wait(interval):
                return reports
    finally:
        store.close()
        if hook is not None:
            hook.close()


def _webhook(url: str, settings: Settings) -> Webhook | None:
    if not url:
        return None
    return Webhook(url, retries=settings.watch.webhook_retries,
                   backoff=settings.watch.webhook_backoff, user_agent=settings.http.user_agent)


__all__ = ["RoundReport", "current_alerts", "parse_every", "run_round", "watch"]
