"""Workflow webhooks: a secret URL per workflow that starts a run with the JSON it is sent.

The URL's token is the key (no API key is needed): it is shown once, when it is made or
rotated, and only its SHA-256 is kept, like API keys. A hook may also require signed
deliveries: `X-Orchestra-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` under
a signing secret shown once, with `X-Orchestra-Timestamp` (Unix seconds) close to now, so a
captured delivery cannot be sent again later. A delivery id (`X-Orchestra-Delivery`,
`X-GitHub-Delivery` or `Idempotency-Key`) makes a delivery sent twice start one run.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select

from orchestra.auth import Principal, digest
from orchestra.config import Settings
from orchestra.db import Database, Workflow, WorkflowHook
from orchestra.db.base import utcnow
from orchestra.errors import BadSignature, InvalidInputError, NotFoundError, UnknownHook
from orchestra.views import TaskView
from orchestra.workflows.service import Workflows

__all__ = ["DELIVERY_HEADERS", "Delivery", "Found", "Hooks", "sign"]

TOKEN_PREFIX = "whk_"
SECRET_PREFIX = "whsec_"
DELIVERY_HEADERS = ("x-orchestra-delivery", "x-github-delivery", "idempotency-key")
"""Where a delivery's id is looked for, in this order."""


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature header's value for a delivery: what senders compute."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


@dataclass(frozen=True)
class Delivery:
    """One request to a hook's URL, as received."""

    body: bytes
    timestamp: str | None = None
    signature: str | None = None
    delivery_id: str | None = None


@dataclass(frozen=True)
class Found:
    """The hook a token names, and the owner of its workflow (whose runs these are)."""

    hook: WorkflowHook
    owner: str


class Hooks:
    def __init__(self, db: Database, workflows: Workflows, settings: Settings) -> None:
        self.db = db
        self.workflows = workflows
        self.tolerance = settings.hook_signature_tolerance_seconds

    async def rotate(
        self, principal: Principal, workflow_id: str, signed: bool
    ) -> tuple[WorkflowHook, str, str | None]:
        """Make the workflow's hook, or give it a new token (and signing secret): the old URL
        stops working at once. Returns the hook, its token and its signing secret, which
        are not stored and cannot be read again."""
        await self.workflows.get(principal, workflow_id)
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        secret = SECRET_PREFIX + secrets.token_urlsafe(32) if signed else None
        now = utcnow()
        async with self.db.transaction() as tx:
            row = await tx.scalar(
                select(WorkflowHook).where(WorkflowHook.workflow_id == workflow_id)
            )
            if row is None:
                row = WorkflowHook(workflow_id=workflow_id, created_by=principal.id, created_at=now)
                tx.add(row)
            row.token_hash = digest(token)
            row.token_prefix = token[:12]
            row.signing_secret = secret
            row.rotated_at = now
        return row, token, secret

    async def get(self, principal: Principal, workflow_id: str) -> WorkflowHook:
        await self.workflows.get(principal, workflow_id)
        async with self.db.reading() as tx:
            row = await tx.scalar(
                select(WorkflowHook).where(WorkflowHook.workflow_id == workflow_id)
            )
        if row is None:
            raise NotFoundError("hook", workflow_id)
        return row

    async def delete(self, principal: Principal, workflow_id: str) -> None:
        row = await self.get(principal, workflow_id)
        async with self.db.transaction() as tx:
            await tx.execute(delete(WorkflowHook).where(WorkflowHook.id == row.id))

    async def find(self, token: str) -> Found:
        """The hook of this token.

        Raises:
            UnknownHook: no live hook has it (the same answer whatever the reason).
        """
        async with self.db.reading() as tx:
            found = (
                await tx.execute(
                    select(WorkflowHook, Workflow.owner)
                    .join(Workflow, Workflow.id == WorkflowHook.workflow_id)
                    .where(WorkflowHook.token_hash == digest(token), Workflow.deleted_at.is_(None))
                )
            ).first()
        if found is None:
            raise UnknownHook()
        return Found(found[0], found[1])

    async def deliver(self, found: Found, delivery: Delivery) -> tuple[TaskView, bool]:
        """Start a run with the delivery's body as its inputs; returns (task, created).

        Raises:
            BadSignature: the hook wants signed deliveries and this one's signature is
                missing, wrong, or its timestamp too far from now.
            InvalidInputError: the body is not a JSON object, or its inputs do not fit the
                workflow's input schema (422 naming the field).
        """
        hook = found.hook
        if hook.signing_secret is not None:
            self._verify(hook.signing_secret, delivery)
        inputs = _inputs(delivery.body)
        key = None
        if delivery.delivery_id:
            # Hashed: any length of id makes a key that fits, and the same id the same key.
            hashed = hashlib.sha256(delivery.delivery_id.encode()).hexdigest()[:32]
            key = f"hook:{hook.workflow_id}:{hashed}"
        metadata = {"hook": {"id": hook.id, "delivery": delivery.delivery_id}}
        return await self.workflows.run(
            Principal(found.owner, "user"), hook.workflow_id, inputs, None, metadata, key
        )

    def _verify(self, secret: str, delivery: Delivery) -> None:
        if not delivery.timestamp or not delivery.signature:
            raise BadSignature(
                "This webhook takes signed deliveries only: send X-Orchestra-Timestamp "
                "(Unix seconds) and X-Orchestra-Signature (sha256=<HMAC-SHA256 of "
                "'<timestamp>.<body>'>)."
            )
        try:
            stamped = int(delivery.timestamp)
        except ValueError:
            raise BadSignature("X-Orchestra-Timestamp must be Unix seconds.") from None
        if abs(time.time() - stamped) > self.tolerance:
            raise BadSignature(
                f"The delivery's timestamp is more than {self.tolerance} s from now: sign it "
                "again with the current time."
            )
        expected = sign(secret, delivery.timestamp, delivery.body)
        if not hmac.compare_digest(expected.encode(), delivery.signature.strip().encode()):
            raise BadSignature("The signature does not match the delivery's body.")


def _inputs(body: bytes) -> dict[str, Any]:
    if not body.strip():
        return {}
    try:
        inputs = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        problem = {"field": "body", "problem": f"is not JSON: {exc}"}
        raise InvalidInputError(
            "The body must be a JSON object of the run's inputs.",
            code="invalid_inputs",
            errors=[problem],
        ) from None
    if not isinstance(inputs, dict):
        problem = {"field": "body", "problem": f"is a JSON {type(inputs).__name__}, not an object"}
        raise InvalidInputError(
            "The body must be a JSON object of the run's inputs.",
            code="invalid_inputs",
            errors=[problem],
        )
    return inputs
