"""A model profile's chat model over several hosts (`orchestra.llm.hosts`), with failover.

A `ChatOpenAI` whose requests go through the profile's host pool, one `ChatOpenAI` per host
underneath: tools, structured output and streaming work as with a single host.
Apart from the pool so that reading hosts' health (the API) does not load LangChain.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from langchain_core.callbacks import AsyncCallbackManagerForLLMRun
from langchain_core.messages import BaseMessage
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from langchain_openai import ChatOpenAI
from pydantic import PrivateAttr

from orchestra.llm.hosts import Host, HostPool

__all__ = ["FailoverChatModel"]


class FailoverChatModel(ChatOpenAI):
    """A profile's chat model over its host pool (see the module docstring)."""

    _pool: HostPool = PrivateAttr()
    _models: dict[str, ChatOpenAI] = PrivateAttr()
    _retries: int = PrivateAttr(default=0)

    @classmethod
    def over(cls, pool: HostPool, retries: int, **options: Any) -> FailoverChatModel:
        """The model on `pool`'s hosts; `options` are ChatOpenAI's (model, key, limits).

        Each host's client makes no retries of its own: the next attempt goes to another
        host at once, `retries` + 1 attempts at least in all.
        """
        first = pool.hosts[0]
        model = cls(**options, base_url=first.api_url, max_retries=0)
        model._pool = pool
        model._retries = retries
        model._models = {
            host.id: ChatOpenAI(**options, base_url=host.api_url, max_retries=0)
            for host in pool.hosts
        }
        return model

    @property
    def pool(self) -> HostPool:
        return self._pool

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        async def attempt(host: Host) -> ChatResult:
            return await self._models[host.id]._agenerate(
                messages, stop=stop, run_manager=run_manager, **kwargs
            )

        return await self._pool.call(self._retries, attempt)

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        def attempt(host: Host) -> AsyncIterator[ChatGenerationChunk]:
            return self._models[host.id]._astream(
                messages, stop=stop, run_manager=run_manager, **kwargs
            )

        async for chunk in self._pool.stream(self._retries, attempt):
            yield chunk
