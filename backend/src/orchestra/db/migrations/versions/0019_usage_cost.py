"""LLM usage and cost: which profile and model answered a step and what it cost; a task's own
calls (planner, synthesis) by profile

Revision ID: 0019_usage_cost
Revises: 0018_plan_versions
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_usage_cost"
down_revision: str | None = "0018_plan_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("task_steps") as batch_op:
        batch_op.add_column(sa.Column("llm_profile", sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column("llm_model", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("cost_usd", sa.Float(), nullable=True))
    with op.batch_alter_table("tasks") as batch_op:
        batch_op.add_column(sa.Column("usage", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tasks") as batch_op:
        batch_op.drop_column("usage")
    with op.batch_alter_table("task_steps") as batch_op:
        batch_op.drop_column("cost_usd")
        batch_op.drop_column("llm_model")
        batch_op.drop_column("llm_profile")
