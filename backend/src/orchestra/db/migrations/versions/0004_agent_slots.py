"""agent_slots: the concurrency slots steps hold at their agents

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agent_slots",
        sa.Column("agent_id", sa.String(length=32), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.String(length=32), nullable=False),
        sa.Column("step_key", sa.String(length=50), nullable=False),
        sa.Column("instance_id", sa.String(length=32), nullable=False),
        sa.Column("executor_id", sa.String(length=200), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("agent_id", "slot", name=op.f("pk_agent_slots")),
        sa.UniqueConstraint("task_id", "step_key", name="uq_agent_slots_step"),
    )
    op.create_index(op.f("ix_agent_slots_instance_id"), "agent_slots", ["instance_id"])
    op.create_index(op.f("ix_agent_slots_executor_id"), "agent_slots", ["executor_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_agent_slots_executor_id"), table_name="agent_slots")
    op.drop_index(op.f("ix_agent_slots_instance_id"), table_name="agent_slots")
    op.drop_table("agent_slots")
