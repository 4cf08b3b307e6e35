"""Domain errors, each with a stable `code` and the HTTP status the API answers with.

OrchestraError
├── Unauthorized             401 unauthorized (no key, or not a valid one)
│   └── BadSignature         401 bad_signature (a webhook delivery's signature is missing,
│                                wrong or stale)
├── Forbidden                403 forbidden (needs an admin key)
├── NotFoundError            404 task_not_found, agent_not_found, session_not_found, ...
│   └── UnknownHook          404 hook_not_found (says nothing of what the token was)
├── ConflictError            409 task_already_finished
├── InvalidInputError        422 invalid_input, empty_description, invalid_plan, ...
├── AgentCardError           422 agent_card_unreachable, agent_card_invalid
├── EgressRefused            422 agent_url_not_allowed (SSRF rules, registry/egress.py)
├── TooManyRequests          429 rate_limited (with Retry-After)
├── DatabaseUnavailable      503 database_unavailable (with Retry-After): the database is
│                                unreachable or busy past its timeouts (`db.errors.transient`)
└── Saturated                503 executor_saturated (with Retry-After): MAX_WAITING_TASKS
                                 tasks wait to run already (`executor.admission`)

Planning failures (`orchestra.planner.errors`) are not API errors: they fail the task.
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


class UnknownHook(NotFoundError):
    """No webhook has this token (never had, rotated, or its workflow deleted); the answer
    is the same in every case so that tokens cannot be probed."""

    def __init__(self) -> None:
        OrchestraError.__init__(self, "No webhook at this address.", code="hook_not_found")


class InvalidInputError(OrchestraError):
    status_code = 422
    code = "invalid_input"


class ConflictError(OrchestraError):
    status_code = 409
    code = "conflict"


class AgentCardError(OrchestraError):
    status_code = 422
    code = "agent_card_invalid"


class Unauthorized(OrchestraError):
    status_code = 401
    code = "unauthorized"


class BadSignature(Unauthorized):
    code = "bad_signature"


class Forbidden(OrchestraError):
    status_code = 403
    code = "forbidden"


class EgressRefused(OrchestraError):
    status_code = 422
    code = "agent_url_not_allowed"


class TooManyRequests(OrchestraError):
    status_code = 429
    code = "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message, retry_after=retry_after)
        self.retry_after = retry_after


class DatabaseUnavailable(OrchestraError):
    """The database did not answer (an outage, a restart, a lock held too long).

    Nothing was lost: the request may be sent again once the database is back.
    """

    status_code = 503
    code = "database_unavailable"

    # Long enough for a database restart or a failover to finish, short enough for a person.
    RETRY_AFTER_SECONDS = 5

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "The database is not answering right now; nothing was changed. "
            f"Try again in {self.RETRY_AFTER_SECONDS} s.",
            retry_after=self.RETRY_AFTER_SECONDS,
        )


class Saturated(OrchestraError):
    """So many tasks wait to run in this process that another would wait too long: nothing
    was stored, and the request may be sent again later."""

    status_code = 503
    code = "executor_saturated"

    def __init__(self, waiting: int, retry_after: int) -> None:
        super().__init__(
            f"{waiting} tasks are waiting to run here already (MAX_WAITING_TASKS); nothing was "
            f"stored. Try again in {retry_after} s.",
            retry_after=retry_after,
            waiting=waiting,
        )
