"""push_configs (A2A push-notification configs of tasks and their deliveries) and
tasks.hops (how many orchestrators a task's request came through)

Revision ID: 0020_push_configs
Revises: 0019_usage_cost
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_push_configs"
down_revision: str | None = "0019_usage_cost"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tasks") as batch_op:
        batch_op.add_column(sa.Column("hops", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "push_configs",
        sa.Column("task_id", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("token", sa.String(length=1000), nullable=True),
        sa.Column("auth_scheme", sa.String(length=100), nullable=True),
        sa.Column("auth_credentials", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.Column("delivery_id", sa.String(length=32), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_status_code", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("task_id", "id", name=op.f("pk_push_configs")),
    )
    op.create_index("ix_push_configs_status", "push_configs", ["status"])


def downgrade() -> None:
    op.drop_index("ix_push_configs_status", table_name="push_configs")
    op.drop_table("push_configs")
    with op.batch_alter_table("tasks") as batch_op:
        batch_op.drop_column("hops")
