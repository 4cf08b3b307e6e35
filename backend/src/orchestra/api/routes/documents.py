"""Documents: upload files for research steps to read, list, read, search, delete them."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Response, UploadFile, status

from orchestra.api.deps import PrincipalDep, ServicesDep
from orchestra.api.schemas import (
    DocumentDetail,
    DocumentList,
    DocumentPublic,
    PassageList,
    PassagePublic,
    error_responses,
)

router = APIRouter(prefix="/api/documents", tags=["documents"])
ERRORS = error_responses(400, 401, 404, 422)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(400, 401, 403, 413, 422),
)
async def upload_document(
    services: ServicesDep,
    principal: PrincipalDep,
    file: Annotated[UploadFile, File(description="A .txt, .md, .pdf, .html or .docx file.")],
    shared: Annotated[
        bool, Form(description="Readable by everyone's research steps (admin only).")
    ] = False,
) -> DocumentPublic:
    """Upload a document: its text is extracted and cut into passages, which research steps
    of the owner's tasks (and everyone's, when shared) search and cite."""
    data = await file.read()
    row = await services.documents.upload(
        principal, file.filename or "", file.content_type, data, shared
    )
    return DocumentPublic.model_validate(row)


@router.get("", responses=ERRORS)
async def list_documents(
    services: ServicesDep,
    principal: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> DocumentList:
    """The caller's documents and the shared ones (an admin's: all), newest first."""
    rows, total = await services.documents.page(principal, limit, offset)
    return DocumentList(
        items=[DocumentPublic.model_validate(r) for r in rows],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.get("/search", responses=ERRORS)
async def search_documents(
    services: ServicesDep,
    principal: PrincipalDep,
    q: Annotated[str, Query(min_length=1, max_length=1000, description="What to look for.")],
    limit: Annotated[int, Query(ge=1, le=50)] = 6,
) -> PassageList:
    """The passages a research step of the caller's would read for `q`, best first."""
    found = await services.documents.search(principal.id, q, limit)
    return PassageList(items=[PassagePublic(**asdict(f)) for f in found])


@router.get("/{document_id}", responses=ERRORS)
async def get_document(
    document_id: str, services: ServicesDep, principal: PrincipalDep
) -> DocumentDetail:
    return DocumentDetail.model_validate(await services.documents.get(document_id, principal))


@router.delete(
    "/{document_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(401, 404, 422),
)
async def delete_document(
    document_id: str, services: ServicesDep, principal: PrincipalDep
) -> Response:
    """Delete the document (its owner or an admin)."""
    await services.documents.delete(document_id, principal)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
