"""tasks.executor_id (the process that runs a task outside a durable workflow)

Revision ID: 0021_task_executor
Revises: 0020_push_configs
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_task_executor"
down_revision: str | None = "0020_push_configs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tasks") as batch_op:
        batch_op.add_column(sa.Column("executor_id", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tasks") as batch_op:
        batch_op.drop_column("executor_id")
