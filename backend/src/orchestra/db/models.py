"""ORM tables: agents and their instances, tasks, steps, events, sessions and messages,
workflows, their versions, schedules and webhooks."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from orchestra.db.base import Base, new_id, utcnow


class TaskStatus(StrEnum):
    """A task's state: pending (in line), planning, awaiting approval of its plan (when it is
    reviewed), running, input_required (an agent asked a question and waits for the reply),
    then completed, failed or canceled."""

    PENDING = "pending"
    PLANNING = "planning"
    AWAITING_APPROVAL = "awaiting_approval"
    RUNNING = "running"
    INPUT_REQUIRED = "input_required"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELED = "canceled"

    @property
    def terminal(self) -> bool:
        return self in (TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELED)


class StepStatus(StrEnum):
    """A step's state: pending, running, input_required (its agent asked a question and
    waits for the reply), then completed, failed, canceled, or skipped (its task ended
    before it could start)."""

    PENDING = "pending"
    RUNNING = "running"
    INPUT_REQUIRED = "input_required"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELED = "canceled"
    SKIPPED = "skipped"

    @property
    def terminal(self) -> bool:
        return self not in (StepStatus.PENDING, StepStatus.RUNNING, StepStatus.INPUT_REQUIRED)


class StepKind(StrEnum):
    """What runs a step: an agent, one participant of a consensus, the consensus itself
    (which aggregates its participants' answers in the orchestrator, with no agent call),
    a workflow step run once per item of an earlier step's data (its items are agent steps
    `<id>#<n>`, made once that data is known; the step itself calls no agent), or a person:
    an approval step waits, as `input_required`, for someone to approve or reject it
    (`executor.approvals`)."""

    AGENT = "agent"
    PARTICIPANT = "participant"
    CONSENSUS = "consensus"
    FAN_OUT = "fan_out"
    APPROVAL = "approval"


class InstanceHealth(StrEnum):
    """Whether an agent instance answered its last probe or call."""

    HEALTHY = "healthy"
    UNHEALTHY = "unhealthy"


class EventType(StrEnum):
    """What a task event says happened: `task.<status>` or `step.<status>`, and the rest."""

    TASK_CREATED = "task.created"
    TASK_PLANNING = "task.planning"
    TASK_PLANNED = "task.planned"
    TASK_AWAITING_APPROVAL = "task.awaiting_approval"
    TASK_PLAN_CHANGED = "task.plan_changed"
    TASK_REPLANNED = "task.replanned"
    TASK_NOT_REPLANNED = "task.not_replanned"
    TASK_APPROVED = "task.approved"
    TASK_RUNNING = "task.running"
    TASK_INPUT_REQUIRED = "task.input_required"
    TASK_COMPLETED = "task.completed"
    TASK_FAILED = "task.failed"
    TASK_CANCELED = "task.canceled"
    STEP_RUNNING = "step.running"
    STEP_ATTEMPT = "step.attempt"
    STEP_INPUT_REQUIRED = "step.input_required"
    STEP_REPLIED = "step.replied"
    STEP_COMPLETED = "step.completed"
    STEP_FAILED = "step.failed"
    STEP_CANCELED = "step.canceled"
    STEP_SKIPPED = "step.skipped"


class Agent(Base):
    """An A2A agent known by the name on its card; its skills are our capabilities."""

    __tablename__ = "agents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[str] = mapped_column(String(50), default="")
    skills: Mapped[list[Any]] = mapped_column(JSON, default=list)
    card: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    balancing: Mapped[str | None] = mapped_column(String(20), default=None)
    """How a step picks among its instances (`registry.balancing`); None: BALANCING_DEFAULT."""
    credential: Mapped[str | None] = mapped_column(Text, default=None)
    """The token calls to it carry, encrypted (`registry.credentials`); never shown."""
    unusable_reason: Mapped[str | None] = mapped_column(Text, default=None)
    """Why steps cannot be sent to it (its card needs a credential Orchestra lacks)."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    instances: Mapped[list[AgentInstance]] = relationship(
        back_populates="agent",
        cascade="all, delete-orphan",
        order_by="AgentInstance.created_at",
        lazy="selectin",
    )


class AgentInstance(Base):
    """One running server of an agent, reached through its own card URL."""

    __tablename__ = "agent_instances"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    card_url: Mapped[str] = mapped_column(String(2000), unique=True)
    url: Mapped[str] = mapped_column(String(2000))
    protocol_binding: Mapped[str] = mapped_column(String(50))
    card: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    health: Mapped[str] = mapped_column(String(20), default=InstanceHealth.HEALTHY)
    in_flight: Mapped[int] = mapped_column(Integer, default=0)
    calls: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    latency_ms: Mapped[float | None] = mapped_column(default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    last_seen_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    agent: Mapped[Agent] = relationship(back_populates="instances")


LOCAL_OWNER = "local"
"""Owner of everything made while authentication is off (loopback only)."""


class Session(Base):
    """A session: the tasks a user gave in a row, whose history feeds the planner."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    owner: Mapped[str] = mapped_column(String(64), default=LOCAL_OWNER, index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        Index("ix_messages_session_created", "session_id", "created_at"),
        Index("ix_messages_task_id", "task_id"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))
    content: Mapped[str] = mapped_column(Text)
    task_id: Mapped[str | None] = mapped_column(String(32), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_status_created", "status", "created_at"),
        Index("ix_tasks_created", "created_at"),
        Index("ix_tasks_owner_created", "owner", "created_at"),
        Index("ix_tasks_finished", "finished_at"),
        Index("ix_tasks_workflow_created", "workflow_id", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    owner: Mapped[str] = mapped_column(String(64), default=LOCAL_OWNER)
    session_id: Mapped[str | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL"), default=None, index=True
    )
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=TaskStatus.PENDING)
    planner: Mapped[str | None] = mapped_column(String(20), default=None)
    planner_reason: Mapped[str | None] = mapped_column(Text, default=None)
    requested_plan: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    result: Mapped[str | None] = mapped_column(Text, default=None)
    result_data: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    error: Mapped[str | None] = mapped_column(Text, default=None)
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JSON, default=dict)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), default=None, unique=True)
    review_plan: Mapped[bool] = mapped_column(default=False)
    """Stop after planning, in awaiting_approval, until a person approves or rejects."""
    trace_context: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    tokens_in: Mapped[int] = mapped_column(Integer, default=0)
    tokens_out: Mapped[int] = mapped_column(Integer, default=0)
    usage: Mapped[list[Any] | None] = mapped_column(JSON, default=None)
    """The task's own LLM calls (planner, synthesis) by profile and model:
    [{profile, model, tokens_in, tokens_out, cost_usd}] (`orchestra.llm.cost`)."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    workflow_id: Mapped[str | None] = mapped_column(String(32), default=None)
    """The workflow this task is a run of (its plan came from that workflow's version)."""
    workflow_version: Mapped[int | None] = mapped_column(Integer, default=None)
    workflow_run: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    """What the executor needs of a workflow run: its inputs, each step's templates,
    condition and mappings, and the outputs mapping (`orchestra.workflows.run`)."""
    callback_url: Mapped[str | None] = mapped_column(String(2000), default=None)
    """Where the finished task is POSTed (`orchestra.callbacks`); None: nowhere."""
    hops: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """How many orchestrators the request went through before this one (0: sent here by a
    person or a plain client); its steps tell their agents hops + 1 (`orchestra.hops`)."""
    executor_id: Mapped[str | None] = mapped_column(String(200), default=None)
    """The orchestrator process that accepted the task and runs it outside a durable workflow
    until it must wait (`executor.service`); its restart, or the process adopting its work,
    starts the task's workflow if the task is unfinished. None: a task from before that,
    started as a workflow."""

    steps: Mapped[list[TaskStep]] = relationship(
        back_populates="task",
        cascade="all, delete-orphan",
        order_by="TaskStep.position",
        lazy="selectin",
    )


class DeliveryStatus(StrEnum):
    """A callback delivery's state: pending (being tried), then delivered or undelivered."""

    PENDING = "pending"
    DELIVERED = "delivered"
    UNDELIVERED = "undelivered"


class CallbackDelivery(Base):
    """The delivery of a finished task to its callback_url: written in the transaction that
    ends the task, then tried by a durable workflow until delivered or given up."""

    __tablename__ = "callback_deliveries"
    __table_args__ = (Index("ix_callback_deliveries_status", "status"),)

    task_id: Mapped[str] = mapped_column(
        ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True
    )
    url: Mapped[str] = mapped_column(String(2000))
    status: Mapped[str] = mapped_column(String(20), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    delivered_at: Mapped[datetime | None] = mapped_column(default=None)


class PushConfig(Base):
    """An A2A push-notification config of a task (`orchestra.callbacks.push`), and its
    delivery: `status` is None until the task ends, then as a callback delivery's.

    No foreign key to the task: a config given with a first A2A message is stored before
    the task it names is (the SDK stores it, then runs the message); deleting a task
    deletes its configs (`orchestra.history`)."""

    __tablename__ = "push_configs"
    __table_args__ = (Index("ix_push_configs_status", "status"),)

    task_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    owner: Mapped[str] = mapped_column(String(64))
    url: Mapped[str] = mapped_column(String(2000))
    token: Mapped[str | None] = mapped_column(String(1000), default=None)
    auth_scheme: Mapped[str | None] = mapped_column(String(100), default=None)
    auth_credentials: Mapped[str | None] = mapped_column(Text, default=None)
    """Encrypted as agents' credentials are (`orchestra.registry.credentials.Vault`)."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str | None] = mapped_column(String(20), default=None)
    delivery_id: Mapped[str | None] = mapped_column(String(32), default=None)
    """The delivery being tried, or the last one (each notified status is one)."""
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    due_at: Mapped[datetime | None] = mapped_column(default=None)
    """When the task ended (or, for a config set on an ended task, when it was set)."""
    last_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    delivered_at: Mapped[datetime | None] = mapped_column(default=None)


class Workflow(Base):
    """A saved workflow: a named plan with an input schema, run as tasks. Its definition
    lives in its versions; `version` is the newest. Deleting one keeps its versions, which
    the tasks that ran them name."""

    __tablename__ = "workflows"
    __table_args__ = (Index("ix_workflows_owner_created", "owner", "created_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    owner: Mapped[str] = mapped_column(String(64), default=LOCAL_OWNER)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class WorkflowVersion(Base):
    """One immutable version of a workflow's definition; every change makes a new one."""

    __tablename__ = "workflow_versions"
    __table_args__ = (
        UniqueConstraint("workflow_id", "version", name="uq_workflow_versions_version"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    workflow_id: Mapped[str] = mapped_column(ForeignKey("workflows.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    definition: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WorkflowSchedule(Base):
    """A cron schedule that starts runs of a workflow with fixed inputs.

    `next_fire_at` is the next time it is due; the clock (`orchestra.workflows.schedules`)
    moves it on in the transaction that stores the run it starts, so a time fires once
    whichever process looks.
    """

    __tablename__ = "workflow_schedules"
    __table_args__ = (Index("ix_workflow_schedules_due", "paused_at", "next_fire_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    workflow_id: Mapped[str] = mapped_column(
        ForeignKey("workflows.id", ondelete="CASCADE"), index=True
    )
    owner: Mapped[str] = mapped_column(String(64))
    """The workflow's owner, whose runs these are."""
    cron: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    catch_up: Mapped[str] = mapped_column(String(20), default="skip")
    overlap: Mapped[str] = mapped_column(String(20), default="skip")
    next_fire_at: Mapped[datetime] = mapped_column()
    paused_at: Mapped[datetime | None] = mapped_column(default=None)
    last_fire_at: Mapped[datetime | None] = mapped_column(default=None)
    """The fire time of the last run it started."""
    last_task_id: Mapped[str | None] = mapped_column(String(32), default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    """Why the last due time started no run (inputs no longer valid...); null once one runs."""
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    """Due times that started no run: missed (catch-up `skip`) or overlapping (`skip`)."""
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class WorkflowHook(Base):
    """A workflow's webhook: a secret URL token (only its SHA-256 is kept) that starts runs,
    and the optional secret its deliveries are signed with."""

    __tablename__ = "workflow_hooks"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    workflow_id: Mapped[str] = mapped_column(
        ForeignKey("workflows.id", ondelete="CASCADE"), unique=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_prefix: Mapped[str] = mapped_column(String(16))
    signing_secret: Mapped[str | None] = mapped_column(String(100), default=None)
    """HMAC-SHA256 key of the signature header; kept as is, since checking needs it."""
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    rotated_at: Mapped[datetime] = mapped_column(default=utcnow)


class TaskStep(Base):
    """One node of a task's plan, run by one agent."""

    __tablename__ = "task_steps"
    __table_args__ = (UniqueConstraint("task_id", "step_id", name="uq_task_steps_step"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    step_id: Mapped[str] = mapped_column(String(50))
    """The step's identifier within its plan (`s1`); the plan's and the API's step `id`."""
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    instruction: Mapped[str] = mapped_column(Text)
    capability: Mapped[str] = mapped_column(String(100))
    depends_on: Mapped[list[Any]] = mapped_column(JSON, default=list)
    expected_output: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=StepStatus.PENDING)
    agent_id: Mapped[str | None] = mapped_column(String(32), default=None)
    agent_name: Mapped[str | None] = mapped_column(String(200), default=None)
    instance_id: Mapped[str | None] = mapped_column(String(32), default=None)
    remote_task_id: Mapped[str | None] = mapped_column(String(200), default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    output: Mapped[str | None] = mapped_column(Text, default=None)
    output_data: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    error: Mapped[str | None] = mapped_column(Text, default=None)
    reasoning: Mapped[str | None] = mapped_column(Text, default=None)
    """A reasoning model's thinking, which the agent sent apart from its answer."""
    progress: Mapped[list[Any] | None] = mapped_column(JSON, default=None)
    """The status messages the agent sent while it worked, in order."""
    tokens_in: Mapped[int] = mapped_column(Integer, default=0)
    tokens_out: Mapped[int] = mapped_column(Integer, default=0)
    llm_profile: Mapped[str | None] = mapped_column(String(50), default=None)
    """The model profile that answered the step, as its agent reported it (or its card)."""
    llm_model: Mapped[str | None] = mapped_column(String(200), default=None)
    cost_usd: Mapped[float | None] = mapped_column(Float, default=None)
    """Its tokens at that profile's prices; None: no usage reported or a price unknown."""
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    kind: Mapped[str] = mapped_column(String(20), default=StepKind.AGENT, server_default="agent")
    profile: Mapped[str | None] = mapped_column(String(50), default=None)
    """The model profile the step's instance must serve (a consensus participant's)."""
    consensus: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    """A consensus step's settings (participants, aggregator, quorum, its participant
    steps); a participant's place in its consensus ({"of", "label"}); else null."""
    question: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    """What its agent asked when it answered input-required: {"text", "data", "asked_at"}."""
    reply: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    """The reply to that question: {"text", "data", "by", "at", "round"} (`executor.questions`)."""
    superseded_by: Mapped[int | None] = mapped_column(Integer, default=None)
    """The plan version that took over this step's work (`executor.replanning`): the step
    failed, or never ran because one it needed failed; its task no longer waits for it."""

    task: Mapped[Task] = relationship(back_populates="steps")


class TaskPlan(Base):
    """One version of a task's plan, stored once the task is replanned: version 1 is the
    plan it was given or made first, each later one a replan and why it was made."""

    __tablename__ = "task_plans"
    __table_args__ = (UniqueConstraint("task_id", "version", name="uq_task_plans_version"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    plan: Mapped[dict[str, Any]] = mapped_column(JSON)
    """The version's steps as planned ({"steps": [...]}), with their stored ids."""
    planner: Mapped[str | None] = mapped_column(String(20), default=None)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TaskEvent(Base):
    """Append-only log of every state change of a task; its id orders the SSE stream."""

    __tablename__ = "task_events"
    __table_args__ = (Index("ix_task_events_task_id_id", "task_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    step_id: Mapped[str | None] = mapped_column(String(50), default=None)
    type: Mapped[str] = mapped_column(String(50))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExecutorProcess(Base):
    """An orchestrator process, seen alive at `last_seen_at`; silent ones have work adopted."""

    __tablename__ = "executors"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class AgentSlot(Base):
    """One of an agent's AGENT_CONCURRENCY slots, held by a step while an instance runs it.

    The primary key admits one holder per slot number, so the cap holds across processes
    without locks; a step holds at most one slot.
    """

    __tablename__ = "agent_slots"
    __table_args__ = (UniqueConstraint("task_id", "step_id", name="uq_agent_slots_step"),)

    agent_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[str] = mapped_column(String(32))
    step_id: Mapped[str] = mapped_column(String(50))
    instance_id: Mapped[str] = mapped_column(String(32), index=True)
    executor_id: Mapped[str] = mapped_column(String(200), index=True)
    taken_at: Mapped[datetime] = mapped_column(default=utcnow)


class Document(Base):
    """A document a user uploaded for the research agent to read: its text, cut into
    passages (`DocumentPassage`). Its owner's, or everyone's when an admin shared it."""

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_owner_created", "owner", "created_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    owner: Mapped[str] = mapped_column(String(64), default=LOCAL_OWNER)
    name: Mapped[str] = mapped_column(String(255))
    format: Mapped[str] = mapped_column(String(20))
    size: Mapped[int] = mapped_column(Integer)
    shared: Mapped[bool] = mapped_column(default=False, index=True)
    text: Mapped[str] = mapped_column(Text)
    passages: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DocumentPassage(Base):
    """One passage of a document (a few sentences of one paragraph), the unit searched."""

    __tablename__ = "document_passages"

    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class TaskDeletion(Base):
    """A task deleted (with its steps, events and messages): other processes read these to
    drop the views they keep of it. Pruned after a day, by when every process has read it."""

    __tablename__ = "task_deletions"
    __table_args__ = (Index("ix_task_deletions_deleted", "deleted_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    task_id: Mapped[str] = mapped_column(String(32))
    deleted_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApiKey(Base):
    """A key for the API. Only its SHA-256 is stored; the key itself is shown once."""

    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    prefix: Mapped[str] = mapped_column(String(16))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


# The tables themselves, for Core statements (the executor and the hot read paths).
TASKS = cast(Table, Task.__table__)
STEPS = cast(Table, TaskStep.__table__)
PLANS = cast(Table, TaskPlan.__table__)
EVENTS = cast(Table, TaskEvent.__table__)
SLOTS = cast(Table, AgentSlot.__table__)
INSTANCES = cast(Table, AgentInstance.__table__)
MESSAGES = cast(Table, Message.__table__)
EXECUTORS = cast(Table, ExecutorProcess.__table__)
WORKFLOWS = cast(Table, Workflow.__table__)
WORKFLOW_VERSIONS = cast(Table, WorkflowVersion.__table__)
DELETIONS = cast(Table, TaskDeletion.__table__)
DOCUMENTS = cast(Table, Document.__table__)
PASSAGES = cast(Table, DocumentPassage.__table__)
SCHEDULES = cast(Table, WorkflowSchedule.__table__)
DELIVERIES = cast(Table, CallbackDelivery.__table__)
PUSH_CONFIGS = cast(Table, PushConfig.__table__)
