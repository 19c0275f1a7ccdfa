"""HTTP fetching that always ends: one httpx client, an overall deadline per fetch,
retries with back-off inside that deadline, a politeness delay per host, robots.txt,
and conditional GET (ETag / Last-Modified) so an unchanged feed costs one request.

httpx's timeouts bound each network operation, not a whole fetch: a server that sends
one byte every few seconds never trips a read timeout. So every attempt runs under a
watchdog that shuts the connection's socket down when the fetch's deadline passes.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

import httpx

from tocsin.errors import FetchError
from tocsin.ingest.problems import reason
from tocsin.settings import Settings

log = logging.getLogger(__name__)

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_BYTES = 50 * 1024 * 1024
MAX_RETRY_AFTER = 30.0  # seconds; a longer Retry-After is cut to this
SCHEMES = ("http", "https")

__all__ = ["Fetched", "Fetcher", "FetchPolicy", "Validators", "check_url"]


@dataclass(frozen=True)
class FetchPolicy:
    """How a fetch behaves; read from the ``[http]`` settings."""

    timeout: float = 20.0  # seconds per network operation
    deadline: float = 30.0  # seconds for a whole fetch, retries included
    connect_timeout: float = 5.0  # an unreachable host fails within this
    retries: int = 3
    host_delay: float = 1.0  # seconds between two requests to one host
    robots: bool = True  # honour robots.txt
    user_agent: str = "tocsin"

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchPolicy:
        http = settings.http
        return cls(
            timeout=http.timeout,
            deadline=http.deadline,
            connect_timeout=http.connect_timeout,
            retries=http.retries,
            host_delay=http.host_delay,
            robots=http.robots,
            user_agent=http.user_agent,
        )


@dataclass(frozen=True)
class Validators:
    """What a server said about a resource's version, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: final URL (after redirects), media type and raw bytes.

    ``not_modified`` is True when a conditional GET was answered 304 (``content`` empty).
    """

    url: str
    content_type: str
    content: bytes
    status: int = 200
    validators: Validators = Validators()
    not_modified: bool = False


class Fetcher:
    """Fetches URLs with the project's user agent, deadlines, retry and politeness policy."""

    def __init__(
        self,
        settings: Settings,
        *,
        backoff: float = 0.5,
        transport: httpx.BaseTransport | None = None,
        policy: FetchPolicy | None = None,
        known: Callable[[str], bool] | None = None,
    ) -> None:
        self.policy = policy or FetchPolicy.from_settings(settings)
        self.retries = max(0, self.policy.retries)
        self.backoff = backoff
        self.known = known  # feed readers skip entry links this says are stored already
        self.requests = 0  # network requests made (robots.txt included)
        self._last_hit: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.client = httpx.Client(
            timeout=httpx.Timeout(self.policy.timeout, connect=self.policy.connect_timeout),
            headers={"User-Agent": self.policy.user_agent, "Accept": "*/*"},
            follow_redirects=True,
            transport=transport,
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, validators: Validators | None = None) -> Fetched:
        """GET ``url`` within the deadline; FetchError (one line, with the reason) otherwise."""
        check_url(url)
        deadline = time.monotonic() + self.policy.deadline
        if self.policy.robots and not self._allowed(url, deadline):
            raise FetchError(f"disallowed by robots.txt: {url}")
        attempt = 0
        while True:
            self._polite(url, deadline)
            try:
                return self._get(url, deadline, validators)
            except _Retryable as exc:
                delay = exc.retry_after
                if delay is None:
                    delay = self.backoff * 2**attempt
                if attempt >= self.retries or time.monotonic() + delay >= deadline:
                    raise FetchError(f"{exc} (after {attempt + 1} attempts)") from exc
                log.info("%s: %s, retrying in %.1fs", url, exc, delay)
                time.sleep(delay)
                attempt += 1

    # -- one attempt -------------------------------------------------------------------
    def _get(self, url: str, deadline: float, validators: Validators | None) -> Fetched:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"deadline of {self.policy.deadline:g} s exceeded")
        timeout = httpx.Timeout(
            min(self.policy.timeout, remaining),
            connect=min(self.policy.connect_timeout, remaining),
        )
        self.requests += 1
        watchdog = _Watchdog(remaining)
        try:
            with self.client.stream(
                "GET", url, headers=_conditional(validators), timeout=timeout
            ) as response:
                watchdog.arm(response)
                _check_status(response)
                content = b"" if response.status_code == 304 else _read_capped(response, deadline)
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out ({type(exc).__name__})") from exc
        except httpx.ConnectError as exc:  # refused, unknown host: fail fast, no retry
            raise FetchError(f"cannot connect: {reason(exc)}") from exc
        except (httpx.TransportError, OSError) as exc:
            if watchdog.fired:
                raise FetchError(f"deadline of {self.policy.deadline:g} s exceeded") from exc
            raise _Retryable(f"connection failed ({reason(exc)})") from exc
        except httpx.HTTPError as exc:  # invalid URL and the like: not worth retrying
            raise FetchError(f"request failed: {reason(exc)}") from exc
        finally:
            watchdog.cancel()
        if watchdog.fired:
            raise FetchError(f"deadline of {self.policy.deadline:g} s exceeded")
        return _fetched(response, content)

    # -- politeness --------------------------------------------------------------------
    def _polite(self, url: str, deadline: float) -> None:
        host = urlsplit(url).netloc.lower()
        wait = self._last_hit.get(host, -1e9) + self.policy.host_delay - time.monotonic()
        if wait > 0:
            if time.monotonic() + wait >= deadline:
                raise FetchError(f"deadline of {self.policy.deadline:g} s exceeded")
            time.sleep(wait)
        self._last_hit[host] = time.monotonic()

    def _allowed(self, url: str, deadline: float) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin, deadline)
        rules = self._robots[origin]
        return True if rules is None else rules.can_fetch(self.policy.user_agent, url)

    def _read_robots(
        self, origin: str, deadline: float
    ) -> urllib.robotparser.RobotFileParser | None:
        """The origin's robots.txt rules; None (allow all) when there are none.

        A missing robots.txt (4xx) allows everything (RFC 9309). A server error or an
        unreachable robots.txt also allows, with a log line: the page fetch that follows
        fails fast on its own if the host is down, and one reason is reported, not two.
        """
        robots_url = f"{origin}/robots.txt"
        try:
            self._polite(robots_url, deadline)
            fetched = self._get(robots_url, min(deadline, time.monotonic() + 10.0), None)
        except (FetchError, _Retryable) as exc:
            log.info("%s: no robots.txt rules (%s)", origin, exc)
            return None
        rules = urllib.robotparser.RobotFileParser(robots_url)
        rules.parse(fetched.content.decode("utf-8", "replace").splitlines())
        return rules


def check_url(url: str) -> None:
    """FetchError for anything that is not an absolute http(s) URL (never fetched)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in SCHEMES or not parts.netloc:
        shown = url if len(url) < 80 else url[:77] + "..."
        raise FetchError(f"not an http(s) link, not fetched: {shown}")


class _Watchdog:
    """Shuts a response's socket down when the fetch deadline passes."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.fired = False
        self._timer: threading.Timer | None = None

    def arm(self, response: httpx.Response) -> None:
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is None:
            return

        def fire() -> None:
            self.fired = True
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

        self._timer = threading.Timer(self.seconds, fire)
        self._timer.daemon = True
        self._timer.start()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


class _Retryable(Exception):
    """A failure worth another attempt (after ``retry_after`` seconds, if the server said)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _conditional(validators: Validators | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers


def _fetched(response: httpx.Response, content: bytes) -> Fetched:
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    validators = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
    return Fetched(
        url=str(response.url),
        content_type=media,
        content=content,
        status=response.status_code,
        validators=validators,
        not_modified=response.status_code == 304,
    )


def _check_status(response: httpx.Response) -> None:
    status = f"HTTP {response.status_code} {response.reason_phrase}".strip()
    if response.status_code in RETRY_STATUS:
        raise _Retryable(status, _retry_after(response.headers.get("retry-after")))
    if response.status_code >= 400:
        raise FetchError(status)


def _retry_after(value: str | None) -> float | None:
    """A Retry-After given in seconds, capped; dates and nonsense are ignored."""
    try:
        seconds = float(value) if value else None
    except ValueError:
        return None
    return None if seconds is None or seconds < 0 else min(seconds, MAX_RETRY_AFTER)


def _read_capped(response: httpx.Response, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"response larger than {MAX_BYTES} bytes")
        if time.monotonic() > deadline:
            raise FetchError(f"deadline exceeded after {size} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
