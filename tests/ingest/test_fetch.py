"""Fetching that always ends: deadlines against servers that trickle or hang, Retry-After,
conditional GET, robots.txt, politeness and links that are not http(s). Loopback only."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tocsin.errors import FetchError
from tocsin.ingest.fetch import Fetcher, FetchPolicy, Validators, check_url
from tocsin.settings import Settings

FAST = FetchPolicy(
    timeout=5.0, deadline=2.0, connect_timeout=1.0, retries=3, host_delay=0.0, robots=False,
    user_agent="tocsin-test",
)


def _fetcher(policy: FetchPolicy = FAST) -> Fetcher:
    return Fetcher(Settings(), backoff=0.01, policy=policy)


@pytest.fixture
def raw_server() -> Iterator[Callable[[Callable[[socket.socket], None]], str]]:
    """A loopback TCP server whose connection handler the test writes (bytes, timing)."""
    sockets: list[socket.socket] = []
    stop = threading.Event()

    def start(handler: Callable[[socket.socket], None]) -> str:
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        server.settimeout(0.2)
        sockets.append(server)

        def serve() -> None:
            while not stop.is_set():
                try:
                    conn, _ = server.accept()
                except OSError:
                    continue
                threading.Thread(target=_guard, args=(handler, conn), daemon=True).start()

        threading.Thread(target=serve, daemon=True).start()
        return f"http://127.0.0.1:{server.getsockname()[1]}/page"

    yield start
    stop.set()
    for server in sockets:
        server.close()


def _guard(handler: Callable[[socket.socket], None], conn: socket.socket) -> None:
    try:
        conn.recv(65536)
        handler(conn)
    except OSError:
        pass
    finally:
        conn.close()


def _trickle(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
    for _ in range(60):
        conn.sendall(b"x")
        time.sleep(0.5)


def _hang(conn: socket.socket) -> None:
    time.sleep(10)


def _timed(fetcher: Fetcher, url: str) -> tuple[float, str]:
    start = time.monotonic()
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    return time.monotonic() - start, str(info.value)


def test_a_trickling_server_is_cut_at_the_deadline(raw_server) -> None:  # type: ignore[no-untyped-def]
    elapsed, message = _timed(_fetcher(), raw_server(_trickle))
    assert elapsed < FAST.deadline + 0.5
    assert "deadline" in message and "\n" not in message


def test_a_server_that_never_answers_costs_one_deadline_not_four_timeouts(raw_server) -> None:  # type: ignore[no-untyped-def]
    elapsed, message = _timed(_fetcher(), raw_server(_hang))
    assert elapsed < FAST.deadline + 0.5
    assert message.strip() and "\n" not in message


def test_an_unreachable_host_fails_fast_without_retries() -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    elapsed, message = _timed(_fetcher(), f"http://127.0.0.1:{port}/")
    assert elapsed < 0.5 and "cannot connect" in message


def test_429_with_retry_after_is_waited_for_then_retried(httpserver: HTTPServer) -> None:
    calls: list[float] = []

    def limited(request: Request) -> Response:
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Response("slow down", status=429, headers={"Retry-After": "1"})
        return Response("<html><body>ok</body></html>", content_type="text/html")

    httpserver.expect_request("/limited").respond_with_handler(limited)
    fetched = _fetcher().fetch(httpserver.url_for("/limited"))
    assert fetched.status == 200 and len(calls) == 2
    assert calls[1] - calls[0] >= 0.9


def test_retry_after_beyond_the_deadline_gives_up_at_once(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/busy").respond_with_data(
        "busy", status=503, headers={"Retry-After": "20"}
    )
    elapsed, message = _timed(_fetcher(), httpserver.url_for("/busy"))
    assert elapsed < 1.0 and "HTTP 503" in message and "1 attempts" in message


def test_conditional_get_answers_304_without_a_body(httpserver: HTTPServer) -> None:
    def feed(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response("<rss/>", content_type="application/rss+xml", headers={"ETag": '"v1"'})

    httpserver.expect_request("/feed").respond_with_handler(feed)
    fetcher = _fetcher()
    first = fetcher.fetch(httpserver.url_for("/feed"))
    assert first.validators == Validators(etag='"v1"') and not first.not_modified
    second = fetcher.fetch(httpserver.url_for("/feed"), first.validators)
    assert second.not_modified and second.content == b"" and fetcher.requests == 2


def test_robots_txt_is_honoured_and_read_once_per_host(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    httpserver.expect_request("/public").respond_with_data("<html>ok</html>")
    fetcher = _fetcher(FetchPolicy(**{**FAST.__dict__, "robots": True}))
    assert fetcher.fetch(httpserver.url_for("/public")).status == 200
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.fetch(httpserver.url_for("/private/x"))
    assert fetcher.requests == 2  # robots.txt once, then the public page


def test_politeness_delay_spaces_requests_to_one_host(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("a")
    fetcher = _fetcher(FetchPolicy(**{**FAST.__dict__, "host_delay": 0.4}))
    start = time.monotonic()
    for _ in range(3):
        fetcher.fetch(httpserver.url_for("/a"))
    assert time.monotonic() - start >= 0.8


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "mailto:desk@example.org", "file:///etc/passwd", "/relative"]
)
def test_links_that_are_not_http_are_refused_without_a_request(url: str) -> None:
    with pytest.raises(FetchError, match="not an http"):
        check_url(url)
    fetcher = _fetcher()
    with pytest.raises(FetchError):
        fetcher.fetch(url)
    assert fetcher.requests == 0
