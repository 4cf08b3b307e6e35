"""Typed dependencies for the routes: the services, and who is calling."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from orchestra.api.state import Services
from orchestra.auth import LOCAL, Principal
from orchestra.errors import Forbidden, Unauthorized


async def get_services(request: Request) -> Services:
    # async: FastAPI runs a plain function dependency in a worker thread, on every request.
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


async def get_principal(request: Request, services: ServicesDep) -> Principal:
    """The caller from `Authorization: Bearer <key>`; the local admin when auth is off."""
    return await principal_of(services, request.headers.get("authorization", ""))


async def principal_of(services: Services, authorization: str) -> Principal:
    """The caller named by an `Authorization` header's value.

    Raises:
        Unauthorized: authentication is on and the key is missing, unknown or revoked.
    """
    if not services.settings.auth_enabled:
        return LOCAL
    scheme, _, secret = authorization.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise Unauthorized("Send an API key as 'Authorization: Bearer <key>'.")
    principal = await services.keys.authenticate(secret.strip())
    if principal is None:
        raise Unauthorized("The API key is not valid (unknown or revoked).")
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]


async def get_admin(principal: PrincipalDep) -> Principal:
    if not principal.is_admin:
        raise Forbidden("This needs an admin key.")
    return principal


AdminDep = Annotated[Principal, Depends(get_admin)]
