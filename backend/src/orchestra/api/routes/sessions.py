"""Sessions: a user's tasks in a row, whose history the planner reads."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from orchestra.api.deps import PrincipalDep, ServicesDep
from orchestra.api.schemas import (
    MessageList,
    MessagePublic,
    SessionCreate,
    SessionList,
    SessionPublic,
    error_responses,
)

router = APIRouter(prefix="/api/sessions", tags=["sessions"])
ERRORS = error_responses(400, 401, 404, 422)


@router.post("", status_code=status.HTTP_201_CREATED, responses=ERRORS)
async def create_session(
    body: SessionCreate, services: ServicesDep, principal: PrincipalDep
) -> SessionPublic:
    return SessionPublic.of(await services.sessions.create(principal, body.title, body.metadata))


@router.get("", responses=ERRORS)
async def list_sessions(
    services: ServicesDep,
    principal: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> SessionList:
    """The caller's sessions, newest first."""
    rows, total = await services.sessions.page(principal, limit, offset)
    return SessionList(
        items=[SessionPublic.of(r, m, t) for r, m, t in rows],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.get("/{session_id}", responses=ERRORS)
async def get_session(
    session_id: str, services: ServicesDep, principal: PrincipalDep
) -> SessionPublic:
    row, messages, tasks = await services.sessions.get(session_id, principal)
    return SessionPublic.of(row, messages, tasks)


@router.delete(
    "/{session_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(401, 404, 409, 422),
)
async def delete_session(
    session_id: str, services: ServicesDep, principal: PrincipalDep
) -> Response:
    """Delete the session with its messages and its tasks (running ones are canceled
    first). The owner or an admin only."""
    await services.history.delete_session(session_id, principal)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{session_id}/messages", responses=ERRORS)
async def list_messages(
    session_id: str,
    services: ServicesDep,
    principal: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> MessageList:
    """Oldest first: the user's tasks and the results they got."""
    rows, total = await services.sessions.messages(session_id, principal, limit, offset)
    return MessageList(
        items=[MessagePublic.of(m) for m in rows], total=total, limit=limit, offset=offset
    )
