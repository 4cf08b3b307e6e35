"""A TCP proxy in a process of its own, to cut a service (PostgreSQL, say) off and bring it back.

Run: python -m tests.support.tcp_proxy LISTEN_PORT TARGET_HOST TARGET_PORT

`Proxy` drives it from a test. Stopping the process closes every connection through it and
refuses new ones: an outage that refuses. Pausing it (SIGSTOP) leaves connections open
and unanswered, and new ones hanging after the handshake: an outage that hangs.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def _serve(listen_port: int, host: str, port: int) -> None:
    async def forward(client: asyncio.StreamReader, to_client: asyncio.StreamWriter) -> None:
        try:
            upstream, to_upstream = await asyncio.open_connection(host, port)
        except OSError:
            to_client.close()
            return
        await asyncio.gather(_pipe(client, to_upstream), _pipe(upstream, to_client))

    server = await asyncio.start_server(forward, "127.0.0.1", listen_port)
    async with server:
        await server.serve_forever()


class Proxy:
    """The proxy process, listening on `port` (the same one across restarts)."""

    def __init__(self, target_port: int, log_path: Path, target_host: str = "127.0.0.1") -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        self.target = (target_host, target_port)
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 15) -> Proxy:
        argv = [sys.executable, "-m", "tests.support.tcp_proxy", str(self.port)]
        argv += [self.target[0], str(self.target[1])]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise TimeoutError(f"the proxy on port {self.port} did not start")

    def stop(self) -> None:
        """Every connection through the proxy ends, and new ones are refused."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a paused proxy must be able to die
            self.process.kill()
            self.process.wait()

    def pause(self) -> None:
        """Connections stay open and nothing passes: the service seems to hang."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)


if __name__ == "__main__":
    listen, target_host, target_port = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    asyncio.run(_serve(listen, target_host, target_port))
