"""Request and response models of the REST API; ORM rows never leave through anything else.

A task read by id (and every answer carrying a whole task) is made by `orchestra.views.render`
from the task's view, not by these models: `TaskPublic` documents that shape, and a test
holds the two together.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field

from orchestra.db import (
    Agent,
    AgentInstance,
    DeliveryStatus,
    EventType,
    InstanceHealth,
    Message,
    Session,
    StepKind,
    StepStatus,
    Task,
    TaskStatus,
)
from orchestra.llm.cost import task_cost
from orchestra.llm.hosts import Host, HostPool
from orchestra.llm.profiles import ModelProfile, card_model, url_host
from orchestra.planner import Plan
from orchestra.planner.schema import Aggregator, ConsensusParticipants
from orchestra.registry import STRATEGIES, InstanceFigures, Strategy
from orchestra.workflows.definition import WorkflowDefinition, WorkflowStep

MAX_DESCRIPTION = 20_000


class ErrorBody(BaseModel):
    code: str = Field(description="Stable machine-readable error code.")
    message: str = Field(description="What went wrong, for a person.")
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorResponse(BaseModel):
    error: ErrorBody


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entry documenting our error body for these statuses."""
    return {status: {"model": ErrorResponse} for status in statuses}


UNAVAILABLE: dict[int | str, dict[str, Any]] = {
    503: {
        # JSON whatever the route answers otherwise (`/metrics` is text); `ErrorResponse` is
        # in the schema's components through every other error response.
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}},
        "description": "`database_unavailable` (the database is away or busy) or, on "
        "`POST /api/tasks`, `executor_saturated` (too many tasks wait to run): nothing was "
        "changed; send the request again after `Retry-After` seconds.",
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before sending the request again.",
                "schema": {"type": "integer"},
            }
        },
    }
}
"""What any route may answer while the service is unavailable (every router carries it)."""


CALLBACK_URL = Field(
    default=None,
    max_length=2000,
    description="Where Orchestra POSTs the task (as `GET /api/tasks/{id}` shows it) once it "
    "has ended, signed with the caller's callback key (`GET /api/auth/callback-key`). The "
    "same rules as agent URLs apply: no link-local or metadata addresses, and hosts beyond "
    "loopback must be in CALLBACK_ALLOWED_HOSTS.",
    examples=["https://example.com/hooks/orchestra"],
)


class TaskCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str = Field(
        min_length=1,
        max_length=MAX_DESCRIPTION,
        description="The task in plain language.",
        examples=[
            "Summarize the main arguments for and against remote work and compute the "
            "average of 3, 5 and 10"
        ],
    )
    session_id: str | None = Field(default=None, max_length=64)
    metadata: dict[str, Any] = Field(default_factory=dict)
    callback_url: str | None = CALLBACK_URL
    plan: Plan | None = Field(
        default=None,
        description="Run this plan (a DAG of capability steps) instead of planning the task. "
        "It is validated against the registered capabilities.",
    )
    review_plan: bool | None = Field(
        default=None,
        description="Stop after planning, in awaiting_approval, until the plan is approved "
        "(POST .../approve) or rejected; it may be replaced meanwhile (POST .../plan). "
        "Default: REVIEW_PLANS.",
    )


class PlanDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: str = Field(default="", max_length=2000, description="Why, for the task's record.")


class StepConsensus(BaseModel):
    """A consensus step's settings: who answers, how the answers become one."""

    participants: ConsensusParticipants
    aggregator: Aggregator
    aggregator_profile: str | None = Field(
        description="The model profile of an llm aggregation (null: SYNTHESIS_MODEL's)."
    )
    quorum: int = Field(description="How many participants must answer.")
    steps: list[str] = Field(description="The participants' steps, `<id>@<label>`, in order.")


class StepParticipant(BaseModel):
    """A participant step's place in its consensus."""

    of: str = Field(description="The consensus step it answers for.")
    label: str = Field(description="Its profile or agent name.")


class StepQuestion(BaseModel):
    """What a step's agent asked when it answered input-required."""

    text: str = Field(description="The question, as the agent wrote it.")
    data: dict[str, Any] | None = Field(
        default=None, description="The data part of the agent's question, if any."
    )
    asked_at: datetime


class StepReply(BaseModel):
    """The reply a person gave to a step's question; it went to the agent's task."""

    text: str
    data: dict[str, Any] | None = None
    by: str | None = Field(default=None, description="Who replied.")
    at: datetime


class StepDecision(BaseModel):
    """A decision on an approval step waiting in input_required."""

    model_config = ConfigDict(extra="forbid")

    comment: str = Field(
        default="",
        max_length=2000,
        description="Why; kept on the step. Optional on approve, needed on reject.",
    )


class StepInput(BaseModel):
    """A reply to the question of a step in input_required."""

    model_config = ConfigDict(extra="forbid")

    step: str = Field(min_length=1, max_length=50, description="The waiting step's id, e.g. s2.")
    text: str = Field(max_length=20_000, description="The reply, sent to the agent as text.")
    data: dict[str, Any] | None = Field(
        default=None, description="Structured reply, sent to the agent as a data part."
    )


class StepPublic(BaseModel):
    id: str = Field(description="The step's id in the plan, e.g. s1.")
    title: str
    instruction: str
    capability: str
    depends_on: list[str]
    expected_output: str
    status: StepStatus
    agent_id: str | None
    agent: str | None
    instance_id: str | None
    remote_task_id: str | None
    attempts: int
    output: str | None
    output_data: dict[str, Any] | None
    error: str | None
    reasoning: str | None = Field(
        description="A reasoning model's thinking, which the agent sent apart from its answer."
    )
    progress: list[str] = Field(
        description="The status messages the agent sent while it worked, in order."
    )
    tokens_in: int
    tokens_out: int
    llm_profile: str | None = Field(
        default=None,
        description="The model profile that answered (as the agent reported it); null when "
        "the step used no LLM.",
    )
    llm_model: str | None = Field(default=None, description="The model that answered.")
    cost_usd: float | None = Field(
        default=None,
        description="Its tokens at that profile's prices (USD); null when the step reported "
        "no usage or the profile has no prices.",
    )
    started_at: datetime | None
    finished_at: datetime | None
    duration_ms: float | None
    kind: StepKind = Field(
        description="agent: an agent runs it; participant: one answer of a consensus; "
        "consensus: the orchestrator aggregates its participants' answers (output_data "
        "`consensus`); fan_out: a workflow step run once per item of an earlier step's "
        "data, as the steps `<id>#<n>` made when that data is known; approval: no agent, "
        "a person approves or rejects it (input_required until then; `question` says what "
        "is to be approved, `reply` holds the decision, output_data "
        "`{approved, comment}`)."
    )
    profile: str | None = Field(
        description="The model profile the step's instance must serve (a participant's)."
    )
    consensus: StepConsensus | None = Field(description="A consensus step's settings.")
    participant: StepParticipant | None = Field(
        description="A participant step's consensus and label."
    )
    question: StepQuestion | None = Field(
        default=None,
        description="What the step's agent asked, or what an approval step asks to approve "
        "(status input_required until a reply or decision comes; kept after it).",
    )
    reply: StepReply | None = Field(
        default=None,
        description="The reply to that question; for an approval step, the decision: its "
        "comment as text, data `{approved, comment}`.",
    )


class UsagePublic(BaseModel):
    """Tokens and cost of one model profile (and model) within a task."""

    profile: str | None = Field(description="The profile; null when the agent named none.")
    model: str | None
    tokens_in: int
    tokens_out: int
    cost_usd: float | None = Field(description="USD; null when the profile has no prices.")


class TaskSummary(BaseModel):
    id: str
    description: str
    status: TaskStatus
    session_id: str | None
    planner: str | None
    workflow_id: str | None = Field(
        description="The workflow this task is a run of (planner `workflow`), else null."
    )
    workflow_version: int | None = Field(description="The version of that workflow it ran.")
    error: str | None
    steps_total: int
    steps_completed: int
    tokens_in: int
    tokens_out: int
    cost_usd: float | None = Field(
        description="USD of its steps' and its own (planner, synthesis) LLM calls, as far as "
        "their profiles' prices are known; null when tokens were used and none is known."
    )
    cost_complete: bool = Field(
        description="False when some tokens had no price: cost_usd is then what is known."
    )
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    duration_ms: float | None

    @classmethod
    def of(cls, task: Task) -> TaskSummary:
        bill = task_cost(
            task.usage,
            [
                {
                    "tokens_in": s.tokens_in,
                    "tokens_out": s.tokens_out,
                    "llm_profile": s.llm_profile,
                    "llm_model": s.llm_model,
                    "cost_usd": s.cost_usd,
                }
                for s in task.steps
            ],
        )
        return cls(
            id=task.id,
            description=task.description,
            status=TaskStatus(task.status),
            session_id=task.session_id,
            planner=task.planner,
            workflow_id=task.workflow_id,
            workflow_version=task.workflow_version,
            error=task.error,
            steps_total=len(task.steps),
            steps_completed=sum(1 for s in task.steps if s.status == StepStatus.COMPLETED),
            tokens_in=task.tokens_in + sum(s.tokens_in for s in task.steps),
            tokens_out=task.tokens_out + sum(s.tokens_out for s in task.steps),
            cost_usd=bill.cost_usd,
            cost_complete=bill.cost_complete,
            created_at=task.created_at,
            started_at=task.started_at,
            finished_at=task.finished_at,
            duration_ms=_duration(task.started_at, task.finished_at),
        )


class TaskPublic(TaskSummary):
    planner_reason: str | None
    metadata: dict[str, Any]
    callback_url: str | None = Field(
        description="Where the task is POSTed once it has ended; its deliveries are at "
        "`/api/tasks/{id}/deliveries`."
    )
    steps: list[StepPublic]
    usage: list[UsagePublic] = Field(
        description="LLM use by profile and model: the steps' and the task's own calls."
    )
    result: str | None
    result_data: dict[str, Any] | None


class DeliveryPublic(BaseModel):
    """The delivery of a finished task to its callback_url, or of an A2A push notification
    of the task to one of its push-notification configs."""

    task_id: str
    kind: Literal["callback", "push"] = Field(
        default="callback",
        description="callback (to the task's callback_url) or push (an A2A push notification).",
    )
    push_config_id: str | None = Field(
        default=None, description="The A2A push-notification config, for a push."
    )
    url: str
    status: DeliveryStatus = Field(
        description="pending (being tried), delivered (a 2xx answer), or undelivered (given "
        "up: a 4xx other than 408/429, or no 2xx within CALLBACK_RETRY_SECONDS)."
    )
    attempts: int
    last_status_code: int | None = Field(description="The receiver's last answer, if any.")
    last_error: str | None = Field(description="Why the last attempt did not deliver it.")
    created_at: datetime = Field(
        description="When the task ended and the delivery began (a push: when the task ended "
        "or came to wait for input, the state it notifies)."
    )
    last_attempt_at: datetime | None
    next_attempt_at: datetime | None = Field(description="When it is tried again, if it is.")
    delivered_at: datetime | None


class DeliveryList(BaseModel):
    items: list[DeliveryPublic]


class PlanVersionPublic(BaseModel):
    """One version of a task's plan: the first, or a replan after a step failed for good."""

    version: int = Field(description="1 for the task's first plan, then one more per replan.")
    planner: str | None = Field(description="Which planner made it (offline, llm, ...).")
    reason: str = Field(
        description="Version 1: why its planner planned it; a replan: which step failed and why."
    )
    plan: dict[str, Any] = Field(description='The version\'s steps: {"steps": [...]}.')
    created_at: datetime


class PlanVersionList(BaseModel):
    items: list[PlanVersionPublic] = Field(
        description="Oldest first; empty while the task has not been replanned (its steps "
        "are its one plan)."
    )


class TaskList(BaseModel):
    items: list[TaskSummary]
    total: int
    limit: int
    offset: int


class StepDeltaText(BaseModel):
    text: str = Field(description="What the step's answer grew by.")
    offset: int = Field(
        description="Where `text` goes in what the step's attempt streamed so far (0: the "
        "answer starts again)."
    )


class StepDeltaPublic(BaseModel):
    """A running step's answer as its agent writes it: the `data` of a `step.delta` Server-Sent
    Event, which has no id and is never stored (the step's output replaces it)."""

    task_id: str
    step_id: str
    type: Literal["step.delta"]
    data: StepDeltaText
    created_at: datetime


class TaskEventPublic(BaseModel):
    """One entry of a task's event log: the `data` of a Server-Sent Event, whose `id` and
    `event` fields are this entry's `id` and `type`."""

    id: int
    task_id: str
    step_id: str | None = Field(description="The step the event is about; null for the task.")
    type: EventType
    data: dict[str, Any] = Field(
        description="What changed: `status` and, by type, `error`, `output` (its first 500 "
        "characters), `reasoning` (the same), `progress` (the agent's status messages), "
        "`agent`, `attempt`, `instance`, `url`, `executor`, `planner`, `reason`, `plan`."
    )
    created_at: datetime


class AgentRegister(BaseModel):
    model_config = ConfigDict(extra="forbid")

    card_url: str = Field(
        min_length=1,
        max_length=2000,
        description="The agent's base URL or the URL of its agent card.",
        examples=["http://127.0.0.1:8002"],
    )
    credential: str | None = Field(
        default=None,
        min_length=1,
        max_length=4000,
        description="The token the agent's card asks for (an HTTP bearer scheme, or an API "
        "key in a header): sent with every call to it, kept encrypted, never shown again. "
        "Without it, one given before is kept.",
        json_schema_extra={"writeOnly": True},
    )


class SkillPublic(BaseModel):
    id: str
    name: str
    description: str
    tags: list[str]
    examples: list[str]


class InstanceModel(BaseModel):
    """The model an instance runs, as its agent card says (`--model` of its server)."""

    profile: str
    provider: str
    model: str


class InstancePublic(BaseModel):
    id: str
    card_url: str
    url: str
    protocol_binding: str
    model: InstanceModel | None = Field(
        description="The model profile the instance's card says it runs; null: none said."
    )
    health: InstanceHealth
    in_flight: int
    calls: int
    share: float = Field(
        description="Its part of the calls counted at the agent's instances (0 to 1)."
    )
    errors: int
    error_rate: float
    latency_ms: float | None
    last_error: str | None
    last_seen_at: datetime | None

    @classmethod
    def of(
        cls, instance: AgentInstance, live: InstanceFigures | None = None, total_calls: int = 0
    ) -> InstancePublic:
        """The instance's row, with the figures across processes when known (`live`)."""
        figures = live or InstanceFigures(
            health=instance.health,
            in_flight=instance.in_flight,
            calls=instance.calls,
            errors=instance.errors,
            latency_ms=instance.latency_ms,
            last_error=instance.last_error,
            last_seen_at=instance.last_seen_at,
        )
        return cls(
            id=instance.id,
            card_url=instance.card_url,
            url=instance.url,
            protocol_binding=instance.protocol_binding,
            model=_model_of(instance.card),
            health=InstanceHealth(figures.health),
            in_flight=figures.in_flight,
            calls=figures.calls,
            share=(figures.calls / total_calls) if total_calls else 0.0,
            errors=figures.errors,
            error_rate=(figures.errors / figures.calls) if figures.calls else 0.0,
            latency_ms=figures.latency_ms,
            last_error=figures.last_error,
            last_seen_at=figures.last_seen_at,
        )


def _model_of(card: dict[str, Any] | None) -> InstanceModel | None:
    found = card_model(card or {})
    return InstanceModel(**found) if found is not None else None


class AgentPublic(BaseModel):
    id: str
    name: str
    description: str
    version: str
    capabilities: list[str]
    skills: list[SkillPublic]
    balancing: Strategy = Field(description="How a step picks one of its instances.")
    balancing_default: bool = Field(
        description="True: the agent has no strategy of its own; BALANCING_DEFAULT applies."
    )
    instances: list[InstancePublic]
    usable: bool = Field(description="False: steps cannot be sent to it (see unusable_reason).")
    unusable_reason: str | None = Field(
        description="Why not: its card requires authentication Orchestra has no credential "
        "for, or cannot provide."
    )
    has_credential: bool = Field(description="A credential was given (it is never shown).")
    created_at: datetime

    @classmethod
    def of(
        cls,
        agent: Agent,
        live: dict[str, InstanceFigures] | None = None,
        default: Strategy = "least_loaded",
    ) -> AgentPublic:
        skills = [
            SkillPublic(
                id=str(s.get("id", "")),
                name=str(s.get("name", "")),
                description=str(s.get("description", "")),
                tags=[str(t) for t in s.get("tags", [])],
                examples=[str(e) for e in s.get("examples", [])],
            )
            for s in agent.skills
        ]
        live = live or {}
        # The share of each instance is of the calls counted at all of them.
        total = sum((live[i.id].calls if i.id in live else i.calls) for i in agent.instances)
        return cls(
            id=agent.id,
            name=agent.name,
            description=agent.description,
            version=agent.version,
            capabilities=[s.id for s in skills],
            skills=skills,
            balancing=cast(Strategy, agent.balancing) if agent.balancing in STRATEGIES else default,
            balancing_default=agent.balancing is None,
            instances=[InstancePublic.of(i, live.get(i.id), total) for i in agent.instances],
            usable=agent.unusable_reason is None,
            unusable_reason=agent.unusable_reason,
            has_credential=agent.credential is not None,
            created_at=agent.created_at,
        )


class AgentUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    balancing: Strategy | None = Field(
        description="least_loaded (fewest calls in flight), round_robin (in turn), fastest "
        "(lowest recent latency) or random; null: back to BALANCING_DEFAULT. Healthy "
        "instances always come first.",
        examples=["round_robin"],
    )


class AgentList(BaseModel):
    items: list[AgentPublic]


class ModelHostPublic(BaseModel):
    """One host of a profile with several, and its health as this orchestrator sees it."""

    host: str = Field(description="The host and port (never a user or password in its URL).")
    health: str = Field(description="healthy or unhealthy: its last probe's or call's outcome.")
    latency_ms: float | None = Field(description="Moving average of its calls' latency.")
    calls: int = Field(description="Calls of this orchestrator to it (the planner's, say).")
    errors: int
    last_error: str | None
    last_seen_at: datetime | None = Field(description="When it last answered.")

    @classmethod
    def of(cls, host: Host) -> ModelHostPublic:
        return cls(
            host=url_host(host.id),
            health=host.health,
            latency_ms=round(host.latency_ms, 1) if host.latency_ms is not None else None,
            calls=host.calls,
            errors=host.errors,
            last_error=host.last_error,
            last_seen_at=host.last_seen_at,
        )


class ModelUsagePublic(BaseModel):
    """A profile's tokens and cost since this orchestrator process started."""

    tokens_in: int
    tokens_out: int
    cost_usd: float | None = Field(description="USD; null when none of its tokens had prices.")


class ModelPublic(BaseModel):
    """A model profile as anyone may see it: everything but the key."""

    name: str = Field(description="The profile's name (`default` is LLM_PROVIDER's).")
    provider: str = Field(description="offline, openai, groq or ollama.")
    model: str = Field(description="The model's name at the provider; empty offline.")
    base_url_host: str | None = Field(
        description="Host of the profile's base URL; null for the provider's own endpoint."
    )
    temperature: float | None
    max_tokens: int | None
    key_set: bool = Field(description="Whether a key is configured for the profile.")
    hosts: list[ModelHostPublic] = Field(
        description="The servers of a profile with several (calls fail over between them), "
        "with their health; empty for a profile with one endpoint."
    )
    input_price: float | None = Field(
        description="USD per million prompt tokens; null: unknown (costs show as unknown)."
    )
    output_price: float | None = Field(description="USD per million completion tokens.")
    usage: ModelUsagePublic = Field(
        description="What this orchestrator process's tasks used of the profile since it "
        "started (the same figures as /metrics)."
    )

    @classmethod
    def of(
        cls,
        profile: ModelProfile,
        pool: HostPool | None = None,
        used: dict[str, float | None] | None = None,
    ) -> ModelPublic:
        return cls(
            name=profile.name,
            provider=profile.provider,
            model=profile.model,
            base_url_host=profile.base_url_host,
            temperature=profile.temperature,
            max_tokens=profile.max_tokens,
            key_set=profile.key_set,
            hosts=[ModelHostPublic.of(host) for host in pool.hosts] if pool else [],
            input_price=profile.input_price,
            output_price=profile.output_price,
            usage=ModelUsagePublic(
                tokens_in=int((used or {}).get("tokens_in") or 0),
                tokens_out=int((used or {}).get("tokens_out") or 0),
                cost_usd=(used or {}).get("cost_usd"),
            ),
        )


class ModelList(BaseModel):
    items: list[ModelPublic]
    planner: str = Field(description="The profile the planner uses (PLANNER_MODEL).")
    synthesis: str = Field(description="The profile that writes results (SYNTHESIS_MODEL).")


class SessionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(default="", max_length=200)
    metadata: dict[str, Any] = Field(default_factory=dict)


class SessionPublic(BaseModel):
    id: str
    title: str
    metadata: dict[str, Any]
    messages: int
    tasks: int
    created_at: datetime

    @classmethod
    def of(cls, row: Session, messages: int = 0, tasks: int = 0) -> SessionPublic:
        return cls(
            id=row.id,
            title=row.title,
            metadata=row.metadata_,
            messages=messages,
            tasks=tasks,
            created_at=row.created_at,
        )


class SessionList(BaseModel):
    items: list[SessionPublic]
    total: int
    limit: int
    offset: int


class MessagePublic(BaseModel):
    id: str
    role: str
    content: str
    task_id: str | None
    created_at: datetime

    @classmethod
    def of(cls, row: Message) -> MessagePublic:
        return cls(
            id=row.id,
            role=row.role,
            content=row.content,
            task_id=row.task_id,
            created_at=row.created_at,
        )


class MessageList(BaseModel):
    items: list[MessagePublic]
    total: int
    limit: int
    offset: int


class WorkflowPublic(BaseModel):
    """A workflow at its newest version."""

    id: str
    owner: str
    version: int = Field(description="The newest version; every save makes a new one.")
    name: str
    description: str
    input_schema: dict[str, Any]
    steps: list[WorkflowStep]
    outputs: dict[str, str]
    replan: bool = Field(
        default=False,
        description="Whether a run's step that failed for good is replanned (see the "
        "definition's `replan`).",
    )
    created_at: datetime
    updated_at: datetime
    runs: int = Field(
        description="How many runs of it the caller may see (an admin: all), as "
        "`GET /api/workflows/{id}/runs` lists them."
    )


class TaskSaveAsWorkflow(BaseModel):
    """`POST /api/tasks/{id}/save-as-workflow`: the name of the workflow to make."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, description="Unique among your workflows.")


class WorkflowList(BaseModel):
    items: list[WorkflowPublic]
    total: int
    limit: int
    offset: int


class WorkflowVersionPublic(BaseModel):
    """One immutable version of a workflow: the definition as it was saved then."""

    workflow_id: str
    version: int
    definition: WorkflowDefinition
    created_by: str
    created_at: datetime


class WorkflowVersionList(BaseModel):
    items: list[WorkflowVersionPublic]
    total: int
    limit: int
    offset: int


class WorkflowRunCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    inputs: dict[str, Any] = Field(
        default_factory=dict,
        description="The run's inputs, checked against the workflow's input schema; its "
        "defaults fill in what is not given.",
        examples=[{"numbers": [3, 5, 10, 40]}],
    )
    session_id: str | None = Field(default=None, max_length=64)
    metadata: dict[str, Any] = Field(default_factory=dict)
    callback_url: str | None = CALLBACK_URL


class ScheduleCreate(BaseModel):
    """A cron schedule of a workflow: the times it runs, with these inputs."""

    model_config = ConfigDict(extra="forbid")

    cron: str = Field(
        min_length=1,
        max_length=200,
        description="Five fields (minute hour day month weekday), or six with seconds first; "
        "`@hourly`, `@daily`... too. Read in `timezone`.",
        examples=["0 9 * * 1-5", "*/30 * * * * *"],
    )
    timezone: str = Field(default="UTC", max_length=64, examples=["Europe/Paris"])
    inputs: dict[str, Any] = Field(
        default_factory=dict,
        description="Every run's inputs, checked against the workflow's input schema now "
        "(and again at each run, as the workflow may have changed).",
    )
    catch_up: Literal["skip", "run_once"] = Field(
        default="skip",
        description="Times missed while no orchestrator was running: `skip` them (the next "
        "run is at the next time) or make them up with one run at once (`run_once`).",
    )
    overlap: Literal["skip", "queue"] = Field(
        default="skip",
        description="A time that comes while the schedule's previous run is still going: "
        "`skip` it, or start the run anyway (`queue`).",
    )


class SchedulePublic(BaseModel):
    id: str
    workflow_id: str
    cron: str
    timezone: str
    inputs: dict[str, Any]
    catch_up: Literal["skip", "run_once"]
    overlap: Literal["skip", "queue"]
    paused: bool
    next_fire_at: datetime | None = Field(description="The next time it runs; null if paused.")
    last_fire_at: datetime | None = Field(description="The time of the last run it started.")
    last_task_id: str | None = Field(description="That run (a task).")
    last_error: str | None = Field(
        description="Why its last due time started no run (the inputs no longer fit the "
        "workflow...); null once a run starts."
    )
    skipped: int = Field(description="Times that started no run (missed, overlapping, errors).")
    preview: list[datetime] = Field(description="Its next times from now (five).")
    created_by: str
    created_at: datetime
    updated_at: datetime


class ScheduleList(BaseModel):
    items: list[SchedulePublic]


class SchedulePreview(BaseModel):
    times: list[datetime] = Field(description="The schedule's next times from now, in UTC.")


class HookCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    signed: bool = Field(
        default=False,
        strict=True,  # `0` or `"yes"` is a mistake to report, not a choice to guess
        description="Require signed deliveries: a signing secret is made and shown once.",
    )


class HookPublic(BaseModel):
    """A workflow's webhook, without its secrets (shown once, when made or rotated)."""

    id: str
    workflow_id: str
    token_prefix: str = Field(description="The token's first characters, to recognise it.")
    signed: bool
    created_by: str
    created_at: datetime
    rotated_at: datetime


class HookSecret(HookPublic):
    """The hook just made or rotated, with its URL and secrets: shown this once."""

    url: str = Field(description="Where to POST a JSON object of the run's inputs.")
    token: str
    signing_secret: str | None = Field(
        description="The HMAC-SHA256 key of `X-Orchestra-Signature`, when `signed`."
    )


class Health(BaseModel):
    status: str
    version: str


def _duration(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() * 1000, 1)


class DocumentPublic(BaseModel):
    """An uploaded document, without its text."""

    id: str
    name: str
    format: str = Field(description="text, markdown, pdf, html or docx.")
    size: int = Field(description="Bytes uploaded.")
    shared: bool = Field(description="Readable by everyone (an admin shared it).")
    passages: int = Field(description="Passages its text was cut into for search.")
    owner: str
    created_at: datetime


class DocumentDetail(DocumentPublic):
    text: str = Field(description="The text extracted from the file.")


class DocumentList(BaseModel):
    items: list[DocumentPublic]
    total: int
    limit: int
    offset: int


class PassagePublic(BaseModel):
    """A passage found by a search: what research steps of the caller's tasks would read."""

    document_id: str
    document: str = Field(description="The document's name.")
    passage: int = Field(description="The passage's number in its document, from 1.")
    text: str
    score: float


class PassageList(BaseModel):
    items: list[PassagePublic]
