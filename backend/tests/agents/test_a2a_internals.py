"""The start-up check of what our agents rely on in a2a-sdk: passes on the pinned SDK, and
names what moved when the SDK behaves otherwise (simulated by swapping its classes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from a2a.server.context import ServerCallContext
from a2a.server.models import TaskModel
from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.tasks import DatabaseTaskStore
from a2a.types import Message, SendMessageRequest, Task
from a2a.utils.errors import InternalError

from orchestra.agents import a2a_internals, create_agent_app
from orchestra.agents.a2a_internals import A2ASdkMismatch, verify
from tests.agents.helpers import make_settings


async def test_the_installed_sdk_passes() -> None:
    await verify()


def _mismatch(excinfo: pytest.ExceptionInfo[A2ASdkMismatch], *expected: str) -> None:
    message = str(excinfo.value)
    for text in (*expected, "scripts/bootstrap", "a2a_internals.py"):
        assert text in message, message


async def test_another_minor_version_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(a2a_internals, "installed_version", lambda: "1.4.0")
    with pytest.raises(A2ASdkMismatch) as excinfo:
        await verify()
    _mismatch(excinfo, "a2a-sdk 1.4.0", "not 1.3.x")


class _IgnoresTheBuilder(DefaultRequestHandler):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("request_context_builder")
        super().__init__(**kwargs)


class _WrapsErrors(DefaultRequestHandler):
    async def on_message_send(
        self, params: SendMessageRequest, context: ServerCallContext
    ) -> Message | Task:
        try:
            return await super().on_message_send(params, context)
        except Exception as error:
            raise InternalError(message="wrapped") from error


@pytest.mark.parametrize(
    ("handler", "expected"),
    [
        (_IgnoresTheBuilder, "SendMessage did not call the request context builder"),
        (_WrapsErrors, "SendMessage changed an error of the request context builder"),
    ],
)
async def test_a_handler_that_builds_contexts_otherwise_is_named(
    monkeypatch: pytest.MonkeyPatch, handler: type[DefaultRequestHandler], expected: str
) -> None:
    monkeypatch.setattr(a2a_internals, "DefaultRequestHandler", handler)
    with pytest.raises(A2ASdkMismatch) as excinfo:
        await verify()
    _mismatch(excinfo, expected)


async def test_a_store_that_ignores_its_model_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    original = DatabaseTaskStore.initialize

    async def initialize(self: DatabaseTaskStore) -> None:
        self.task_model = TaskModel  # the SDK's own table, "tasks"
        await original(self)

    monkeypatch.setattr(DatabaseTaskStore, "initialize", initialize)
    with pytest.raises(A2ASdkMismatch) as excinfo:
        await verify()
    _mismatch(excinfo, "DatabaseTaskStore.initialize() ignored task_model", "'tasks'")


async def test_an_agent_does_not_start_on_a_mismatched_sdk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(a2a_internals, "installed_version", lambda: "2.0.0")
    app = create_agent_app("analyst-agent", make_settings(tmp_path), 1)
    with pytest.raises(A2ASdkMismatch, match=r"a2a-sdk 2\.0\.0"):
        async with app.router.lifespan_context(app):
            pytest.fail("the agent started")
