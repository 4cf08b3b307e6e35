"""API keys and principals: who is calling, and what they may see.

Keys are random tokens shown once at creation; only their SHA-256 is stored (a fast hash is
enough for 256-bit random secrets, unlike passwords). With authentication off, which is
allowed only while the orchestrator listens on loopback, every caller is the local admin.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import or_, select

from orchestra.db import LOCAL_OWNER, ApiKey, Database
from orchestra.db.base import utcnow
from orchestra.errors import InvalidInputError, NotFoundError

Role = Literal["admin", "user"]
ROLES: tuple[Role, ...] = ("admin", "user")
KEY_PREFIX = "orc_"


@dataclass(frozen=True)
class Principal:
    """The caller: tasks and sessions belong to `id`; an admin sees everything."""

    id: str
    role: Role

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def owns(self, owner: str) -> bool:
        return self.is_admin or owner == self.id


LOCAL = Principal(LOCAL_OWNER, "admin")


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class Keys:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, name: str, role: str) -> tuple[ApiKey, str]:
        """A new key; the returned secret is not stored anywhere."""
        if role not in ROLES:
            raise InvalidInputError(f"role must be one of {', '.join(ROLES)}, not '{role}'.")
        secret = KEY_PREFIX + secrets.token_urlsafe(32)
        row = ApiKey(name=name, role=role, prefix=secret[:12], key_hash=digest(secret))
        async with self.db.transaction() as tx:
            tx.add(row)
        return row, secret

    async def ensure(self, secret: str, role: str, name: str) -> None:
        """Accept a key given from outside (ADMIN_KEY); a revoked one stays revoked."""
        if not secret.startswith(KEY_PREFIX) or len(secret) < 24:
            raise InvalidInputError(
                f"ADMIN_KEY must start with '{KEY_PREFIX}' and be at least 24 characters; "
                "make one with `orchestra keys create` or any random token."
            )
        async with self.db.transaction() as tx:
            found = await tx.scalar(select(ApiKey.id).where(ApiKey.key_hash == digest(secret)))
            if found is None:
                tx.add(ApiKey(name=name, role=role, prefix=secret[:12], key_hash=digest(secret)))

    async def all(self) -> list[ApiKey]:
        async with self.db.reading() as tx:
            return list(await tx.scalars(select(ApiKey).order_by(ApiKey.created_at)))

    async def revoke(self, ident: str) -> ApiKey:
        """Revoke by id or by the prefix shown at creation."""
        async with self.db.transaction() as tx:
            row = await tx.scalar(
                select(ApiKey).where(or_(ApiKey.id == ident, ApiKey.prefix == ident))
            )
            if row is None:
                raise NotFoundError("api_key", ident)
            row.revoked_at = row.revoked_at or utcnow()
            return row

    async def authenticate(self, secret: str) -> Principal | None:
        """The key's principal; asked of the database every time, so that a key revoked
        anywhere stops working at once (one indexed read beside the writer)."""
        hashed = digest(secret)
        row = await self.db.read(
            lambda c: c.execute(
                select(ApiKey.id, ApiKey.role).where(
                    ApiKey.key_hash == hashed, ApiKey.revoked_at.is_(None)
                )
            ).first()
        )
        if row is None:
            return None
        return Principal(row.id, "admin" if row.role == "admin" else "user")
