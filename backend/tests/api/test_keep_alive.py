"""An idle connection stays open longer than common clients keep theirs (httpx: 5 s).

With the server's keep-alive as short as a client's, the server closes an idle connection
just as the client sends on it again, and the client gets "server disconnected without
sending a response".
"""

from __future__ import annotations

import socket
import time
from urllib.parse import urlsplit

from orchestra.cli import KEEP_ALIVE_SECONDS
from tests.stack import Stack

CLIENT_KEEP_ALIVE_SECONDS = 5.0  # httpx's default, and uvicorn's


def _get_health(connection: socket.socket) -> bytes:
    connection.sendall(b"GET /health HTTP/1.1\r\nHost: orchestra\r\n\r\n")
    answer = b""
    while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
        chunk = connection.recv(4096)
        if not chunk:
            break
        answer += chunk
    return answer


def test_an_idle_connection_outlives_a_clients_keep_alive(stack: Stack) -> None:
    assert KEEP_ALIVE_SECONDS > CLIENT_KEEP_ALIVE_SECONDS
    address = urlsplit(stack["orchestrator"].url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as connection:
        assert _get_health(connection).startswith(b"HTTP/1.1 200")
        # Idle as long as a client would keep the connection, and a little more.
        time.sleep(CLIENT_KEEP_ALIVE_SECONDS + 1)
        assert _get_health(connection).startswith(b"HTTP/1.1 200")
