"""Documents: upload, list, read, delete, and search the passages a user may read.

A document belongs to its owner; an admin may share one with everyone. Its text is cut
into passages when it is uploaded (`orchestra.passages`, as the research corpus is), and
the passages are stored: the database is the truth for every process. Each process keeps
the passages' search terms in memory per document, loaded on a document's first search
and dropped when it is deleted, so a search costs one query for which documents the
reader may see, then BM25 over terms already made.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select

from orchestra.auth import Principal
from orchestra.db import DOCUMENTS, PASSAGES, Database
from orchestra.db.base import new_id, utcnow
from orchestra.documents.extract import UnreadableDocument, extract_text
from orchestra.errors import Forbidden, NotFoundError
from orchestra.passages import bm25_rank, passages_of, terms_of

__all__ = ["Documents", "Found"]

log = logging.getLogger(__name__)

# What a listing shows of a document (its text only when one document is read).
LISTED = [c for c in DOCUMENTS.c if c.name != "text"]


@dataclass(frozen=True)
class Found:
    """A passage found by a search, with where it comes from."""

    document_id: str
    document: str
    passage: int
    """The passage's number in its document, from 1."""
    text: str
    score: float


@dataclass(frozen=True)
class _Indexed:
    name: str
    texts: tuple[str, ...]
    terms: tuple[list[str], ...]


class Documents:
    def __init__(self, db: Database, max_bytes: int) -> None:
        self.db = db
        self.max_bytes = max_bytes
        self._index: dict[str, _Indexed] = {}

    async def upload(
        self,
        principal: Principal,
        filename: str,
        content_type: str | None,
        data: bytes,
        shared: bool = False,
    ) -> dict[str, Any]:
        """Read the document's text, cut it into passages and store it; returns its row.

        Raises:
            Forbidden: `shared` by someone who is not an admin.
            UnreadableDocument: too large, an unsupported format, or no text in it.
        """
        if shared and not principal.is_admin:
            raise Forbidden("Only an admin may share a document with everyone.")
        name = PurePath(filename or "document").name[:255] or "document"
        if len(data) > self.max_bytes:
            raise UnreadableDocument(
                f"{name!r} is {len(data):,} bytes; the limit is {self.max_bytes:,} bytes "
                "(MAX_DOCUMENT_BYTES).",
                code="document_too_large",
            )
        kind, text = await asyncio.to_thread(extract_text, name, content_type, data)
        passages = passages_of(name, text)
        if not passages:
            raise UnreadableDocument(
                f"{name!r} has no sentences to search (only headings or short lines).",
                code="document_empty",
            )
        row = {
            "id": new_id(),
            "owner": principal.id,
            "name": name,
            "format": kind,
            "size": len(data),
            "shared": shared,
            "text": text,
            "passages": len(passages),
            "created_at": utcnow(),
        }

        def work(connection: Connection) -> None:
            connection.execute(insert(DOCUMENTS).values(**row))
            connection.execute(
                insert(PASSAGES),
                [{"document_id": row["id"], "position": p.index, "text": p.text} for p in passages],
            )

        await self.db.run(work)
        return row

    async def page(
        self, principal: Principal, limit: int, offset: int
    ) -> tuple[list[dict[str, Any]], int]:
        """The documents the caller may read, newest first (without their text)."""
        visible = _visible(principal)

        def read(connection: Connection) -> tuple[list[dict[str, Any]], int]:
            total = connection.scalar(select(func.count()).select_from(DOCUMENTS).where(visible))
            rows = connection.execute(
                select(*LISTED)
                .where(visible)
                .order_by(DOCUMENTS.c.created_at.desc(), DOCUMENTS.c.id)
                .limit(limit)
                .offset(offset)
            ).mappings()
            return [dict(r) for r in rows], int(total or 0)

        return await self.db.read(read)

    async def get(self, document_id: str, principal: Principal) -> dict[str, Any]:
        """The document with its text, if the caller may read it."""
        row = await self.db.read(
            lambda c: (
                c.execute(
                    select(DOCUMENTS).where(DOCUMENTS.c.id == document_id, _visible(principal))
                )
                .mappings()
                .first()
            )
        )
        if row is None:
            raise NotFoundError("document", document_id)
        return dict(row)

    async def delete(self, document_id: str, principal: Principal) -> None:
        """Delete the document: its owner's or an admin's to delete (a shared one too)."""

        def work(connection: Connection) -> bool:
            owner = connection.scalar(
                select(DOCUMENTS.c.owner).where(DOCUMENTS.c.id == document_id)
            )
            if owner is None or not principal.owns(owner):
                return False
            connection.execute(delete(PASSAGES).where(PASSAGES.c.document_id == document_id))
            connection.execute(delete(DOCUMENTS).where(DOCUMENTS.c.id == document_id))
            return True

        if not await self.db.run(work):
            raise NotFoundError("document", document_id)
        self._index.pop(document_id, None)

    async def search(self, owner: str, query: str, limit: int = 6) -> list[Found]:
        """The best passages for `query` among the documents `owner` may read: their own
        and the shared ones. An empty list when nothing matches well enough."""
        terms = terms_of(query, query=True)
        if not terms:
            return []
        ids: list[str] = await self.db.read(
            lambda c: list(
                c.scalars(
                    select(DOCUMENTS.c.id).where(
                        or_(DOCUMENTS.c.owner == owner, DOCUMENTS.c.shared.is_(True))
                    )
                )
            )
        )
        if not ids:
            return []
        missing = [i for i in ids if i not in self._index]
        if missing:
            await self._load(missing)
        return await asyncio.to_thread(self._rank, ids, terms, limit)

    def _rank(self, ids: list[str], terms: list[str], limit: int) -> list[Found]:
        keys: list[tuple[str, int]] = []
        tokens: list[list[str]] = []
        for document_id in ids:
            indexed = self._index.get(document_id)
            if indexed is None:  # deleted between the query and now
                continue
            for position, passage_terms in enumerate(indexed.terms):
                keys.append((document_id, position))
                tokens.append(passage_terms)
        scores = bm25_rank(terms, tokens)
        matching = [(s, k) for s, k in zip(scores, keys, strict=True) if s > 0]
        best = sorted(matching, reverse=True)[:limit]
        return [
            Found(d, self._index[d].name, p + 1, self._index[d].texts[p], round(s, 3))
            for s, (d, p) in best
        ]

    async def _load(self, ids: list[str]) -> None:
        def read(connection: Connection) -> list[Any]:
            return list(
                connection.execute(
                    select(DOCUMENTS.c.id, DOCUMENTS.c.name, PASSAGES.c.text)
                    .join(PASSAGES, PASSAGES.c.document_id == DOCUMENTS.c.id)
                    .where(DOCUMENTS.c.id.in_(ids))
                    .order_by(DOCUMENTS.c.id, PASSAGES.c.position)
                )
            )

        rows = await self.db.read(read)
        texts: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        for document_id, name, text in rows:
            texts.setdefault(document_id, []).append(text)
            names[document_id] = name

        def index() -> None:
            for document_id, passages in texts.items():
                self._index[document_id] = _Indexed(
                    names[document_id], tuple(passages), tuple(terms_of(t) for t in passages)
                )

        await asyncio.to_thread(index)


def _visible(principal: Principal) -> Any:
    """Which documents the caller may read: all for an admin, else their own and shared."""
    if principal.is_admin:
        return DOCUMENTS.c.id.is_not(None)
    return or_(DOCUMENTS.c.owner == principal.id, DOCUMENTS.c.shared.is_(True))
