"""Every use of DBOS internals, in one place, checked when the process starts.

Adoption needs to hand the pending workflows of a dead executor back for recovery. DBOS
(3.4) has no public function for it: `DBOS.resume_workflows` re-enqueues any workflow that
has not finished, whoever runs it, so a workflow another process adopted meanwhile would
run twice, one canceled meanwhile would run again, and each would lose its deadline.
`fork_workflow` gives the workflow a new id (ours is the task id). The private recovery
that DBOS runs for its own executor at launch re-enqueues only workflows still PENDING
under the dead executor's id, so adopting twice is harmless; this module calls it.

A submission's workflow starts after the submission is answered, so two processes may start
one task's workflow (the second adopting the first's pending tasks); DBOS runs it once, and
`runs_here` tells the one that lost, which must give back the task's place in its line.

The dbos pin in pyproject.toml names the minor version this was tested with; `check` fails
the start if a DBOS release moved or changed what is used here.
"""

from __future__ import annotations

import inspect
from importlib.metadata import version
from typing import Any, NoReturn

from dbos import DBOS, _core

__all__ = [
    "TESTED_DBOS",
    "DbosInternalsMoved",
    "check",
    "recover_pending_workflows",
    "runs_here",
]

# The DBOS release whose internals this module was written and tested against.
TESTED_DBOS = "3.4"


class DbosInternalsMoved(RuntimeError):
    """The installed DBOS no longer has the internals Orchestra relies on."""


def check(dbos: type[Any] = DBOS) -> None:
    """Fail loudly if the internals used here moved, rather than when a process dies.

    Raises:
        DbosInternalsMoved: what is missing, and what to do.
    """
    recover = getattr(dbos, "_recover_pending_workflows", None)
    if not callable(recover):
        _moved("DBOS._recover_pending_workflows is gone")
    parameters = list(inspect.signature(recover).parameters)
    if parameters != ["executor_ids"]:
        _moved(f"DBOS._recover_pending_workflows now takes {parameters}, not [executor_ids]")

    if not isinstance(getattr(_core, "WorkflowHandleAsyncTask", None), type):
        _moved("dbos._core.WorkflowHandleAsyncTask is gone")


def runs_here(handle: Any) -> bool:
    """Whether `DBOS.start_workflow_async` ran the workflow in this process.

    It returns a handle that only polls when the workflow existed already: started by
    another process, or finished. DBOS has no public way to tell the two apart.
    """
    return isinstance(handle, _core.WorkflowHandleAsyncTask)


def _moved(what: str) -> NoReturn:
    raise DbosInternalsMoved(
        f"{what} (dbos {version('dbos')} is installed; Orchestra was tested with "
        f"{TESTED_DBOS}.x). Install the pinned dbos, or adapt "
        "orchestra/executor/dbos_internals.py to the new release: adoption of the tasks of "
        "dead processes depends on it."
    )


def recover_pending_workflows(executor_id: str) -> int:
    """Hand the executor's PENDING workflows back to DBOS's queue; returns how many.

    Blocking (DBOS's system database is synchronous): call it in a thread.
    """
    return len(DBOS._recover_pending_workflows([executor_id]))
