"""task callbacks and agent credentials: a task's callback_url, the delivery of each
finished task to it, and the encrypted credential of an agent (and why one is unusable)

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tasks") as batch_op:
        batch_op.add_column(sa.Column("callback_url", sa.String(length=2000), nullable=True))
    op.create_table(
        "callback_deliveries",
        sa.Column("task_id", sa.String(length=32), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_status_code", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["tasks.id"],
            name=op.f("fk_callback_deliveries_task_id_tasks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("task_id", name=op.f("pk_callback_deliveries")),
    )
    op.create_index("ix_callback_deliveries_status", "callback_deliveries", ["status"])
    with op.batch_alter_table("agents") as batch_op:
        batch_op.add_column(sa.Column("credential", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("unusable_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agents") as batch_op:
        batch_op.drop_column("unusable_reason")
        batch_op.drop_column("credential")
    op.drop_index("ix_callback_deliveries_status", table_name="callback_deliveries")
    op.drop_table("callback_deliveries")
    with op.batch_alter_table("tasks") as batch_op:
        batch_op.drop_column("callback_url")
