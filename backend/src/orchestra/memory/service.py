"""Sessions and messages."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from orchestra.db import Database, Message, Session, Task
from orchestra.errors import NotFoundError


class Sessions:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, title: str, metadata: dict[str, Any]) -> Session:
        async with self.db.session() as session:
            row = Session(title=title, metadata_=metadata)
            session.add(row)
        return row

    async def get(self, session_id: str) -> tuple[Session, int, int]:
        """The session with its message and task counts."""
        async with self.db.session() as session:
            row = await session.get(Session, session_id)
            if row is None:
                raise NotFoundError("session", session_id)
            messages = await session.scalar(
                select(func.count()).select_from(Message).where(Message.session_id == session_id)
            )
            tasks = await session.scalar(
                select(func.count()).select_from(Task).where(Task.session_id == session_id)
            )
        return row, messages or 0, tasks or 0

    async def messages(self, session_id: str, limit: int, offset: int) -> tuple[list[Message], int]:
        async with self.db.session() as session:
            if await session.get(Session, session_id) is None:
                raise NotFoundError("session", session_id)
            total = await session.scalar(
                select(func.count()).select_from(Message).where(Message.session_id == session_id)
            )
            rows = await session.scalars(
                select(Message)
                .where(Message.session_id == session_id)
                .order_by(Message.created_at, Message.id)
                .limit(limit)
                .offset(offset)
            )
            return list(rows), total or 0
