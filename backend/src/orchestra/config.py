"""Settings for every Orchestra service, read from the environment and `.env`."""

from __future__ import annotations

import ipaddress
import json
import socket
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

LLMProvider = Literal["offline", "openai", "groq", "ollama"]
StructuredOutputMethod = Literal["function_calling", "json_schema", "json_mode"]
# How a step picks an instance of its agent; see orchestra.registry.balancing.
BalancingStrategy = Literal["least_loaded", "round_robin", "fastest", "random"]


class Settings(BaseSettings):
    """One instance per process (see `get_settings`); services receive it, never re-read env."""

    # hide_input_in_errors: a settings error would otherwise print every value, API keys too.
    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", populate_by_name=True, hide_input_in_errors=True
    )

    data_dir: Path = Field(default=Path("data"), description="Where SQLite files live.")
    database_url: str = Field(
        default="",
        description="SQLAlchemy async URL of the orchestrator database; "
        "empty means SQLite at DATA_DIR/orchestra.db.",
    )
    agent_database_url: str = Field(
        default="",
        description="Database for the agents' A2A task stores; empty means one SQLite file "
        "per agent instance under DATA_DIR/agents/.",
    )

    host: str = "127.0.0.1"
    port: int = 8000
    research_agent_port: int = 8001
    analyst_agent_port: int = 8002
    public_host: str = Field(
        default="",
        description="Host name agents put in their card URLs; empty means HOST "
        "(or 127.0.0.1 when HOST is 0.0.0.0).",
    )

    # --- LLM (see docs/planner.md); checked at start by `_llm_provider_is_usable` ---
    llm_provider: LLMProvider = Field(
        default="offline",
        description="offline (no LLM: deterministic planner, algorithmic agents), openai, "
        "groq or ollama.",
    )
    llm_model: str = Field(default="", description="Model name; required unless offline.")
    llm_temperature: float | None = Field(
        default=0.0, ge=0.0, le=2.0, description="Empty means the provider's default."
    )
    llm_timeout_seconds: float = Field(
        default=60.0, gt=0, description="Timeout of one HTTP request to the provider."
    )
    llm_max_retries: int = Field(
        default=2,
        ge=0,
        le=10,
        description="Retries of a failed request (429, 5xx, timeout, connection error), "
        "with exponential backoff.",
    )
    llm_max_tokens: int | None = Field(
        default=4096, ge=1, description="Most tokens one answer may have; empty: no limit."
    )
    llm_structured_output: StructuredOutputMethod = Field(
        default="function_calling",
        description="How the planner asks for a structured plan: function_calling (tools), "
        "json_schema (response_format) or json_mode (JSON object, schema in the prompt).",
    )
    llm_input_price: float | None = Field(
        default=None,
        ge=0.0,
        description="The default profile's price in USD per million prompt tokens; empty: "
        "unknown (its costs show as unknown).",
    )
    llm_output_price: float | None = Field(
        default=None,
        ge=0.0,
        description="The default profile's price in USD per million completion tokens.",
    )
    openai_api_key: SecretStr = SecretStr("")
    openai_base_url: str = Field(
        default="",
        description="Any OpenAI-compatible server (vLLM, LM Studio, ...); empty: OpenAI.",
    )
    groq_api_key: SecretStr = SecretStr("")
    groq_base_url: str = Field(default="", description="Empty: Groq's own endpoint.")
    ollama_base_url: str = "http://127.0.0.1:11434"
    # --- model profiles (see orchestra.llm.profiles); the above is the `default` profile ---
    # NoDecode: read as text and parsed below, so that broken JSON is a settings error that
    # says so, not a traceback from the settings loader.
    model_profiles: Annotated[dict[str, dict[str, Any]], NoDecode] = Field(
        default_factory=dict,
        description='Named model profiles as JSON, e.g. {"fast": {"provider": "groq", '
        '"model": "llama-3.1-8b-instant"}}; keys: provider, model, temperature, max_tokens, '
        "base_url, api_key_env, structured_output, hosts, input_price, output_price (USD "
        "per million tokens).",
    )
    model_profiles_file: Path | None = Field(
        default=None,
        description="A TOML (or .json) file of model profiles, one table per profile; "
        "MODEL_PROFILES wins for a name defined in both.",
    )
    planner_model: str = Field(default="default", description="The planner's model profile.")
    synthesis_model: str = Field(
        default="default", description="The model profile that writes a task's result."
    )

    max_plan_steps: int = Field(default=10, ge=1, le=100)
    max_replans: int = Field(
        default=1,
        ge=0,
        le=10,
        description="Times a task is planned again when a step fails for good (after its "
        "retries and failover); 0: never, the task fails with the step. Runs of a workflow "
        "are replanned only if the workflow says so.",
    )
    max_description_length: int = Field(default=20_000, ge=1)
    plan_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        description="How long the offline planner may read one request before it is "
        "stopped and the task fails with a reason (planning runs in a worker process).",
    )
    analysis_timeout_seconds: float = Field(
        default=30.0,
        gt=0,
        description="How long the analyst agent may work on one step before it is stopped "
        "and the step fails with a reason (its operations run in worker processes).",
    )
    step_timeout_seconds: float = Field(default=120.0, gt=0)
    step_max_attempts: int = Field(default=3, ge=1, le=20)
    agent_concurrency: int = Field(
        default=8, ge=1, description="Steps one agent runs at once, across all processes."
    )
    agent_call_timeout_seconds: float = Field(default=10.0, gt=0)
    max_hops: int = Field(
        default=4,
        ge=1,
        le=100,
        description="How many orchestrators a request may go through (orchestrators registered "
        "as each other's agents): a message that has come through this many is refused.",
    )
    balancing_default: BalancingStrategy = Field(
        default="least_loaded",
        description="How a step picks an instance of an agent that has no strategy of its own "
        "(PATCH /api/agents/{id}): least_loaded, round_robin, fastest or random.",
    )
    executor_id: str = Field(
        default="",
        description="Stable id of this orchestrator process; empty means <host name>-<port>. "
        "A restarted process resumes the tasks of its own id.",
    )
    slot_poll_seconds: float = Field(
        default=0.1,
        ge=0.005,
        description="How often a step waiting for a free slot of its agent (AGENT_CONCURRENCY) "
        "looks again; a slot freed in the same process wakes it at once.",
    )
    heartbeat_seconds: float = Field(default=5.0, gt=0)
    executor_dead_after_seconds: float = Field(
        default=30.0, gt=0, description="Silence after which a process's tasks are adopted."
    )
    health_interval_seconds: float = Field(
        default=10.0, gt=0, description="How often every agent instance's card is probed."
    )
    max_running_tasks: int = Field(
        default=64,
        ge=1,
        description="Tasks one process runs at once at most; the others wait in line, in "
        "order. Past 16, a task starts only while the event loop keeps up (lag under 10 ms).",
    )
    max_waiting_tasks: int = Field(
        default=10_000,
        ge=0,
        description="Tasks that may wait in line in one process; past it submissions get 503.",
    )
    task_view_cache: int = Field(
        default=2000,
        ge=1,
        description="Task views kept in memory for reads (least read first out).",
    )
    view_sync_seconds: float = Field(
        default=0.25,
        gt=0,
        description="How often a process looks for tasks other processes changed.",
    )
    review_plans: bool = Field(
        default=False,
        description="Every task stops after planning, awaiting approval of its plan "
        "(a task's own review_plan overrides it).",
    )
    plan_review_hours: float = Field(
        default=72.0,
        gt=0,
        description="A plan awaiting approval longer than this fails its task.",
    )
    input_wait_hours: float = Field(
        default=72.0,
        gt=0,
        description="A step whose agent asked a question (input-required) and got no reply "
        "within this many hours fails, and its task with it.",
    )
    retention_days: float | None = Field(
        default=None,
        gt=0,
        description="Delete finished tasks (steps, events, messages) older than this many "
        "days; empty keeps them.",
    )
    retention_sweep_seconds: float = Field(
        default=3600.0,
        gt=0,
        description="How often each process deletes what RETENTION_DAYS lets go.",
    )
    clock_ticks_kept_seconds: float = Field(
        default=3600.0,
        gt=0,
        description="How long DBOS's records of the schedules' ended clock ticks are kept.",
    )
    checkpoint_days: float = Field(
        default=1.0,
        gt=0,
        description="The research agent drops, when it starts, the checkpoints of runs "
        "stopped by a shutdown and not sent again within this many days.",
    )
    application_version: str = Field(
        default="orchestra-4",
        description="Pinned so that pending tasks resume after an upgrade of the code.",
    )

    frontend_dir: Path | None = Field(
        default=None,
        description="Built dashboard to serve at /; empty means the repository's frontend/dist.",
    )
    cors_origins: list[str] = Field(default_factory=list)

    auth_enabled: bool = Field(
        default=False,
        description="Require API keys (Bearer). Off is allowed only while HOST is loopback.",
    )
    admin_key: SecretStr = Field(
        default=SecretStr(""),
        description="An admin API key accepted from the start (for deployment scripts such "
        "as docker compose); stored hashed like any other key.",
    )
    agent_token: SecretStr = Field(
        default=SecretStr(""),
        description="Our agents (research, analyst) require 'Authorization: Bearer <it>' on "
        "their A2A endpoints and declare it on their cards; empty: open. `orchestra up` makes "
        "one when it is empty and registers its agents with it.",
    )
    agent_allowed_hosts: list[str] = Field(
        default_factory=list,
        description="Host names, addresses or networks (CIDR) agent cards and endpoints may "
        "be on, besides loopback while Orchestra listens on loopback.",
    )
    secret_key: SecretStr = Field(
        default=SecretStr(""),
        description="The deployment's secret: task callbacks are signed with keys derived from "
        "it. Empty means one made at first start and kept in DATA_DIR/secret_key; set it "
        "when orchestrator processes do not share DATA_DIR.",
    )
    callback_allowed_hosts: list[str] = Field(
        default_factory=list,
        description="Host names, addresses or networks (CIDR) a task's callback_url may be on, "
        "besides loopback while Orchestra listens on loopback.",
    )
    callback_timeout_seconds: float = Field(
        default=10.0, gt=0, description="How long one callback delivery waits for an answer."
    )
    callback_retry_seconds: float = Field(
        default=86_400.0,
        ge=0,
        description="How long a callback is retried (5xx, 408, 429, timeouts, connection "
        "errors) before it is marked undelivered.",
    )
    callback_backoff_seconds: float = Field(
        default=1.0,
        gt=0,
        description="The wait before a callback's second attempt; it doubles with each "
        "attempt, up to CALLBACK_MAX_BACKOFF_SECONDS.",
    )
    callback_max_backoff_seconds: float = Field(default=600.0, gt=0)
    max_request_bytes: int = Field(default=1_048_576, ge=1024)
    max_document_bytes: int = Field(
        default=20_000_000,
        ge=1024,
        description="Largest document upload (POST /api/documents), in bytes.",
    )
    tasks_per_minute: int = Field(default=120, ge=1, description="Per API key and process.")
    schedule_tick_seconds: int = Field(
        default=5,
        ge=1,
        le=3600,
        description="How often the clock looks for due workflow schedules (once per tick "
        "across all processes): a schedule fires within this of its time. A divisor of 60, "
        "or a multiple of 60 that divides an hour.",
    )
    schedule_late_seconds: float = Field(
        default=60.0,
        gt=0,
        description="A schedule's time found due later than this was missed (the "
        "orchestrator was down): its catch-up policy applies.",
    )
    hook_signature_tolerance_seconds: int = Field(
        default=300,
        ge=1,
        description="How far a signed webhook delivery's timestamp may be from now.",
    )
    max_event_streams: int = Field(
        default=20, ge=1, description="Open SSE streams per API key and process."
    )
    trace_exporter: Literal["none", "console", "otlp"] = Field(
        default="none",
        description="OpenTelemetry spans: none (default), console (JSON lines on stdout), or "
        "otlp (endpoint from OTEL_EXPORTER_OTLP_ENDPOINT).",
    )
    log_level: str = "INFO"
    log_format: Literal["text", "json"] = Field(
        default="text", description="json writes one JSON object per line."
    )

    @field_validator("schedule_tick_seconds")
    @classmethod
    def _divides_the_clock(cls, value: int) -> int:
        if not (60 % value == 0 or (value % 60 == 0 and 60 % (value // 60) == 0)):
            raise ValueError("must divide 60 (1, 2, 5, 10...) or be minutes that divide an hour")
        return value

    @field_validator("data_dir")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @field_validator("retention_days", mode="before")
    @classmethod
    def _keep_when_empty(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("model_profiles", mode="before")
    @classmethod
    def _profiles_json(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        if not value.strip():
            return {}
        try:
            return json.loads(value)
        except ValueError as error:
            raise ValueError(
                f"is not valid JSON ({error}); write it as "
                '{"fast": {"provider": "groq", "model": "llama-3.1-8b-instant"}}'
            ) from None

    @field_validator("model_profiles_file", mode="before")
    @classmethod
    def _empty_path_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator(
        "llm_temperature", "llm_max_tokens", "llm_input_price", "llm_output_price", mode="before"
    )
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        # `LLM_MAX_TOKENS=` in .env means "no value", not an unparsable number.
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _llm_provider_is_usable(self) -> Settings:
        """Refuse to start with a provider that cannot work, instead of failing on a task."""
        provider = self.llm_provider
        if provider == "offline":
            return self
        problems: list[str] = []
        if not self.llm_model.strip():
            example = {
                "openai": "gpt-4o-mini",
                "groq": "llama-3.3-70b-versatile",
                "ollama": "llama3.1",
            }[provider]
            problems.append(f"LLM_MODEL is empty: name the model, e.g. LLM_MODEL={example}")
        if (
            provider == "openai"
            and not self.openai_api_key.get_secret_value().strip()
            and not self.openai_base_url.strip()
        ):
            problems.append(
                "OPENAI_API_KEY is empty: set it, or set OPENAI_BASE_URL to a local "
                "OpenAI-compatible server that needs no key"
            )
        if provider == "groq" and not self.groq_api_key.get_secret_value().strip():
            problems.append("GROQ_API_KEY is empty: create a key at https://console.groq.com/keys")
        if provider == "ollama" and not self.ollama_base_url.strip():
            problems.append("OLLAMA_BASE_URL is empty: e.g. http://127.0.0.1:11434")
        if problems:
            raise ValueError(
                f"LLM_PROVIDER={provider} cannot be used: "
                + "; ".join(problems)
                + ". Or set LLM_PROVIDER=offline to run without an LLM."
            )
        return self

    @property
    def dashboard_dir(self) -> Path | None:
        """The built dashboard if there is one, else the placeholder page beside it."""
        if self.frontend_dir is not None:
            return self.frontend_dir
        root = Path(__file__).resolve().parents[3] / "frontend"
        for candidate in (root / "dist", root / "public"):
            if (candidate / "index.html").is_file():
                return candidate
        return None

    @property
    def orchestrator_database_url(self) -> str:
        return self.database_url or f"sqlite+aiosqlite:///{self.data_dir / 'orchestra.db'}"

    @property
    def advertised_host(self) -> str:
        if self.public_host:
            return self.public_host
        return "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host

    @property
    def on_loopback(self) -> bool:
        """Whether the orchestrator listens on loopback only."""
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    @property
    def process_id(self) -> str:
        """This orchestrator's executor id (see `executor_id`)."""
        return self.executor_id or f"{socket.gethostname()}-{self.port}"

    def agent_store_url(self, agent: str, port: int) -> str:
        """Database URL for one agent instance's A2A task store."""
        if self.agent_database_url:
            return self.agent_database_url
        return f"sqlite+aiosqlite:///{self.data_dir / 'agents' / f'{agent}-{port}.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
