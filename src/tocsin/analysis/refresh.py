"""The refresh step: bring identities, series and alerts up to date after writes.

The pipeline calls :func:`refresh` after coding or recoding (and the API after
``POST /documents``); nothing calls it on a read. It is incremental: only the days queued
by the writes since the last refresh are regrouped (``Store.pending_days``), unless the
identity rules changed or ``full`` is asked. Identities then feed the weekly series that
the detectors scan, and the stored alerts are replaced.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from tocsin.analysis.common import Store
from tocsin.analysis.identity import (
    IDENTITY_RULES,
    build_identities,
    daily_volume,
    event_day,
    week_start,
)
from tocsin.analysis.scan import recompute_alerts, rules_of
from tocsin.analysis.weekly import subject_weeks
from tocsin.models import EventIdentity
from tocsin.settings import AlertSettings, Settings

log = logging.getLogger(__name__)

STATE = f"rules-v{IDENTITY_RULES}"


@dataclass(frozen=True)
class RefreshReport:
    """What a refresh did."""

    days: int | None  # days regrouped (None: all)
    identities: int  # identities written
    alerts: int | None  # alerts stored (None: alerts left as they were)
    seconds: float


def identities_for(store: Store, days: Sequence[object] | None) -> list[EventIdentity]:
    """The identities of ``days`` (all when None), grouped from the stored mentions."""
    mentions = store.iter_mentions(days)  # type: ignore[arg-type]
    if days is not None:
        wanted = set(days)
        mentions = (m for m in mentions if event_day(m) in wanted)
    return build_identities(mentions)


def refresh_identities(store: Store, *, full: bool = False) -> tuple[int | None, int, bool]:
    """Regroup the queued days, then rebuild the detectors' input of their weeks;
    (days regrouped or None for all, identities written, anything changed)."""
    upto, days = store.pending_days()
    if full or store.identity_state() != STATE:
        idents = identities_for(store, None)
        n = store.replace_identities(idents, None, upto=upto, state=STATE,
                                     volume=daily_volume(idents))
        store.replace_subject_weeks(subject_weeks(store.weekly_counts()), None)
        log.info("rebuilt all %d event identities", n)
        return None, n, True
    if not days:
        return 0, 0, False
    idents = identities_for(store, days)
    n = store.replace_identities(idents, days, upto=upto, state=STATE,
                                 volume=daily_volume(idents))
    weeks = sorted({week_start(d) for d in days if isinstance(d, dt.date)})
    store.replace_subject_weeks(subject_weeks(store.weekly_counts(weeks)), weeks)
    log.info("regrouped %d day(s), %d week(s): %d event identities", len(days), len(weeks), n)
    return len(days), n, True


def refresh(store: Store, settings: Settings | AlertSettings | None = None, *,
            full: bool = False, rescan: bool = False) -> RefreshReport:
    """Bring identities (incrementally) and alerts up to date; what was done.

    Alerts are rescanned when identities changed, or when ``full`` or ``rescan`` is asked
    (``rescan``: e.g. after a change of the alert settings)."""
    start = time.perf_counter()
    days, n, changed = refresh_identities(store, full=full)
    stored = recompute_alerts(store, rules_of(settings)) if (changed or rescan) else None
    return RefreshReport(days, n, stored, round(time.perf_counter() - start, 3))
