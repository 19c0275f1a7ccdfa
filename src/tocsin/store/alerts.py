"""Stored alerts (mixin of :class:`tocsin.store.Store`): written by a refresh, read as models.

Listing puts relational alerts (dyads, third parties) before actor alerts, each group by
score: an interstate crisis is what an analyst looks for first; an actor alert is context.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from tocsin.errors import NotFoundError
from tocsin.models import Alert
from tocsin.store.schema import alerts


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _row(alert: Alert, now: dt.datetime) -> dict[str, Any]:
    return {
        "kind": alert.kind, "subject": alert.subject, "subject_type": alert.subject_type,
        "period_start": alert.period_start, "period_end": alert.period_end,
        "direction": alert.direction, "score": alert.score,
        "details": json.dumps(_jsonable(alert.details), sort_keys=True),
        "evidence": json.dumps(list(alert.evidence)), "created_at": now,
    }


def _alert(row: Mapping[Any, Any]) -> Alert:
    return Alert(kind=row["kind"], subject=row["subject"], period_start=row["period_start"],
                 period_end=row["period_end"], direction=row["direction"],
                 score=float(row["score"]), details=json.loads(row["details"]),
                 evidence=tuple(json.loads(row["evidence"])), id=int(row["id"]))


class AlertStore:
    """The ``alerts`` table."""

    engine: sa.Engine

    def replace_alerts(self, found: Sequence[Alert]) -> int:
        """Replace every stored alert with ``found`` (one short transaction)."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with self.engine.begin() as conn:
            conn.execute(alerts.delete())
            if found:
                conn.execute(alerts.insert(), [_row(a, now) for a in found])
        return len(found)

    def list_alerts(self, *, direction: str | None = None, kind: str | None = None,
                    subject: str | None = None, subject_type: str | None = None,
                    ended_since: dt.date | None = None, limit: int | None = 20,
                    offset: int = 0) -> list[Alert]:
        """Stored alerts: dyads and third parties first, then actors; best score first."""
        conds = []
        if direction:
            conds.append(alerts.c.direction == direction)
        if kind:
            conds.append(alerts.c.kind == kind)
        if subject:
            conds.append(alerts.c.subject == subject.upper())
        if subject_type:
            conds.append(alerts.c.subject_type == subject_type)
        if ended_since:
            conds.append(alerts.c.period_end >= ended_since)
        group = sa.case((alerts.c.subject_type == "actor", 1), else_=0)
        q = (sa.select(alerts).where(*conds)
             .order_by(group, alerts.c.score.desc(), alerts.c.id).offset(offset))
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [_alert(r) for r in conn.execute(q).mappings()]

    def get_alert(self, alert_id: int) -> Alert:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(alerts).where(alerts.c.id == alert_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"no alert with id {alert_id}")
        return _alert(row)

    def count_alerts(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(alerts)).scalar_one())
