"""Delivering announcements: a line on stdout, and a webhook POST with retries and back-off.

The Atom feed (``/alerts.atom``) needs no delivery: it is rendered from the store's
announcements by :mod:`tocsin.watch.atom` whenever a reader asks.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TextIO

import httpx

from tocsin.ingest.fetch import check_url
from tocsin.ingest.problems import reason
from tocsin.models import Delivery

log = logging.getLogger(__name__)


def stdout_line(delivery: Delivery) -> str:
    """``ALERT [new|escalated L2] <explanation>``: one line per announcement."""
    tag = "new" if not delivery.payload.get("escalated") else f"escalated L{delivery.level}"
    return f"ALERT [{tag}] {delivery.title}"


def print_delivery(delivery: Delivery, out: TextIO) -> None:
    out.write(stdout_line(delivery) + "\n")
    out.flush()


class Webhook:
    """POSTs an announcement's JSON to a URL; retries transport errors and 5xx/429."""

    def __init__(
        self,
        url: str,
        *,
        retries: int = 3,
        backoff: float = 2.0,
        timeout: float = 10.0,
        user_agent: str = "tocsin",
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        check_url(url)
        self.url = url
        self.retries = max(0, retries)
        self.backoff = backoff
        self.sleep = sleep
        self.client = httpx.Client(timeout=timeout, headers={"User-Agent": user_agent})

    def close(self) -> None:
        self.client.close()

    def send(self, delivery: Delivery) -> str | None:
        """Deliver; None when the receiver took it (2xx), else the last reason (one line)."""
        error: str | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            error = self._post(delivery)
            if error is None or error.startswith("refused"):
                return error
            log.info("webhook %s: %s (attempt %d)", self.url, error, attempt + 1)
        return error

    def _post(self, delivery: Delivery) -> str | None:
        try:
            response = self.client.post(self.url, json=delivery.payload)
        except httpx.HTTPError as exc:
            return f"cannot deliver: {reason(exc)}"
        if response.is_success:
            return None
        status = f"HTTP {response.status_code} {response.reason_phrase}".strip()
        if response.status_code in (408, 429) or response.status_code >= 500:
            return status
        return f"refused: {status}"  # a 4xx will not get better by retrying
