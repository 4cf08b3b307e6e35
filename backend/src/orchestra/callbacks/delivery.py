"""One attempt at delivering a finished task to its callback_url, and what follows from it.

An attempt POSTs the task exactly as `GET /api/tasks/{id}` shows it, signed (`signing`),
and records its outcome on the delivery's row. 2xx: delivered. A 4xx other than 408 and
429, a redirect, or a URL no longer allowed: the receiver will not take it, so it is given
up at once. Anything else (5xx, 408, 429, a timeout, no connection) is tried again after a
growing wait, until CALLBACK_RETRY_SECONDS have passed since the task ended. The task
itself is never changed by its delivery.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, TypedDict
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Connection

from orchestra import secret_key
from orchestra.callbacks import records, signing
from orchestra.config import Settings
from orchestra.db import Database, DeliveryStatus
from orchestra.db.base import utcnow
from orchestra.errors import EgressRefused, InvalidInputError
from orchestra.registry.credentials import Vault
from orchestra.registry.egress import Egress
from orchestra.views import load

log = logging.getLogger(__name__)

# Worth another attempt: the receiver may take it later.
RETRIED_CODES = frozenset({408, 429})


@dataclass(frozen=True)
class DeliveryPolicy:
    """How a callback is tried.

    Attributes:
        timeout: seconds one attempt waits for the receiver's answer.
        retry_seconds: how long after the task's end attempts go on.
        backoff: the wait before the second attempt; it doubles each time after.
        max_backoff: the longest wait between two attempts.
    """

    timeout: float = 10.0
    retry_seconds: float = 86_400.0
    backoff: float = 1.0
    max_backoff: float = 600.0

    @classmethod
    def of(cls, settings: Settings) -> DeliveryPolicy:
        return cls(
            settings.callback_timeout_seconds,
            settings.callback_retry_seconds,
            settings.callback_backoff_seconds,
            settings.callback_max_backoff_seconds,
        )

    def delay(self, attempts: int) -> float:
        """The wait after the `attempts`-th failed attempt."""
        return min(self.backoff * 2 ** max(attempts - 1, 0), self.max_backoff)


class Outcome(TypedDict):
    """What an attempt tells the delivery workflow: stop, or try again after `delay`."""

    state: Literal["delivered", "undelivered", "retry"]
    delay: float


async def check_url(egress: Egress, url: str) -> None:
    """Refuse a callback_url Orchestra may not call (at submit: a 422 naming the field)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInputError(
            f"callback_url must be an http or https URL with a host, not {url!r}.",
            code="invalid_callback_url",
            field="callback_url",
        )
    try:
        await egress.check(url)
    except EgressRefused as exc:
        raise InvalidInputError(
            f"callback_url: {exc.message}",
            code="callback_url_not_allowed",
            field="callback_url",
            **exc.details,
        ) from exc


class Deliveries:
    """Signs and sends callbacks and records how each attempt went."""

    def __init__(self, db: Database, egress: Egress, secret: bytes, policy: DeliveryPolicy) -> None:
        self.db = db
        self.egress = egress
        self.secret = secret
        self.policy = policy
        #: Opens the credentials of A2A push-notification configs (sealed as agents' are).
        self.vault = Vault(secret)
        # Redirects are not followed (a redirect could lead past the egress rules).
        self.http = httpx.AsyncClient(follow_redirects=False, trust_env=False)

    @classmethod
    def of(cls, settings: Settings, db: Database, secret: bytes) -> Deliveries:
        egress = Egress(
            settings.callback_allowed_hosts,
            allow_loopback=settings.on_loopback,
            setting="CALLBACK_ALLOWED_HOSTS",
        )
        return cls(db, egress, secret, DeliveryPolicy.of(settings))

    def key_of(self, owner: str) -> bytes:
        """The callback signing key of a task owner (an API key's id, or `local`)."""
        return secret_key.derive(self.secret, f"callback:{owner}")

    async def check_url(self, url: str) -> None:
        await check_url(self.egress, url)

    async def attempt(self, task_id: str) -> Outcome:
        """Try once to deliver the task; record and return what follows."""

        def read(connection: Connection) -> tuple[Any, bytes | None]:
            row = records.read(connection, task_id)
            view = load(connection, task_id) if row is not None else None
            return row, None if view is None else view.body

        row, body = await self.db.read(read)
        if row is None or body is None or row.status != DeliveryStatus.PENDING:
            # Settled already (an attempt replayed after a crash): nothing to send again.
            settled = row is not None and row.status == DeliveryStatus.DELIVERED
            return Outcome(state="delivered" if settled else "undelivered", delay=0.0)
        number = row.attempts + 1
        code, error, final = await self._post(row.url, row.owner, task_id, number, body)
        outcome, values = self.judge(number, code, error, final, row.created_at)
        await self.db.run(lambda c: records.record(c, task_id, **values))
        log.info(
            "task %s callback attempt %d: %s (%s)",
            task_id,
            number,
            outcome["state"],
            code if code is not None else error,
        )
        return outcome

    def judge(
        self, number: int, code: int | None, error: str | None, final: bool, since: datetime
    ) -> tuple[Outcome, dict[str, Any]]:
        """What follows the `number`-th attempt of a delivery due `since`, and the values of
        its row that say so."""
        now = utcnow()
        values: dict[str, Any] = {
            "attempts": number,
            "last_status_code": code,
            "last_error": error,
            "last_attempt_at": now,
            "next_attempt_at": None,
        }
        outcome = Outcome(state="retry", delay=self.policy.delay(number))
        if code is not None and 200 <= code < 300:
            outcome["state"] = "delivered"
            values.update(status=DeliveryStatus.DELIVERED, delivered_at=now, last_error=None)
        elif final:
            outcome["state"] = "undelivered"
            values["status"] = DeliveryStatus.UNDELIVERED
        else:
            ended_for = (now - since).total_seconds()
            if ended_for + outcome["delay"] > self.policy.retry_seconds:
                outcome["state"] = "undelivered"
                values["status"] = DeliveryStatus.UNDELIVERED
                values["last_error"] = (
                    f"{error}; given up after {number} attempts in {ended_for:.0f} s "
                    "(CALLBACK_RETRY_SECONDS)"
                )
            else:
                values["next_attempt_at"] = now + timedelta(seconds=outcome["delay"])
        return outcome, values

    async def _post(
        self, url: str, owner: str, task_id: str, number: int, body: bytes
    ) -> tuple[int | None, str | None, bool]:
        """(status code, error, whether it is final) of one POST."""
        headers = {
            "Content-Type": "application/json",
            signing.TASK_ID: task_id,
            signing.ATTEMPT: str(number),
            **signing.sign(self.key_of(owner), body),
        }
        return await self.send(url, headers, body)

    async def send(
        self, url: str, headers: dict[str, str], body: bytes
    ) -> tuple[int | None, str | None, bool]:
        """(status code, error, whether it is final) of one POST of a task's callback or of
        an A2A push notification; not sent to a URL the egress rules refuse now."""
        try:
            # Again at each attempt: what the host resolves to may have changed since.
            await self.egress.check(url)
        except EgressRefused as exc:
            return None, f"not sent: {exc.message}", True
        timeout = self.policy.timeout
        try:
            # The whole exchange is bounded: a receiver that trickles its answer times out.
            async with asyncio.timeout(timeout):
                response = await self.http.post(url, content=body, headers=headers, timeout=timeout)
        except (TimeoutError, httpx.TimeoutException):
            return None, f"no answer within {timeout:g} s", False
        except httpx.HTTPError as exc:
            return None, f"{type(exc).__name__}: {exc}"[:500], False
        code = response.status_code
        if 200 <= code < 300:
            return code, None, False
        answer = response.text[:200]
        if 300 <= code < 400:
            return code, f"HTTP {code}: redirects are not followed; give the final URL", True
        if 400 <= code < 500 and code not in RETRIED_CODES:
            reason = f"HTTP {code} {answer}: the receiver refused it (a 4xx other than "
            return code, reason + "408 or 429 is not tried again)", True
        return code, f"HTTP {code} {answer}".strip(), False

    async def close(self) -> None:
        await self.http.aclose()
