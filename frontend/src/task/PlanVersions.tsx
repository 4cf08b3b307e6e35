/** The versions of a task's plan once a step failed for good and the task was replanned:
 * version, why it was made, and when. Nothing for a task that kept its first plan. */
import { useEffect, useState } from "react";

import { api } from "../api/client";
import type { PlanVersion } from "../api/types";
import { formatTime } from "../lib/format";

/** `replans`: how many `task.replanned` events the task has; the list is read again when it grows. */
export function PlanVersions({ taskId, replans }: { taskId: string; replans: number }) {
  const [versions, setVersions] = useState<PlanVersion[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (replans === 0) return;
    const controller = new AbortController();
    api
      .getPlanVersions(taskId, controller.signal)
      .then((list) => {
        setVersions(list.items);
        setError(undefined);
      })
      .catch((cause: unknown) => {
        if (!controller.signal.aborted) setError(cause instanceof Error ? cause.message : String(cause));
      });
    return () => controller.abort();
  }, [taskId, replans]);

  if (replans === 0) return null;
  return (
    <section aria-labelledby="plan-versions-title" className="panel">
      <h2 id="plan-versions-title">Plan versions</h2>
      {error ? <p className="warning" role="status">Could not read the plan versions: {error}</p> : null}
      <ol className="plan-versions">
        {versions.map((version) => (
          <li key={version.version}>
            <strong>Version {version.version}</strong>{" "}
            <span className="muted">
              {version.planner ?? "given"} · <time dateTime={version.created_at}>{formatTime(version.created_at)}</time>
            </span>
            <p>{version.reason}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
