/** A workflow's runs: each a task (linked to its page) with the version it ran, its state and timing. */
import { Link } from "react-router";

import type { TaskSummary } from "../api/types";
import { StatusBadge } from "../components/StatusBadge";
import { formatDuration, formatRelative, formatTime, shortId } from "../lib/format";

export function RunTable({ runs }: { runs: TaskSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="list-table tasks-table runs-table">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Steps</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-task-id={run.id}>
              <td data-label="Run" className="task-cell">
                {/* Every run bears the workflow's name: it is told apart by when it started. */}
                <Link to={`/tasks/${run.id}`} aria-label={`Run ${shortId(run.id)}, started ${formatTime(run.created_at)}`}>
                  <time dateTime={run.created_at} title={formatTime(run.created_at)}>
                    {formatRelative(run.created_at)}
                  </time>{" "}
                  <code className="muted">{shortId(run.id)}</code>
                </Link>
                {run.error ? <span className="error-text small">{run.error}</span> : null}
              </td>
              <td data-label="Version">{run.workflow_version ?? "—"}</td>
              <td data-label="Status">
                <StatusBadge status={run.status} />
              </td>
              <td data-label="Steps">
                {run.steps_completed}/{run.steps_total}
              </td>
              <td data-label="Duration">{formatDuration(run.duration_ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
