/** What a workflow's pages show until the workflow is read: not found, an error, or loading. */
import { Link } from "react-router";

import { ApiError } from "../api/client";
import { Empty, ErrorState, Loading } from "../components/States";
import type { Resource } from "../hooks/useResource";

export function WorkflowMissing({ workflow }: { workflow: Resource<unknown> }) {
  if (workflow.error instanceof ApiError && workflow.error.status === 404) {
    return (
      <Empty title="There is no such workflow.">
        <p>
          It may have been deleted: its runs are still among the <Link to="/tasks">tasks</Link>.{" "}
          <Link to="/workflows">All workflows</Link>
        </p>
      </Empty>
    );
  }
  if (workflow.error) return <ErrorState error={workflow.error} onRetry={workflow.reload} />;
  return <Loading label="Loading the workflow…" />;
}
