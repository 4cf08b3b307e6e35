"""task deletions: what each process reads to drop the views of tasks deleted elsewhere

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "task_deletions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("task_id", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_deletions")),
    )
    op.create_index("ix_task_deletions_deleted", "task_deletions", ["deleted_at"])
    # Deleting a task deletes the session messages it wrote.
    op.create_index("ix_messages_task_id", "messages", ["task_id"])


def downgrade() -> None:
    op.drop_index("ix_messages_task_id", table_name="messages")
    op.drop_index("ix_task_deletions_deleted", table_name="task_deletions")
    op.drop_table("task_deletions")
