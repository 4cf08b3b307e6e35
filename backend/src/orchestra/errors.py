"""Domain errors, each with a stable `code` and the HTTP status the API answers with.

OrchestraError
├── NotFoundError            404 task_not_found, agent_not_found, session_not_found
├── InvalidInputError        422 invalid_input
├── ConflictError            409 conflict
├── AgentCardError           422 agent_card_unreachable, agent_card_invalid
└── NoCapabilityError        422 no_capability (nothing registered can run the task)
"""

from __future__ import annotations

from typing import Any


class OrchestraError(Exception):
    status_code = 500
    code = "internal_error"

    def __init__(self, message: str, *, code: str | None = None, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.details = details


class NotFoundError(OrchestraError):
    status_code = 404
    code = "not_found"

    def __init__(self, kind: str, ident: str) -> None:
        super().__init__(f"No {kind} with id '{ident}'.", code=f"{kind}_not_found", id=ident)


class InvalidInputError(OrchestraError):
    status_code = 422
    code = "invalid_input"


class ConflictError(OrchestraError):
    status_code = 409
    code = "conflict"


class AgentCardError(OrchestraError):
    status_code = 422
    code = "agent_card_invalid"


class NoCapabilityError(OrchestraError):
    status_code = 422
    code = "no_capability"
