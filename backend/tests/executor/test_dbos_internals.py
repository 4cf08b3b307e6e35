"""The DBOS internals Orchestra uses are checked at start: if a release moved them, it says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from dbos import DBOS

from orchestra.db import Database
from orchestra.executor import dbos_internals
from orchestra.executor.adoption import Adoption
from orchestra.executor.dbos_internals import DbosInternalsMoved


def test_the_installed_dbos_has_what_orchestra_uses() -> None:
    dbos_internals.check()


def test_a_dbos_without_the_private_recovery_is_refused() -> None:
    class Moved:
        pass

    with pytest.raises(DbosInternalsMoved, match="_recover_pending_workflows is gone") as moved:
        dbos_internals.check(Moved)
    assert f"tested with {dbos_internals.TESTED_DBOS}" in str(moved.value)


def test_a_dbos_whose_private_recovery_changed_shape_is_refused() -> None:
    class Changed:
        @classmethod
        def _recover_pending_workflows(cls, executor_ids: list[str], version: str) -> list[str]:
            return []

    with pytest.raises(DbosInternalsMoved, match="now takes"):
        dbos_internals.check(Changed)


async def _nothing() -> int:
    return 0


async def test_adoption_checks_at_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found out when the process starts, not when a process has died and needs adopting."""
    monkeypatch.delattr(DBOS, "_recover_pending_workflows")
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'orchestra.db'}")
    try:
        with pytest.raises(DbosInternalsMoved):
            Adoption(db, "local", interval=1, dead_after=5, resubmit_pending=_nothing)
    finally:
        await db.close()


def test_check_names_the_handle_type_that_tells_where_a_workflow_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dbos import _core

    monkeypatch.delattr(_core, "WorkflowHandleAsyncTask")
    with pytest.raises(DbosInternalsMoved, match="WorkflowHandleAsyncTask is gone"):
        dbos_internals.check()
