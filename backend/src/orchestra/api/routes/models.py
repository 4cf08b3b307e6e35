"""Models: the model profiles this orchestrator knows, and which the planner and synthesis use."""

from __future__ import annotations

from fastapi import APIRouter

from orchestra import metrics
from orchestra.api.deps import PrincipalDep, ServicesDep
from orchestra.api.schemas import ModelList, ModelPublic, error_responses

router = APIRouter(prefix="/api/models", tags=["models"])


@router.get("", responses=error_responses(401))
async def list_models(services: ServicesDep, _principal: PrincipalDep) -> ModelList:
    """Every profile with its provider, model and limits; whether its key is set, never the key.
    A profile with several hosts lists them with their health (probed every health round).

    Agents run the profile they were started with (`--model`); their instances say which.
    Each profile's prices and what this process's tasks used of it since it started.
    """
    settings = services.settings
    used = metrics.usage_by_profile()
    return ModelList(
        items=[
            ModelPublic.of(profile, services.hosts.get(profile.name), used.get(profile.name))
            for profile in services.profiles.values()
        ],
        planner=settings.planner_model,
        synthesis=settings.synthesis_model,
    )
