"""A fake OpenAI-compatible chat server on a loopback port, with scripted replies.

It speaks the wire format the real clients expect (``/v1/chat/completions`` for OpenAI,
``/openai/v1/chat/completions`` for Groq, ``GET .../models``), so tests exercise the real
LangChain integrations and HTTP clients end to end. Each chat request takes the next
scripted `Reply`; every request is recorded for assertions.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from orchestra.config import Settings

PLAN_TOOL = "Plan"


@dataclass
class Reply:
    """One scripted answer to a chat-completions request.

    Attributes:
        content: The assistant message's text (None with a tool call).
        tool_args: Arguments of a call to the ``Plan`` tool: a dict (sent as JSON) or a
            raw string (to send broken JSON).
        status: HTTP status; anything but 200 sends an OpenAI-style error body.
        delay: Seconds to wait before answering (to make the client time out).
        headers: Extra response headers (e.g. ``retry-after-ms`` with a 429).
        tokens: (prompt, completion) tokens reported in ``usage``.
        model: The model name the answer reports.
        chunks: The content in pieces, for a request that asks for a stream (default:
            the whole content in one piece).
        chunk_delay: Seconds to wait before each piece of a stream.
    """

    content: str | None = None
    tool_args: dict[str, Any] | str | None = None
    status: int = 200
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    tokens: tuple[int, int] = (120, 30)
    model: str = "fake-model"
    chunks: tuple[str, ...] = ()
    chunk_delay: float = 0.0


@dataclass(frozen=True)
class Recorded:
    """A request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages", []))

    @property
    def prompt(self) -> str:
        """All message texts of a chat request, joined."""
        return "\n".join(str(m.get("content") or "") for m in self.messages)


class FakeProvider:
    """The server; use as a context manager, then `script` replies and read `requests`."""

    def __init__(
        self, api_key: str | None = "test-key", models: tuple[str, ...] = ("fake-model",)
    ) -> None:
        self.api_key = api_key
        self.models = models
        self.replies: deque[Reply] = deque()
        self.by_model: dict[str, Reply] = {}
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        """Root URL, e.g. ``http://127.0.0.1:54321`` (OpenAI clients want ``url + "/v1"``)."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def script(self, *replies: Reply) -> None:
        """Queue the answers to the next chat requests, in order."""
        with self._lock:
            self.replies.extend(replies)

    def answer(self, model: str, reply: Reply) -> None:
        """Answer every chat request for `model` with `reply` (scripted replies come first):
        models that answer differently, whatever order their requests come in."""
        with self._lock:
            self.by_model[model] = reply

    @property
    def chat_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def __enter__(self) -> FakeProvider:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()  # wakes handlers that are sleeping out a delay
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # --- called from the handler threads ---------------------------------------------

    def _next(self, recorded: Recorded) -> Reply | None:
        with self._lock:
            self.requests.append(recorded)
            if self.replies:
                return self.replies.popleft()
            return self.by_model.get(str(recorded.body.get("model")))

    def _record(self, recorded: Recorded) -> None:
        with self._lock:
            self.requests.append(recorded)


def _completion(reply: Reply, number: int) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply.content}
    if reply.tool_args is not None:
        arguments = (
            reply.tool_args if isinstance(reply.tool_args, str) else json.dumps(reply.tool_args)
        )
        message["tool_calls"] = [
            {
                "id": f"call_{number}",
                "type": "function",
                "function": {"name": PLAN_TOOL, "arguments": arguments},
            }
        ]
    prompt, completion = reply.tokens
    return {
        "id": f"chatcmpl-{number}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": reply.model,
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": "tool_calls" if reply.tool_args is not None else "stop",
                "logprobs": None,
            }
        ],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        },
    }


def _chunk(reply: Reply, number: int, delta: dict[str, Any], finish: str | None) -> bytes:
    body = {
        "id": f"chatcmpl-{number}",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": reply.model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
    }
    return f"data: {json.dumps(body)}\n\n".encode()


def _usage_chunk(reply: Reply, number: int) -> bytes:
    prompt, completion = reply.tokens
    body = {
        "id": f"chatcmpl-{number}",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": reply.model,
        "choices": [],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        },
    }
    return f"data: {json.dumps(body)}\n\n".encode()


def _handler_for(provider: FakeProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean

        def _send(self, status: int, body: dict[str, Any], headers: dict[str, str]) -> None:
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout): nothing to answer

        def _error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
            kind = {401: "invalid_request_error", 429: "rate_limit_error"}.get(status, "error")
            body = {"error": {"message": message, "type": kind, "code": str(status)}}
            self._send(status, body, headers or {})

        def _recorded(self, body: dict[str, Any]) -> Recorded:
            headers = {name.lower(): value for name, value in self.headers.items()}
            return Recorded(self.command, self.path, headers, body)

        def _authorized(self) -> bool:
            if provider.api_key is None:  # like Ollama: any key or none
                return True
            if self.headers.get("Authorization") == f"Bearer {provider.api_key}":
                return True
            self._error(401, "Invalid API Key")
            return False

        def _stream(self, reply: Reply, number: int, usage: bool) -> None:
            """Answer as the OpenAI API streams: one server-sent event per piece (Groq's
            path: the usage on the last piece, under ``x_groq``, as Groq sends it)."""
            pieces = reply.chunks or ((reply.content or ""),)
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                self.wfile.write(_chunk(reply, number, {"role": "assistant", "content": ""}, None))
                for piece in pieces:
                    if reply.chunk_delay and provider._stopping.wait(reply.chunk_delay):
                        return
                    self.wfile.write(_chunk(reply, number, {"content": piece}, None))
                    self.wfile.flush()
                last = _chunk(reply, number, {}, "stop")
                if self.path.startswith("/openai/"):
                    prompt, completion = reply.tokens
                    tokens = {"prompt_tokens": prompt, "completion_tokens": completion,
                              "total_tokens": prompt + completion}  # fmt: skip
                    body = json.loads(last[len(b"data: ") :])
                    body["x_groq"] = {"usage": tokens}
                    last = f"data: {json.dumps(body)}\n\n".encode()
                self.wfile.write(last)
                if usage:
                    self.wfile.write(_usage_chunk(reply, number))
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up

        def do_GET(self) -> None:
            provider._record(self._recorded({}))
            if self.path.rstrip("/") == "/api/tags":  # Ollama's own list of its models
                if self._authorized():
                    tags = [{"name": m, "model": m} for m in provider.models]
                    self._send(200, {"models": tags}, {})
                return
            if not self.path.rstrip("/").endswith("/models"):
                self._error(404, f"no route {self.path}")
                return
            if self._authorized():
                data = [{"id": m, "object": "model", "created": 0, "owned_by": "fake"}
                        for m in provider.models]  # fmt: skip
                self._send(200, {"object": "list", "data": data}, {})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            if not self.path.endswith("/chat/completions"):
                provider._record(self._recorded(body))
                self._error(404, f"no route {self.path}")
                return
            reply = provider._next(self._recorded(body))
            if not self._authorized():
                return
            if reply is None:
                self._error(500, "the test scripted no reply for this request")
                return
            if reply.delay and provider._stopping.wait(reply.delay):
                return
            if reply.status != 200:
                self._error(reply.status, reply.content or "scripted error", reply.headers)
                return
            if body.get("stream"):
                usage = bool((body.get("stream_options") or {}).get("include_usage"))
                self._stream(reply, len(provider.requests), usage)
                return
            self._send(200, _completion(reply, len(provider.requests)), reply.headers)

    return Handler


def settings_for(provider: str, server: FakeProvider, **overrides: Any) -> Settings:
    """Settings that point ``provider`` (openai, groq or ollama) at the fake server.

    Short timeouts keep failure tests fast; ``.env`` is not read, so a developer's real
    keys never reach a test.
    """
    values: dict[str, Any] = {
        "llm_provider": provider,
        "llm_model": "fake-model",
        "llm_timeout_seconds": 5.0,
        "llm_max_retries": 1,
        "openai_api_key": "",
        "openai_base_url": "",
        "groq_api_key": "",
        "groq_base_url": "",
    }
    if provider == "openai":
        values |= {"openai_api_key": server.api_key or "", "openai_base_url": f"{server.url}/v1"}
    elif provider == "groq":
        values |= {"groq_api_key": server.api_key or "", "groq_base_url": server.url}
    elif provider == "ollama":
        values |= {"ollama_base_url": server.url}
    values |= overrides
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]
