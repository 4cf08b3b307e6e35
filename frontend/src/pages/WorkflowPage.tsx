/** One workflow: what it does, its inputs, its steps as a graph, its versions compared, its runs, its schedules and webhook. */
import { useCallback, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";

import { api, ApiError } from "../api/client";
import type { WorkflowPublic } from "../api/types";
import { Pagination } from "../components/Pagination";
import { ErrorState, Loading } from "../components/States";
import { useResource } from "../hooks/useResource";
import { WorkflowMissing } from "../workflows/WorkflowMissing";
import { formatRelative, formatTime } from "../lib/format";
import { InputSchemaSummary } from "../workflows/InputSchemaSummary";
import { RunTable } from "../workflows/RunTable";
import { Schedules } from "../workflows/Schedules";
import { VersionDiff } from "../workflows/VersionDiff";
import { WorkflowSteps } from "../workflows/WorkflowSteps";
import { Webhook } from "../workflows/Webhook";
import "../workflows/workflows.css";

export const RUNS_PAGE_SIZE = 20;
const RUNS_REFRESH_MS = 3000;
/** The API's most: versions are few and small. */
const VERSIONS_LIMIT = 200;

function Versions({ workflow }: { workflow: WorkflowPublic }) {
  const versions = useResource(
    useCallback((signal: AbortSignal) => api.listWorkflowVersions(workflow.id, { limit: VERSIONS_LIMIT }, signal), [workflow.id]),
    `versions|${workflow.id}|${workflow.version}`,
  );
  if (versions.error) return <ErrorState error={versions.error} onRetry={versions.reload} />;
  if (!versions.data) return <Loading label="Loading versions…" />;
  return <VersionDiff versions={versions.data.items} />;
}

function Runs({ workflow }: { workflow: WorkflowPublic }) {
  const [offset, setOffset] = useState(0);
  const runs = useResource(
    useCallback(
      (signal: AbortSignal) => api.listWorkflowRuns(workflow.id, { limit: RUNS_PAGE_SIZE, offset }, signal),
      [workflow.id, offset],
    ),
    `runs|${workflow.id}|${offset}`,
    RUNS_REFRESH_MS,
  );
  if (runs.error && !runs.data) return <ErrorState error={runs.error} onRetry={runs.reload} />;
  if (!runs.data) return <Loading label="Loading runs…" />;
  if (runs.data.total === 0) {
    return (
      <p className="muted">
        No runs yet. <Link to={`/workflows/${workflow.id}/run`}>Run it</Link>.
      </p>
    );
  }
  return (
    <>
      {runs.error ? <p className="warning" role="status">Live updates paused: {runs.error.message}</p> : null}
      <RunTable runs={runs.data.items} />
      <Pagination offset={offset} limit={RUNS_PAGE_SIZE} total={runs.data.total} onOffset={setOffset} />
    </>
  );
}

function DeleteWorkflow({ workflow }: { workflow: WorkflowPublic }) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await api.deleteWorkflow(workflow.id);
      navigate("/workflows");
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <>
      {confirming ? (
        <span className="confirm" role="group" aria-label="Confirm deletion">
          <button type="button" className="danger" onClick={remove} disabled={busy}>
            {busy ? "Deleting…" : `Delete ${workflow.name}`}
          </button>
          <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
            Keep
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} aria-label={`Delete ${workflow.name}…`}>
          Delete…
        </button>
      )}
      {confirming ? (
        <p className="warning small delete-note" role="status">
          It can no longer be run or edited. Its runs stay readable as tasks.
        </p>
      ) : null}
      {error ? (
        <p className="error-text delete-note" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function WorkflowPage() {
  const { workflowId = "" } = useParams();
  const workflow = useResource(
    useCallback((signal: AbortSignal) => api.getWorkflow(workflowId, signal), [workflowId]),
    `workflow|${workflowId}`,
  );

  if (!workflow.data) return <WorkflowMissing workflow={workflow} />;

  const w = workflow.data;
  const outputs = Object.entries(w.outputs);
  return (
    <article className="workflow-page" aria-labelledby="workflow-title">
      <p className="breadcrumbs">
        <Link to="/workflows">Workflows</Link> /
      </p>
      <div className="page-head">
        <div>
          <h1 id="workflow-title">{w.name}</h1>
          <p className="muted small">
            Version {w.version} · updated{" "}
            <time dateTime={w.updated_at} title={formatTime(w.updated_at)}>
              {formatRelative(w.updated_at)}
            </time>
          </p>
        </div>
        <div className="workflow-actions">
          <Link className="button primary" to={`/workflows/${w.id}/run`}>
            Run
          </Link>
          <Link className="button" to={`/workflows/${w.id}/edit`}>
            Edit
          </Link>
          <DeleteWorkflow workflow={w} />
        </div>
      </div>
      {w.description ? <p className="lead">{w.description}</p> : null}

      <section aria-labelledby="inputs-title" className="panel">
        <h2 id="inputs-title">Inputs</h2>
        <InputSchemaSummary schema={w.input_schema} />
      </section>

      <section aria-labelledby="steps-title" className="panel">
        <h2 id="steps-title">Steps</h2>
        <WorkflowSteps steps={w.steps} />
        <p className="muted small" data-testid="replan-note">
          {w.replan
            ? "A step that fails for good (after its retries) has the work left planned again, as a task's is; its replanned step r1-<id> stands for it in later steps and the outputs."
            : "A step that fails for good (after its retries) fails the run; with replan: true in the definition the work left is planned again instead."}
        </p>
        {outputs.length > 0 ? (
          <>
            <h3>Outputs</h3>
            <dl className="facts">
              {outputs.map(([name, path]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>
                    <code>{path}</code>
                  </dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
      </section>

      <section aria-labelledby="versions-title" className="panel">
        <h2 id="versions-title">Versions</h2>
        <Versions workflow={w} />
      </section>

      <section aria-labelledby="runs-title" className="panel">
        <h2 id="runs-title">Runs</h2>
        <Runs workflow={w} />
      </section>

      <section aria-labelledby="schedules-title" className="panel">
        <h2 id="schedules-title">Schedules</h2>
        <Schedules workflow={w} />
      </section>

      <section aria-labelledby="webhook-title" className="panel">
        <h2 id="webhook-title">Webhook</h2>
        <Webhook workflow={w} />
      </section>
    </article>
  );
}
