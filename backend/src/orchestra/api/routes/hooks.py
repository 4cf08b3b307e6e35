"""Workflow webhooks: make, rotate, read and delete a workflow's hook (as its owner or an
admin), and the hook's URL, which starts a run with no API key (its token is the key)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from orchestra.api.deps import PrincipalDep, ServicesDep
from orchestra.api.routes.tasks import accepted
from orchestra.api.schemas import HookCreate, HookPublic, HookSecret, TaskPublic, error_responses
from orchestra.auth import Principal
from orchestra.db import WorkflowHook
from orchestra.workflows.hooks import DELIVERY_HEADERS, Delivery

router = APIRouter(tags=["hooks"])
# 400: a body that is not JSON; 413: one past MAX_REQUEST_BYTES, refused unread.
ERRORS = error_responses(400, 401, 404, 413, 422)
HOOK_PATH = "/api/hooks/{token}"


def _public(row: WorkflowHook) -> HookPublic:
    return HookPublic(
        id=row.id,
        workflow_id=row.workflow_id,
        token_prefix=row.token_prefix,
        signed=row.signing_secret is not None,
        created_by=row.created_by,
        created_at=row.created_at,
        rotated_at=row.rotated_at,
    )


@router.post(
    "/api/workflows/{workflow_id}/hooks", status_code=status.HTTP_201_CREATED, responses=ERRORS
)
async def rotate_hook(
    workflow_id: str,
    services: ServicesDep,
    principal: PrincipalDep,
    body: HookCreate | None = None,
) -> HookSecret:
    """Make the workflow's webhook, or give it a new token: the old URL stops working at
    once. The token (in `url`) and the signing secret are shown in this answer only."""
    signed = body.signed if body is not None else False
    row, token, secret = await services.hooks.rotate(principal, workflow_id, signed)
    return HookSecret(
        **_public(row).model_dump(),
        url=HOOK_PATH.format(token=token),
        token=token,
        signing_secret=secret,
    )


@router.get("/api/workflows/{workflow_id}/hooks", responses=ERRORS)
async def get_hook(workflow_id: str, services: ServicesDep, principal: PrincipalDep) -> HookPublic:
    """The workflow's webhook, without its token or secret."""
    return _public(await services.hooks.get(principal, workflow_id))


@router.delete(
    "/api/workflows/{workflow_id}/hooks",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=ERRORS,
)
async def delete_hook(workflow_id: str, services: ServicesDep, principal: PrincipalDep) -> None:
    """Delete the workflow's webhook: its URL stops working."""
    await services.hooks.delete(principal, workflow_id)


@router.post(
    HOOK_PATH,
    status_code=status.HTTP_202_ACCEPTED,
    response_model=TaskPublic,
    responses={
        200: {"model": TaskPublic, "description": "The run an earlier delivery with this "
              "delivery id started: nothing new was started."},
        **error_responses(401, 404, 413, 422, 429),
    },
    # The body is read as it came (its signature covers its bytes): documented here.
    openapi_extra={"requestBody": {"required": False, "content": {"application/json": {
        "schema": {"type": "object", "additionalProperties": True,
                   "description": "The run's inputs."}}}}},
)  # fmt: skip
async def deliver(token: str, request: Request, services: ServicesDep) -> Response:
    """Start a run of the hook's workflow with the JSON object sent as its inputs (422
    `invalid_inputs` names each field that does not fit). No API key: the token is the key;
    an unknown or rotated token is 404 `hook_not_found`.

    A hook made with `signed` wants `X-Orchestra-Timestamp` (Unix seconds, within five
    minutes of now) and `X-Orchestra-Signature: sha256=<hex HMAC-SHA256 of
    "<timestamp>.<body>">`; else 401 `bad_signature`. A delivery id (`X-Orchestra-Delivery`,
    `X-GitHub-Delivery` or `Idempotency-Key`) sent again answers the run it started first.
    """
    found = await services.hooks.find(token)
    # Runs count against their owner's task rate, as if the owner had submitted them.
    services.task_rate.hit(found.owner)
    headers = request.headers
    delivery_id = next((headers[h] for h in DELIVERY_HEADERS if headers.get(h)), None)
    delivery = Delivery(
        body=await request.body(),
        timestamp=headers.get("x-orchestra-timestamp"),
        signature=headers.get("x-orchestra-signature"),
        delivery_id=delivery_id[:200] if delivery_id else None,
    )
    view, created = await services.hooks.deliver(found, delivery)
    return await accepted(view, created, services, Principal(found.owner, "user"), 0)
