/** One step in full: agent and instance, input, progress and reasoning (folded), output
 * (Markdown and data; a consensus step's consensus view), error, tokens. */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";

import type { StepPublic, TaskEvent } from "../api/types";
import { DataView } from "../components/DataView";
import { readConsensus } from "../consensus/consensus";

// Loaded with the first consensus shown, so tasks without one do not pay for it.
const ConsensusView = lazy(() => import("../consensus/ConsensusView").then((m) => ({ default: m.ConsensusView })));
import { Markdown } from "../components/Markdown";
import { StatusBadge } from "../components/StatusBadge";
import { ApprovalDecision } from "./StepApproval";
import { formatCost, formatDuration, formatNumber, formatTime, shortId } from "../lib/format";

function instanceUrl(events: TaskEvent[], step: StepPublic): string | undefined {
  const attempts = events.filter((e) => e.type === "step.attempt" && e.step_id === step.id);
  const url = attempts.at(-1)?.data.url;
  return typeof url === "string" ? url : undefined;
}

/** Why a step was skipped (a workflow's condition, or a step it needs skipped), if it says. */
function skipReason(events: TaskEvent[], step: StepPublic): string | undefined {
  if (step.status !== "skipped") return undefined;
  const reason = events.findLast((e) => e.type === "step.skipped" && e.step_id === step.id)?.data.reason;
  return typeof reason === "string" ? reason : undefined;
}

export function StepCard({
  step,
  events,
  selected,
  liveText,
}: {
  step: StepPublic;
  events: TaskEvent[];
  selected: boolean;
  /** The answer as the agent writes it, while the step runs; its output replaces it. */
  liveText?: string;
}) {
  const consensus = useMemo(() => readConsensus(step.output_data), [step.output_data]);
  // A consensus is what the task was after: its card opens when it arrives (or starts open).
  const hasConsensus = consensus !== undefined;
  // A consensus step calls no agent: the orchestrator aggregates its participants' answers.
  const aggregated = step.kind === "consensus";
  // An approval step calls no agent either: a person decides it.
  const approval = step.kind === "approval";
  const [open, setOpen] = useState(selected || hasConsensus);
  useEffect(() => {
    if (hasConsensus) setOpen(true);
  }, [hasConsensus]);
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!selected) return;
    setOpen(true);
    ref.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [selected]);
  const url = instanceUrl(events, step);
  const skipped = skipReason(events, step);
  const hasData = step.output_data !== null && Object.keys(step.output_data).length > 0;

  return (
    <details
      ref={ref}
      id={`step-${step.id}`}
      className={`step-card${selected ? " selected" : ""}`}
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-step={step.id}
    >
      <summary>
        <span className="step-id">{step.id}</span>
        <span className="step-title">{step.title}</span>
        <StatusBadge status={step.status} />
        <span className="muted small">
          {approval ? "approval" : step.capability} ·{" "}
          {step.agent ?? (aggregated ? "orchestrator" : approval ? "a person" : "no agent yet")} ·{" "}
          {formatDuration(step.duration_ms)}
        </span>
      </summary>
      <div className="step-body">
        <dl className="facts">
          <div>
            <dt>Agent</dt>
            <dd>
              {step.agent ??
                (aggregated
                  ? "none: the orchestrator aggregates the participants' answers"
                  : approval
                    ? "none: a person approves or rejects it"
                    : "—")}
            </dd>
          </div>
          <div>
            <dt>Instance</dt>
            <dd>
              {step.instance_id ? <code title={step.instance_id}>{shortId(step.instance_id)}</code> : "—"}
              {url ? <span className="muted small"> {url}</span> : null}
            </dd>
          </div>
          <div>
            <dt>Attempts</dt>
            <dd>{step.attempts}</dd>
          </div>
          <div>
            <dt>Tokens</dt>
            <dd>
              {formatNumber(step.tokens_in)} in · {formatNumber(step.tokens_out)} out
            </dd>
          </div>
          {step.llm_profile || step.tokens_in || step.tokens_out ? (
            <div>
              <dt>Cost</dt>
              <dd>
                {formatCost(step.cost_usd)}
                {step.llm_profile ? (
                  <span className="muted small">
                    {" "}
                    {step.llm_model ? `${step.llm_model} ` : ""}({step.llm_profile})
                  </span>
                ) : null}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Started</dt>
            <dd>{formatTime(step.started_at)}</dd>
          </div>
          <div>
            <dt>Finished</dt>
            <dd>{formatTime(step.finished_at)}</dd>
          </div>
        </dl>
        <h4>Input</h4>
        <p className="instruction">{step.instruction}</p>
        <p className="muted small">
          {step.depends_on.length
            ? `Also receives the output of ${step.depends_on.join(", ")}.`
            : "Depends on no other step."}
          {step.expected_output ? ` Expected: ${step.expected_output}` : ""}
        </p>
        {skipped ? <p className="skip-reason">Skipped: {skipped}.</p> : null}
        <ApprovalDecision step={step} />
        {step.error ? (
          <div className="error-box" role="alert">
            <h4>Error</h4>
            <p>{step.error}</p>
          </div>
        ) : null}
        {step.progress.length ? (
          <details className="step-progress">
            <summary>Progress ({step.progress.length} messages from the agent)</summary>
            <ol>
              {step.progress.map((note, index) => (
                <li key={index}>{note}</li>
              ))}
            </ol>
          </details>
        ) : null}
        {step.reasoning ? (
          <details className="step-reasoning">
            <summary>Reasoning (the model's thinking, apart from its answer)</summary>
            <p className="reasoning">{step.reasoning}</p>
          </details>
        ) : null}
        {consensus ? (
          <Suspense fallback={<p className="muted small">Loading the consensus…</p>}>
            <ConsensusView consensus={consensus} stepId={step.id} />
          </Suspense>
        ) : null}
        {liveText && step.status === "running" ? (
          <div className="live-text" aria-live="polite" aria-busy="true">
            <h4>Output (being written)</h4>
            <p className="streaming">{liveText}</p>
          </div>
        ) : null}
        {step.output && step.output !== consensus?.answer ? (
          <>
            <h4>Output</h4>
            <Markdown text={step.output} />
          </>
        ) : null}
        {hasData ? (
          <details className="data-part">
            <summary>Data ({Object.keys(step.output_data ?? {}).length} fields)</summary>
            <DataView value={step.output_data} />
          </details>
        ) : null}
      </div>
    </details>
  );
}
