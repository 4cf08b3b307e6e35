/** Run a workflow: a form made from its input schema; the run then shows on its task page. */
import { useCallback } from "react";
import { Link, useParams } from "react-router";

import { api } from "../api/client";
import { useResource } from "../hooks/useResource";
import { WorkflowMissing } from "../workflows/WorkflowMissing";
import { RunForm } from "../workflows/RunForm";
import "../workflows/workflows.css";

export function WorkflowRunPage() {
  const { workflowId = "" } = useParams();
  const workflow = useResource(
    useCallback((signal: AbortSignal) => api.getWorkflow(workflowId, signal), [workflowId]),
    `workflow|${workflowId}`,
  );
  if (!workflow.data) return <WorkflowMissing workflow={workflow} />;
  const w = workflow.data;
  return (
    <section aria-labelledby="run-title" className="narrow">
      <p className="breadcrumbs">
        <Link to="/workflows">Workflows</Link> / <Link to={`/workflows/${w.id}`}>{w.name}</Link> /
      </p>
      <h1 id="run-title">Run {w.name}</h1>
      <p className="lead">
        {w.description ? `${w.description} ` : ""}A run uses version {w.version} and is a task: you follow it on its page.
      </p>
      <RunForm workflow={w} />
    </section>
  );
}
