"""task_steps.kind, .profile and .consensus: consensus steps and their participants

`kind` is `agent` for a step sent to an agent (every step stored before), `participant` for
one participant of a consensus step, `consensus` for the step that aggregates them in the
orchestrator. `profile` pins a participant to the instances serving that model profile;
`consensus` holds the aggregate step's settings, or a participant's place in its consensus.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("task_steps") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="agent")
        )
        batch.add_column(sa.Column("profile", sa.String(length=50), nullable=True))
        batch.add_column(sa.Column("consensus", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("task_steps") as batch:
        batch.drop_column("consensus")
        batch.drop_column("profile")
        batch.drop_column("kind")
