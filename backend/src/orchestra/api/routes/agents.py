"""Agents: register from an A2A card URL, list, read, choose how to balance, remove."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from orchestra.api.deps import AdminDep, PrincipalDep, ServicesDep
from orchestra.api.schemas import (
    AgentList,
    AgentPublic,
    AgentRegister,
    AgentUpdate,
    error_responses,
)
from orchestra.api.state import Services
from orchestra.registry import Strategy

router = APIRouter(prefix="/api/agents", tags=["agents"])
ERRORS = error_responses(400, 401, 403, 404, 422)


@router.post("", status_code=status.HTTP_201_CREATED, responses=ERRORS)
async def register_agent(
    body: AgentRegister, services: ServicesDep, _admin: AdminDep
) -> AgentPublic:
    """Fetch the agent's card; its skills become capabilities. Same name = another instance.

    A card that declares a security scheme needs a `credential`; without one (or for a
    scheme Orchestra cannot provide) the agent is registered `usable: false` with the reason,
    and no step is sent to it.
    """
    agent = await services.registry.register(body.card_url, body.credential)
    return AgentPublic.of(agent, await services.registry.figures(), _default(services))


@router.get("")
async def list_agents(services: ServicesDep, _principal: PrincipalDep) -> AgentList:
    agents = await services.registry.all()
    live = await services.registry.figures()
    return AgentList(items=[AgentPublic.of(a, live, _default(services)) for a in agents])


@router.get("/{agent_id}", responses=ERRORS)
async def get_agent(agent_id: str, services: ServicesDep, _principal: PrincipalDep) -> AgentPublic:
    agent = await services.registry.get(agent_id)
    return AgentPublic.of(agent, await services.registry.figures(), _default(services))


@router.patch("/{agent_id}", responses=ERRORS)
async def update_agent(
    agent_id: str, body: AgentUpdate, services: ServicesDep, _admin: AdminDep
) -> AgentPublic:
    """Choose how steps pick among the agent's instances (`balancing`)."""
    agent = await services.registry.set_balancing(agent_id, body.balancing)
    return AgentPublic.of(agent, await services.registry.figures(), _default(services))


@router.delete("/{agent_id}", status_code=status.HTTP_204_NO_CONTENT, responses=ERRORS)
async def delete_agent(agent_id: str, services: ServicesDep, _admin: AdminDep) -> Response:
    """Remove the agent and its instances; steps already assigned to it fail."""
    await services.registry.delete(agent_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _default(services: Services) -> Strategy:
    return services.registry.balancing_default
