/** Workflows: saved plans with an input schema, newest first, paged, with how often each ran. */
import { useCallback } from "react";
import { Link, useSearchParams } from "react-router";

import { api } from "../api/client";
import type { WorkflowPublic } from "../api/types";
import { Pagination } from "../components/Pagination";
import { Empty, ErrorState, Loading } from "../components/States";
import { useResource } from "../hooks/useResource";
import { formatNumber, formatRelative, formatTime } from "../lib/format";
import "../workflows/workflows.css";

export const WORKFLOWS_PAGE_SIZE = 20;
// Run counts cost a request a workflow: refreshed less often than the task list.
const REFRESH_MS = 10000;

interface Row {
  workflow: WorkflowPublic;
  /** Undefined when the count could not be read. */
  runs: number | undefined;
}

async function loadPage(offset: number, signal: AbortSignal): Promise<{ rows: Row[]; total: number }> {
  const page = await api.listWorkflows({ limit: WORKFLOWS_PAGE_SIZE, offset }, signal);
  // The list has no run count: each workflow's run list answers its total (one item read).
  const rows = await Promise.all(
    page.items.map(async (workflow) => {
      try {
        const runs = await api.listWorkflowRuns(workflow.id, { limit: 1 }, signal);
        return { workflow, runs: runs.total };
      } catch (cause) {
        if (signal.aborted) throw cause;
        return { workflow, runs: undefined };
      }
    }),
  );
  return { rows, total: page.total };
}

export function WorkflowsPage() {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const workflows = useResource(
    useCallback((signal: AbortSignal) => loadPage(offset, signal), [offset]),
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
      {data && data.rows.length > 0 ? (
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
              {data.rows.map(({ workflow, runs }) => (
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
                  <td data-label="Runs">{runs === undefined ? "—" : formatNumber(runs)}</td>
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
