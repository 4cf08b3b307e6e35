"""Who is calling (so clients show or hide what the caller's role allows), and the caller's
callback signing key."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from orchestra.api.deps import PrincipalDep, ServicesDep
from orchestra.api.schemas import error_responses
from orchestra.errors import InvalidInputError

router = APIRouter(prefix="/api/auth", tags=["auth"])


class Me(BaseModel):
    id: str
    role: str
    auth_enabled: bool


@router.get("/me", responses=error_responses(401))
async def me(principal: PrincipalDep, services: ServicesDep) -> Me:
    """The caller's key id and role (`local` admin when authentication is off)."""
    return Me(id=principal.id, role=principal.role, auth_enabled=services.settings.auth_enabled)


class CallbackKey(BaseModel):
    owner: str = Field(description="The key id (or `local`) whose tasks' callbacks it signs.")
    key: str = Field(
        description="Hex HMAC-SHA256 key: verify `Orchestra-Signature` with it "
        "(`orchestra.client.verify_callback`)."
    )


@router.get("/callback-key", responses=error_responses(401, 422))
async def callback_key(principal: PrincipalDep, services: ServicesDep) -> CallbackKey:
    """The key that signs the callbacks of the caller's tasks: one per API key (derived from
    SECRET_KEY, so it changes only with it), or the deployment's when authentication is off."""
    deliveries = services.executor.rt.deliveries
    if deliveries is None:
        raise InvalidInputError("This process delivers no callbacks.", code="callbacks_unavailable")
    return CallbackKey(owner=principal.id, key=deliveries.key_of(principal.id).hex())
