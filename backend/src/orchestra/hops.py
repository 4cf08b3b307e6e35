"""How many orchestrators a request has gone through: the bound on nested orchestrators.

Orchestrators may register each other as agents, so a request can go round a loop (A
sends a step to B, whose plan sends it back to A, and so on). Every message Orchestra
sends to an agent carries the hop count in its metadata (`KEY`): the hops of the task the
step belongs to, plus one. Orchestra's A2A server reads it from each incoming message,
keeps it on the task it starts (`tasks.hops`), and refuses a message that has come
through MAX_HOPS orchestrators already: the task fails there with the reason, and the
failure travels back along the chain as each step's error.
"""

from __future__ import annotations

from a2a.types import Message

__all__ = ["KEY", "of_message", "refusal"]

#: The message metadata field; agents that are not orchestrators ignore it.
KEY = "orchestra/hops"


def of_message(message: Message | None) -> int:
    """The hop count a message carries; 0 for a message without one (a person's client),
    or with one that is not a whole number of at least 0."""
    if message is None or not message.HasField("metadata"):
        return 0
    field = message.metadata.fields.get(KEY)
    if field is None or field.WhichOneof("kind") != "number_value":
        return 0
    value = field.number_value
    return int(value) if value >= 0 and value == int(value) else 0


def refusal(hops: int, limit: int) -> str | None:
    """Why a message with `hops` is refused under the limit `limit`, else None."""
    if hops < limit:
        return None
    return (
        f"Hop limit reached: this request has already gone through {hops} orchestrators "
        f"(MAX_HOPS is {limit}); orchestrators registered as each other's agents would "
        "otherwise send it round forever. Register the agents that do the work directly."
    )
