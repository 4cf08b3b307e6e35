/** Workflows: saved plans with an input schema, newest first, paged, with how often each ran. */
import { useCallback } from "react";
import { Link, useSearchParams } from "react-router";

import { api } from "../api/client";
import { Pagination } from "../components/Pagination";
import { Empty, ErrorState, Loading } from "../components/States";
import { useResource } from "../hooks/useResource";
import { formatNumber, formatRelative, formatTime } from "../lib/format";
import "../workflows/workflows.css";

export const WORKFLOWS_PAGE_SIZE = 20;
const REFRESH_MS = 5000;

export function WorkflowsPage() {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const workflows = useResource(
    // One request: the list says how many runs each workflow has.
    useCallback((signal: AbortSignal) => api.listWorkflows({ limit: WORKFLOWS_PAGE_SIZE, offset }, signal), [offset]),
    `workflows|${offset}`,
    REFRESH_MS,
  );
  const data = workflows.data;

  return (
    <section aria-labelledby="workflows-title">
      <div className="page-head">
        <h1 id="workflows-title">Workflows</h1>
        <Link className="button primary" to="/workflows/new">
          New workflow
        </Link>
      </div>
      {workflows.error && !data ? <ErrorState error={workflows.error} onRetry={workflows.reload} /> : null}
      {workflows.loading ? <Loading label="Loading workflows…" /> : null}
      {workflows.error && data ? (
        <p className="warning" role="status">
          Live updates paused: {workflows.error.message}
        </p>
      ) : null}
      {data && data.total === 0 ? (
        <Empty title="No workflows yet.">
          <p>
            A workflow is a plan saved under a name, with inputs: the same steps every run.{" "}
            <Link to="/workflows/new">Write one</Link>, or save definitions from files with{" "}
            <code>orchestra workflows apply FILE</code>.
          </p>
        </Empty>
      ) : null}
      {data && data.items.length > 0 ? (
        <div className="table-scroll">
          <table className="list-table workflows-table">
            <thead>
              <tr>
                <th scope="col">Workflow</th>
                <th scope="col">Version</th>
                <th scope="col">Updated</th>
                <th scope="col">Runs</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((workflow) => (
                <tr key={workflow.id} data-workflow-id={workflow.id}>
                  <td data-label="Workflow" className="task-cell">
                    <Link to={`/workflows/${workflow.id}`}>{workflow.name}</Link>
                    {workflow.description ? <span className="muted small">{workflow.description}</span> : null}
                  </td>
                  <td data-label="Version">{workflow.version}</td>
                  <td data-label="Updated">
                    <time dateTime={workflow.updated_at} title={formatTime(workflow.updated_at)}>
                      {formatRelative(workflow.updated_at)}
                    </time>
                  </td>
                  <td data-label="Runs">{formatNumber(workflow.runs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? (
        <Pagination
          offset={offset}
          limit={WORKFLOWS_PAGE_SIZE}
          total={data.total}
          onOffset={(next) => setParams(next > 0 ? { offset: String(next) } : {}, { replace: true })}
        />
      ) : null}
    </section>
  );
}
