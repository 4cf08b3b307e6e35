"""task_plans (a task's plan versions once it is replanned) and task_steps.superseded_by

Revision ID: 0018_plan_versions
Revises: 0016_step_input
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_plan_versions"
down_revision: str | None = "0016_step_input"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "task_plans",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("task_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("plan", sa.JSON(), nullable=False),
        sa.Column("planner", sa.String(length=20), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("task_id", "version", name="uq_task_plans_version"),
    )
    op.create_index("ix_task_plans_task_id", "task_plans", ["task_id"])
    with op.batch_alter_table("task_steps") as batch_op:
        batch_op.add_column(sa.Column("superseded_by", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("task_steps") as batch_op:
        batch_op.drop_column("superseded_by")
    op.drop_index("ix_task_plans_task_id", table_name="task_plans")
    op.drop_table("task_plans")
