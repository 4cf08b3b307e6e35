"""A2A push-notification configs, kept in Orchestra's database (`orchestra.callbacks.push`).

`PushConfigs` is the SDK's `PushNotificationConfigStore`: the SDK's handler calls it for
`tasks/pushNotificationConfig/*` and for a config given with a message, after checking
that the caller may see the task. A config's URL is checked against the callbacks' egress
rules here, so a forbidden one is refused with InvalidParams; its credentials are kept
encrypted. Sending is not the SDK's (best effort, in memory): a task's configs are
delivered by durable workflows when it ends or waits for input.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from a2a.server.context import ServerCallContext
from a2a.server.tasks import PushNotificationConfigStore
from a2a.server.tasks.push_notification_config_store import normalize_push_notification_config
from a2a.types import AuthenticationInfo, TaskPushNotificationConfig
from a2a.utils.errors import InvalidParamsError, PushNotificationNotSupportedError

from orchestra.a2a_server.callers import principal
from orchestra.api.state import Services
from orchestra.callbacks import push
from orchestra.callbacks.delivery import Deliveries
from orchestra.errors import InvalidInputError
from orchestra.executor import callbacks

__all__ = ["PushConfigs"]

#: The longest config id, token and authentication scheme taken (the columns' sizes).
_LIMITS = {"id": 200, "url": 2000, "token": 1000, "scheme": 100}


class PushConfigs(PushNotificationConfigStore):
    """See the module docstring."""

    def __init__(self, services: Callable[[], Services]) -> None:
        self._services = services

    def _deliveries(self) -> Deliveries:
        deliveries = self._services().executor.rt.deliveries
        if deliveries is None:
            raise PushNotificationNotSupportedError(message="This process delivers no callbacks.")
        return deliveries

    async def set_info(
        self,
        task_id: str,
        notification_config: TaskPushNotificationConfig,
        context: ServerCallContext,
    ) -> TaskPushNotificationConfig:
        config = normalize_push_notification_config(task_id, notification_config)
        auth = config.authentication
        for name, value in (
            ("id", config.id),
            ("url", config.url),
            ("token", config.token),
            ("scheme", auth.scheme),
        ):
            if len(value) > _LIMITS[name]:
                raise InvalidParamsError(
                    message=f"The push notification config's {name} is {len(value)} characters "
                    f"long; the limit is {_LIMITS[name]}."
                )
        deliveries = self._deliveries()
        try:
            await deliveries.check_url(config.url)
        except InvalidInputError as error:
            raise InvalidParamsError(
                message=error.message.replace("callback_url", "push notification url", 1)
            ) from error
        row: dict[str, Any] = {
            "task_id": task_id,
            "id": config.id,
            "owner": principal(context).id,
            "url": config.url,
            "token": config.token or None,
            "auth_scheme": auth.scheme or None,
            "auth_credentials": deliveries.vault.seal(auth.credentials)
            if auth.credentials
            else None,
        }
        due = await self._services().db.run(lambda c: push.save(c, row))
        if due is not None:
            callbacks.start_pushes([due])
        return config

    async def get_info(
        self, task_id: str, context: ServerCallContext
    ) -> list[TaskPushNotificationConfig]:
        owner = principal(context).id
        rows = await self._services().db.read(lambda c: push.configs_of(c, task_id, owner))
        vault = self._deliveries().vault
        found: list[TaskPushNotificationConfig] = []
        for row in rows:
            config = TaskPushNotificationConfig(
                id=row.id, task_id=row.task_id, url=row.url, token=row.token or ""
            )
            if row.auth_scheme or row.auth_credentials:
                credentials = vault.open(row.auth_credentials) if row.auth_credentials else None
                config.authentication.CopyFrom(
                    AuthenticationInfo(scheme=row.auth_scheme or "", credentials=credentials or "")
                )
            found.append(config)
        return found

    async def get_info_for_dispatch(self, task_id: str) -> list[TaskPushNotificationConfig]:
        # The SDK's sender is not used (deliveries are durable workflows): nothing to send.
        del task_id
        return []

    async def delete_info(
        self, task_id: str, context: ServerCallContext, config_id: str | None = None
    ) -> None:
        owner = principal(context).id
        await self._services().db.run(lambda c: push.remove(c, task_id, owner, config_id))
