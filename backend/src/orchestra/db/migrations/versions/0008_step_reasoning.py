"""task_steps.reasoning and task_steps.progress: what an agent said besides its answer

`reasoning` is a reasoning model's thinking, which the agent sends apart from the answer;
`progress` the status messages it sent while it worked. Both null for steps run before.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("task_steps") as batch:
        batch.add_column(sa.Column("reasoning", sa.Text(), nullable=True))
        batch.add_column(sa.Column("progress", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("task_steps") as batch:
        batch.drop_column("progress")
        batch.drop_column("reasoning")
