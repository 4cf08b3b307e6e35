"""task_steps.question and task_steps.reply: an agent's question (input-required) and its reply

Revision ID: 0016_step_input
Revises: 0015
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_step_input"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("task_steps") as batch_op:
        batch_op.add_column(sa.Column("question", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("reply", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("task_steps") as batch_op:
        batch_op.drop_column("reply")
        batch_op.drop_column("question")
