"""Settings for every Orchestra service, read from the environment and `.env`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LLMProvider = Literal["offline", "openai", "groq", "ollama"]


class Settings(BaseSettings):
    """One instance per process (see `get_settings`); services receive it, never re-read env."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

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

    llm_provider: LLMProvider = "offline"
    llm_model: str = ""
    openai_api_key: str = ""
    openai_base_url: str = ""
    groq_api_key: str = ""
    ollama_base_url: str = "http://127.0.0.1:11434"

    max_plan_steps: int = Field(default=10, ge=1, le=100)
    max_description_length: int = Field(default=20_000, ge=1)
    step_timeout_seconds: float = Field(default=120.0, gt=0)
    step_max_attempts: int = Field(default=3, ge=1, le=20)
    agent_concurrency: int = Field(
        default=8, ge=1, description="Steps one agent runs at once, across all processes."
    )
    agent_call_timeout_seconds: float = Field(default=10.0, gt=0)
    executor_id: str = Field(default="", description="Stable id of this orchestrator process.")
    application_version: str = Field(
        default="orchestra-1",
        description="Pinned so that pending tasks resume after an upgrade of the code.",
    )

    frontend_dir: Path | None = Field(
        default=None,
        description="Built dashboard to serve at /; empty means the repository's frontend/dist.",
    )
    cors_origins: list[str] = Field(default_factory=list)
    log_level: str = "INFO"

    @field_validator("data_dir")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        return value.expanduser().resolve()

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

    def agent_store_url(self, agent: str, port: int) -> str:
        """Database URL for one agent instance's A2A task store."""
        if self.agent_database_url:
            return self.agent_database_url
        return f"sqlite+aiosqlite:///{self.data_dir / 'agents' / f'{agent}-{port}.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
