"""Who is calling: lets clients show or hide what the caller's role allows."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from orchestra.api.deps import PrincipalDep, ServicesDep
from orchestra.api.schemas import error_responses

router = APIRouter(prefix="/api/auth", tags=["auth"])


class Me(BaseModel):
    id: str
    role: str
    auth_enabled: bool


@router.get("/me", responses=error_responses(401))
async def me(principal: PrincipalDep, services: ServicesDep) -> Me:
    """The caller's key id and role (`local` admin when authentication is off)."""
    return Me(id=principal.id, role=principal.role, auth_enabled=services.settings.auth_enabled)
