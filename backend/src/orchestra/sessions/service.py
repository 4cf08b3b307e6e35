"""Sessions and their messages: create, list and read them, for their owner only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from orchestra.auth import Principal
from orchestra.db import Database, Message, Session, Task
from orchestra.errors import NotFoundError


class Sessions:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, principal: Principal, title: str, metadata: dict[str, Any]) -> Session:
        async with self.db.transaction() as tx:
            row = Session(owner=principal.id, title=title, metadata_=metadata)
            tx.add(row)
        return row

    async def ensure(self, principal: Principal, session_id: str, title: str) -> None:
        """The session `session_id` of the caller, made now if it does not exist.

        Raises:
            NotFoundError: it exists and belongs to someone else.
        """
        async with self.db.reading() as tx:
            found = await tx.get(Session, session_id)
        if found is None:
            try:
                async with self.db.transaction() as tx:
                    tx.add(Session(id=session_id, owner=principal.id, title=title, metadata_={}))
                return
            except IntegrityError:
                pass  # made by a concurrent request a moment ago: check whose it is
            async with self.db.reading() as tx:
                found = await tx.get(Session, session_id)
        if found is None or not principal.owns(found.owner):
            raise NotFoundError("session", session_id)

    async def page(
        self, principal: Principal, limit: int, offset: int
    ) -> tuple[list[tuple[Session, int, int]], int]:
        """Newest first, each with its message and task counts."""
        query = select(Session)
        count = select(func.count()).select_from(Session)
        if not principal.is_admin:
            query = query.where(Session.owner == principal.id)
            count = count.where(Session.owner == principal.id)
        async with self.db.reading() as tx:
            total = await tx.scalar(count)
            messages = (
                select(func.count())
                .select_from(Message)
                .where(Message.session_id == Session.id)
                .scalar_subquery()
            )
            tasks = (
                select(func.count())
                .select_from(Task)
                .where(Task.session_id == Session.id)
                .scalar_subquery()
            )
            rows = await tx.execute(
                query.add_columns(messages, tasks)
                .order_by(Session.created_at.desc(), Session.id)
                .limit(limit)
                .offset(offset)
            )
            found = [(row, int(m or 0), int(t or 0)) for row, m, t in rows.tuples()]
            return found, total or 0

    async def get(self, session_id: str, principal: Principal) -> tuple[Session, int, int]:
        """The session with its message and task counts."""
        async with self.db.reading() as tx:
            row = await _owned(tx, session_id, principal)
            messages = await tx.scalar(
                select(func.count()).select_from(Message).where(Message.session_id == session_id)
            )
            tasks = await tx.scalar(
                select(func.count()).select_from(Task).where(Task.session_id == session_id)
            )
        return row, messages or 0, tasks or 0

    async def messages(
        self, session_id: str, principal: Principal, limit: int, offset: int
    ) -> tuple[list[Message], int]:
        async with self.db.reading() as tx:
            await _owned(tx, session_id, principal)
            total = await tx.scalar(
                select(func.count()).select_from(Message).where(Message.session_id == session_id)
            )
            rows = await tx.scalars(
                select(Message)
                .where(Message.session_id == session_id)
                .order_by(Message.created_at, Message.id)
                .limit(limit)
                .offset(offset)
            )
            return list(rows), total or 0


async def _owned(tx: AsyncSession, session_id: str, principal: Principal) -> Session:
    """The session, if the caller may see it; another owner's session is "not found" too."""
    row = await tx.get(Session, session_id)
    if row is None or not principal.owns(row.owner):
        raise NotFoundError("session", session_id)
    return row
