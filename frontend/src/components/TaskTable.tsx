/** Tasks as a table (cards on a phone): status, created, duration, steps, tokens. */
import { Link } from "react-router";

import type { TaskSummary } from "../api/types";
import { formatDuration, formatNumber, formatRelative, formatTime } from "../lib/format";
import { StatusBadge } from "./StatusBadge";

export function TaskTable({ tasks }: { tasks: TaskSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="list-table tasks-table">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Status</th>
            <th scope="col">Steps</th>
            <th scope="col">Tokens</th>
            <th scope="col">Created</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id} data-task-id={task.id}>
              <td data-label="Task" className="task-cell">
                <Link to={`/tasks/${task.id}`} title={task.description}>
                  {task.description}
                </Link>
                {/* An error can quote a whole request (kilobytes of pasted data): the list
                    shows its first lines, the task's page and the tooltip all of it. */}
                {task.error ? (
                  <span className="error-text small task-error" title={task.error}>
                    {task.error}
                  </span>
                ) : null}
              </td>
              <td data-label="Status">
                <StatusBadge status={task.status} />
              </td>
              <td data-label="Steps">
                <span className="steps-count">
                  {task.steps_completed}/{task.steps_total}
                </span>
                <progress
                  max={Math.max(task.steps_total, 1)}
                  value={task.steps_completed}
                  aria-label={`${task.steps_completed} of ${task.steps_total} steps completed`}
                />
              </td>
              <td data-label="Tokens">{formatNumber(task.tokens_in + task.tokens_out)}</td>
              <td data-label="Created">
                <time dateTime={task.created_at} title={formatTime(task.created_at)}>
                  {formatRelative(task.created_at)}
                </time>
              </td>
              <td data-label="Duration">{formatDuration(task.duration_ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
