/** The top of a task's page: what was asked, its state and figures, cancel, save as a workflow, delete. */
import { useState } from "react";
import { Link } from "react-router";

import { api, ApiError } from "../api/client";
import type { StreamState } from "../api/events";
import { isTerminal, type TaskPublic } from "../api/types";
import { DeleteButton } from "../components/DeleteButton";
import { StatusBadge } from "../components/StatusBadge";
import { formatCost, formatDuration, formatNumber, formatTime, shortId } from "../lib/format";
import { SaveAsWorkflow } from "./SaveAsWorkflow";
import { UsageTable } from "./UsageTable";

const STREAM_LABELS: Record<StreamState, string> = {
  connecting: "Connecting…",
  open: "Live",
  reconnecting: "Reconnecting…",
  closed: "",
};

export function TaskHeader({
  task,
  stream,
  now,
  onCanceled,
  onDeleted,
}: {
  task: TaskPublic;
  stream: StreamState;
  now: number;
  onCanceled: (task: TaskPublic) => void;
  onDeleted: () => void;
}) {
  const [canceling, setCanceling] = useState(false);
  const [cancelError, setCancelError] = useState<string>();
  const terminal = isTerminal(task.status);
  const started = task.started_at ? new Date(task.started_at).getTime() : undefined;
  const duration = task.duration_ms ?? (started !== undefined && !terminal ? now - started : null);
  const skipped = task.steps.filter((step) => step.status === "skipped").length;

  async function cancel() {
    setCanceling(true);
    setCancelError(undefined);
    try {
      onCanceled(await api.cancelTask(task.id));
    } catch (cause) {
      setCancelError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setCanceling(false);
    }
  }

  return (
    <header className="task-header">
      <p className="breadcrumbs">
        <Link to="/tasks">Tasks</Link> / <code title={task.id}>{shortId(task.id)}</code>
      </p>
      <div className="task-title-row">
        <h1 id="task-title" className="task-title">{task.description}</h1>
        <div className="task-actions">
          <StatusBadge status={task.status} />
          {!terminal && STREAM_LABELS[stream] ? (
            <span className={`stream stream-${stream}`} role="status">
              {STREAM_LABELS[stream]}
            </span>
          ) : null}
          {!terminal ? (
            <button type="button" className="danger" onClick={cancel} disabled={canceling}>
              {canceling ? "Canceling…" : "Cancel task"}
            </button>
          ) : null}
          {terminal && task.steps.length > 0 ? <SaveAsWorkflow task={task} /> : null}
          <DeleteButton
            what="task"
            warning={terminal ? "Its steps, events and messages go too." : "It is canceled first; its steps, events and messages go too."}
            onDelete={() => api.deleteTask(task.id)}
            onDeleted={onDeleted}
          />
        </div>
      </div>
      {cancelError ? (
        <p className="error-text" role="alert">
          Could not cancel: {cancelError}
        </p>
      ) : null}
      <dl className="facts task-facts">
        <div>
          <dt>Created</dt>
          <dd>{formatTime(task.created_at)}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(duration)}</dd>
        </div>
        <div>
          <dt>Steps</dt>
          <dd>
            {task.steps_completed}/{task.steps_total} completed
            {skipped ? `, ${skipped} skipped` : ""}
          </dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>
            {formatNumber(task.tokens_in)} in · {formatNumber(task.tokens_out)} out
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd title={task.cost_complete ? undefined : "Some tokens were used at a profile without prices."}>
            {formatCost(task.cost_usd)}
            {!task.cost_complete && task.cost_usd !== null ? " + unknown" : ""}
          </dd>
        </div>
        <div>
          <dt>Planner</dt>
          <dd title={task.planner_reason ?? undefined}>{task.planner ?? "—"}</dd>
        </div>
        {task.workflow_id ? (
          <div>
            <dt>Workflow</dt>
            <dd>
              <code title={task.workflow_id}>{shortId(task.workflow_id)}</code> version {task.workflow_version}
            </dd>
          </div>
        ) : null}
        {task.session_id ? (
          <div>
            <dt>Session</dt>
            <dd>
              <Link to={`/sessions/${task.session_id}`}>{shortId(task.session_id)}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      {task.planner_reason ? <p className="muted small">Planner: {task.planner_reason}</p> : null}
      {task.usage.length ? <UsageTable usage={task.usage} /> : null}
    </header>
  );
}
