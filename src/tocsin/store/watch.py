"""The watcher's state in the store: polled URLs' validators and announced alerts.

Keeping it in the database (not a file beside it) means a restarted watcher, a second
watcher on the same store and the API's ``/alerts.atom`` all see the same history, so
nothing is announced twice.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

import sqlalchemy as sa

from tocsin.models import Delivery
from tocsin.store.schema import watch_deliveries, watch_sources


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class WatchState:
    """Read and write the watcher's tables of one database."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @classmethod
    def of(cls, store: object) -> WatchState:
        return cls(store.engine)  # type: ignore[attr-defined]

    # -- conditional GET ----------------------------------------------------------------
    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) last seen for ``url``."""
        query = sa.select(watch_sources.c.etag, watch_sources.c.last_modified).where(
            watch_sources.c.url == url
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return (row.etag, row.last_modified) if row else (None, None)

    def checked(self, url: str, etag: str | None, last_modified: str | None, status: str) -> None:
        """Record a poll of ``url`` with the validators to send next time."""
        values = {
            "etag": etag, "last_modified": last_modified,
            "checked_at": _now(), "status": status[:256],
        }
        with self.engine.begin() as conn:
            done = conn.execute(
                watch_sources.update().where(watch_sources.c.url == url).values(**values)
            ).rowcount
            if not done:
                conn.execute(watch_sources.insert().values(url=url, **values))

    # -- announcements ------------------------------------------------------------------
    def levels(self) -> dict[str, int]:
        """The highest level announced for each alert key."""
        query = sa.select(
            watch_deliveries.c.alert_key, sa.func.max(watch_deliveries.c.level)
        ).group_by(watch_deliveries.c.alert_key)
        with self.engine.connect() as conn:
            return {key: int(level) for key, level in conn.execute(query)}

    def announce(self, delivery: Delivery) -> Delivery | None:
        """Store a new announcement; None when that key and level were announced already."""
        row = {
            "alert_key": delivery.alert_key, "level": delivery.level, "score": delivery.score,
            "title": delivery.title[:500], "payload": json.dumps(delivery.payload, default=str),
            "created_at": delivery.created_at, "webhook_status": delivery.webhook_status,
            "webhook_attempts": 0, "webhook_error": None,
        }
        try:
            with self.engine.begin() as conn:
                key = conn.execute(watch_deliveries.insert().values(**row)).inserted_primary_key
        except sa.exc.IntegrityError:  # another watcher announced it first
            return None
        assert key is not None
        return Delivery(**{**delivery.__dict__, "id": int(key[0])})

    def pending_webhooks(self) -> list[Delivery]:
        """Announcements whose webhook delivery is still to be (re)tried, oldest first."""
        query = (
            sa.select(watch_deliveries)
            .where(watch_deliveries.c.webhook_status == "pending")
            .order_by(watch_deliveries.c.id)
        )
        with self.engine.connect() as conn:
            return [_delivery(row) for row in conn.execute(query).mappings()]

    def webhook_result(self, delivery_id: int, status: str, error: str | None) -> None:
        values = {
            "webhook_status": status,
            "webhook_attempts": watch_deliveries.c.webhook_attempts + 1,
            "webhook_error": (error or None) and error[:500],
        }
        with self.engine.begin() as conn:
            query = watch_deliveries.update().where(watch_deliveries.c.id == delivery_id)
            conn.execute(query.values(**values))

    def recent(self, limit: int = 50) -> list[Delivery]:
        """The latest announcements, newest first (the Atom feed's entries)."""
        query = sa.select(watch_deliveries).order_by(watch_deliveries.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [_delivery(row) for row in conn.execute(query).mappings()]


def _delivery(row: sa.RowMapping) -> Delivery:
    return Delivery(
        alert_key=row["alert_key"], level=int(row["level"]), score=float(row["score"]),
        title=row["title"], payload=json.loads(row["payload"]), created_at=row["created_at"],
        webhook_status=row["webhook_status"], webhook_attempts=int(row["webhook_attempts"]),
        webhook_error=row["webhook_error"], id=int(row["id"]),
    )


__all__: Sequence[str] = ["WatchState"]
