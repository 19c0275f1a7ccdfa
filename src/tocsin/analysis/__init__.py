"""Analysis: event identity, dyad and actor series, alerts, triads, exports.

The functions here are what the CLI (``tocsin events``, ``dyad``, ``alerts``, ``triads``,
``export``) and the REST API call; each takes a :class:`tocsin.store.Store` first and
reads through its methods (no SQL here). :func:`refresh` is the pipeline's step that
brings identities and alerts up to date after writes.
"""

from tocsin.analysis.alerts import (
    AlertRules,
    alert_evidence,
    alert_record,
    alerts,
    current_alerts,
    get_alert,
    recompute_alerts,
    scan,
)
from tocsin.analysis.events import event, events, make_filters
from tocsin.analysis.exports import export
from tocsin.analysis.refresh import RefreshReport, refresh
from tocsin.analysis.series import Series, SeriesPoint, actor, dyad, series
from tocsin.analysis.triads import Triad, triad_shifts, triads

__all__ = [
    "AlertRules", "RefreshReport", "Series", "SeriesPoint", "Triad", "actor", "alert_evidence",
    "alert_record", "alerts", "current_alerts", "dyad", "event", "events", "export",
    "get_alert", "make_filters", "recompute_alerts", "refresh", "scan", "series",
    "triad_shifts", "triads",
]
