import type { StepStatus, TaskStatus } from "../api/types";

/** A task or step state as a colored label; the color comes from `.status-<state>` in CSS. */
export function StatusBadge({ status }: { status: TaskStatus | StepStatus }) {
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {status.replace(/_/g, " ")}
    </span>
  );
}
