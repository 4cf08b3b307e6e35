"""The deployment's secret key (SECRET_KEY), and the keys derived from it for each use.

One secret per deployment; each use gets its own key derived from it (HMAC-SHA256 of the
use's name), so a key handed out for one use (a callback signing key) reveals nothing of
the secret or of the keys of other uses. Without SECRET_KEY a random one is made at first
start and kept in DATA_DIR/secret_key, readable by its owner only.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from orchestra.config import Settings

FILE_NAME = "secret_key"


def load(settings: Settings) -> bytes:
    """The secret: SECRET_KEY, else the one kept under DATA_DIR (made now if there is none).

    Blocking file I/O: call it at start (or through `asyncio.to_thread`).
    """
    given = settings.secret_key.get_secret_value().strip()
    if given:
        return given.encode()
    path = settings.data_dir / FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        # Written whole beside it, then linked into place: processes starting together on
        # one DATA_DIR all read the first one linked, never a half-written file.
        draft = path.with_name(f"{FILE_NAME}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(48))
        try:
            with contextlib.suppress(FileExistsError):
                os.link(draft, path)
        finally:
            draft.unlink()
    return _read(path)


def _read(path: Path) -> bytes:
    text = path.read_text().strip()
    if not text:
        raise RuntimeError(f"{path} is empty: delete it (a new one is made) or set SECRET_KEY.")
    return text.encode()


def derive(secret: bytes, use: str) -> bytes:
    """The key of one use (e.g. `callback:<owner>`), derived from the secret."""
    return hmac.new(secret, use.encode(), hashlib.sha256).digest()
