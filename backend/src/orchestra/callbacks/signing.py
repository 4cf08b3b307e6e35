"""How a callback is signed, and how its receiver checks it.

Each delivery carries `Orchestra-Timestamp` (Unix seconds) and `Orchestra-Signature`
(`v1=` and the hex HMAC-SHA256 of `<timestamp>.<body>` under the task owner's callback
key). A receiver recomputes it over the raw body, compares in constant time, and refuses a
timestamp older than a few minutes, so a recorded delivery cannot be replayed later.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping

TIMESTAMP = "Orchestra-Timestamp"
SIGNATURE = "Orchestra-Signature"
TASK_ID = "Orchestra-Task-Id"
ATTEMPT = "Orchestra-Attempt"
VERSION = "v1"
# How old a delivery's timestamp may be when it is checked (and how far in the future).
TOLERANCE_SECONDS = 300


class InvalidSignature(Exception):
    """A callback whose signature or timestamp does not verify: refuse it."""


def signature(key: bytes, timestamp: int, body: bytes) -> str:
    digest = hmac.new(key, str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"{VERSION}={digest}"


def sign(key: bytes, body: bytes, now: float | None = None) -> dict[str, str]:
    """The signature headers of one delivery of `body`."""
    timestamp = int(time.time() if now is None else now)
    return {TIMESTAMP: str(timestamp), SIGNATURE: signature(key, timestamp, body)}


def verify(
    key: bytes | str,
    headers: Mapping[str, str],
    body: bytes,
    tolerance: float = TOLERANCE_SECONDS,
    now: float | None = None,
) -> int:
    """Check a delivery as received; returns its timestamp.

    `key`: the callback key (as `GET /api/auth/callback-key` gives it, hex text, or bytes).
    `headers`: the request's headers (any mapping; names are matched without case).

    Raises:
        InvalidSignature: a header is missing, the signature does not match the body, or
            the timestamp is further than `tolerance` seconds from now (a replay).
    """
    if isinstance(key, str):
        key = bytes.fromhex(key)
    found = {name.lower(): value for name, value in headers.items()}
    stamp, given = found.get(TIMESTAMP.lower()), found.get(SIGNATURE.lower())
    if not stamp or not given:
        raise InvalidSignature(f"missing {TIMESTAMP} or {SIGNATURE} header")
    try:
        timestamp = int(stamp)
    except ValueError:
        raise InvalidSignature(f"{TIMESTAMP} is not a number: {stamp!r}") from None
    if not hmac.compare_digest(signature(key, timestamp, body), given.strip()):
        raise InvalidSignature("the signature does not match the body")
    age = (time.time() if now is None else now) - timestamp
    if abs(age) > tolerance:
        raise InvalidSignature(f"the timestamp is {age:.0f} s away from now (a replay?)")
    return timestamp
