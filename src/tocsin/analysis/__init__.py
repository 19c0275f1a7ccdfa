"""Analysis: event identity, dyad and actor series, alerts, triads, exports.

The functions here are what the CLI (``tocsin events``, ``dyad``, ``alerts``, ``triads``,
``export``) and the REST API call; each takes a Store (or SQLAlchemy Engine) first.
"""

from tocsin.analysis.alerts import (
    AlertRules,
    alert_evidence,
    alert_record,
    alerts,
    get_alert,
    recompute_alerts,
    scan,
)
from tocsin.analysis.events import event, events, make_filters, refresh
from tocsin.analysis.exports import export
from tocsin.analysis.series import Series, SeriesPoint, actor, dyad, series
from tocsin.analysis.triads import Triad, triad_shifts, triads

__all__ = [
    "AlertRules", "Series", "SeriesPoint", "Triad", "actor", "alert_evidence", "alert_record",
    "alerts", "dyad", "event", "events", "export", "get_alert", "make_filters",
    "recompute_alerts", "refresh", "scan", "series", "triad_shifts", "triads",
]
