"""step_id: a step's identifier within its plan has one name in every table

`task_steps.key`, `task_events.step_key` and `agent_slots.step_key` become `step_id`, and
the unique constraints on them are named after it. Batch mode copies the tables on SQLite
(a constraint is made again in a batch of its own: one made in the batch that renames its
column is lost there); PostgreSQL renames in place.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _rename("task_steps", "key", "step_id", "uq_task_steps_task_key", "uq_task_steps_step")
    with op.batch_alter_table("task_events") as batch:
        batch.alter_column("step_key", new_column_name="step_id")
    _rename("agent_slots", "step_key", "step_id", "uq_agent_slots_step", "uq_agent_slots_step")


def downgrade() -> None:
    _rename("agent_slots", "step_id", "step_key", "uq_agent_slots_step", "uq_agent_slots_step")
    with op.batch_alter_table("task_events") as batch:
        batch.alter_column("step_id", new_column_name="step_key")
    _rename("task_steps", "step_id", "key", "uq_task_steps_step", "uq_task_steps_task_key")


def _rename(table: str, column: str, to: str, unique: str, new_unique: str) -> None:
    """Rename `column`, part of the unique constraint (task_id, column), and the constraint."""
    with op.batch_alter_table(table) as batch:
        batch.drop_constraint(unique, type_="unique")
        batch.alter_column(column, new_column_name=to)
    with op.batch_alter_table(table) as batch:
        batch.create_unique_constraint(new_unique, ["task_id", to])
