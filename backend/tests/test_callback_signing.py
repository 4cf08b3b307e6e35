"""How callbacks are signed and checked, the keys they are signed with, and their backoff."""

from __future__ import annotations

from pathlib import Path

import pytest

from orchestra import secret_key
from orchestra.callbacks.delivery import DeliveryPolicy
from orchestra.callbacks.signing import InvalidSignature, sign, verify
from orchestra.config import Settings

KEY = bytes(range(32))
BODY = b'{"id": "t1", "status": "completed"}'


def test_a_signed_body_verifies_with_its_key_only() -> None:
    headers = sign(KEY, BODY, now=1_000_000)
    assert verify(KEY.hex(), headers, BODY, now=1_000_010) == 1_000_000
    lower = {name.lower(): value for name, value in headers.items()}
    assert verify(KEY, lower, BODY, now=1_000_010) == 1_000_000
    with pytest.raises(InvalidSignature, match="does not match"):
        verify(bytes(32), headers, BODY, now=1_000_010)
    with pytest.raises(InvalidSignature, match="does not match"):
        verify(KEY, headers, BODY + b" ", now=1_000_010)


def test_an_old_or_moved_timestamp_is_refused() -> None:
    headers = sign(KEY, BODY, now=1_000_000)
    with pytest.raises(InvalidSignature, match="replay"):
        verify(KEY, headers, BODY, now=1_000_000 + 301)
    # The timestamp is signed too: moving it forward breaks the signature.
    moved = {**headers, "Orchestra-Timestamp": str(1_000_300)}
    with pytest.raises(InvalidSignature, match="does not match"):
        verify(KEY, moved, BODY, now=1_000_300)
    with pytest.raises(InvalidSignature, match="missing"):
        verify(KEY, {}, BODY)


def test_the_secret_is_made_once_and_kept(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    made = secret_key.load(settings)
    assert len(made) >= 48 and secret_key.load(settings) == made
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert secret_key.load(Settings(data_dir=tmp_path, secret_key="given")) == b"given"


def test_each_owner_has_a_key_of_its_own() -> None:
    keys = {secret_key.derive(b"secret", f"callback:{owner}") for owner in ("a", "b", "local")}
    assert len(keys) == 3
    assert secret_key.derive(b"other", "callback:a") not in keys


def test_the_wait_between_attempts_doubles_up_to_its_cap() -> None:
    policy = DeliveryPolicy(backoff=1.0, max_backoff=5.0)
    assert [policy.delay(n) for n in range(1, 6)] == [1.0, 2.0, 4.0, 5.0, 5.0]
