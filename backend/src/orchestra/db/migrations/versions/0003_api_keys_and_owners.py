"""API keys, an owner on tasks and sessions, and the trace a task belongs to

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
    )
    # Rows made before keys existed belong to the local (loopback, no-auth) owner.
    with op.batch_alter_table("tasks") as batch_op:
        batch_op.add_column(
            sa.Column("owner", sa.String(length=64), nullable=False, server_default="local")
        )
        batch_op.create_index("ix_tasks_owner_created", ["owner", "created_at"])
        batch_op.add_column(sa.Column("trace_context", sa.JSON(), nullable=True))
    with op.batch_alter_table("sessions") as batch_op:
        batch_op.add_column(
            sa.Column("owner", sa.String(length=64), nullable=False, server_default="local")
        )
        batch_op.create_index(batch_op.f("ix_sessions_owner"), ["owner"])


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_owner"))
        batch_op.drop_column("owner")
    with op.batch_alter_table("tasks") as batch_op:
        batch_op.drop_column("trace_context")
        batch_op.drop_index("ix_tasks_owner_created")
        batch_op.drop_column("owner")
    op.drop_table("api_keys")
