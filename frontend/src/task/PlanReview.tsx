/** A task awaiting approval of its plan: approve it, reject it with a comment, or edit it (as JSON) first. */
import { useState } from "react";

import { api, ApiError } from "../api/client";
import type { Plan, TaskPublic } from "../api/types";

/** The plan a task's steps make, in the shape the API takes (`POST .../plan`): a consensus
 * step with its settings, not the participant steps it was expanded into. Its own dependencies
 * are its participants' (the expansion moved them there, and made it depend on them). */
export function planOf(task: TaskPublic): Plan {
  const byId = new Map(task.steps.map((step) => [step.id, step]));
  return {
    steps: task.steps
      .filter((step) => step.kind !== "participant")
      .map((step) => ({
        id: step.id,
        title: step.title,
        instruction: step.instruction,
        capability: step.capability,
        depends_on: step.consensus
          ? (byId.get(step.consensus.steps[0] ?? "")?.depends_on ?? [])
          : step.depends_on,
        expected_output: step.expected_output,
        // An approval step stays one: given back as an agent step, it would need a capability.
        kind: step.kind === "consensus" || step.kind === "approval" ? step.kind : "agent",
        ...(step.consensus
          ? {
              participants: step.consensus.participants,
              aggregator: step.consensus.aggregator,
              aggregator_profile: step.consensus.aggregator_profile,
              quorum: step.consensus.quorum,
            }
          : {}),
      })),
  };
}

export function PlanReview({ task, onChanged }: { task: TaskPublic; onChanged: (task: TaskPublic) => void }) {
  const [comment, setComment] = useState("");
  const [editing, setEditing] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<string[]>([]);

  async function act(send: () => Promise<TaskPublic>) {
    setBusy(true);
    setError(undefined);
    setProblems([]);
    try {
      onChanged(await send());
      setEditing(undefined);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
      const listed = cause instanceof ApiError ? cause.details.errors : undefined;
      setProblems(Array.isArray(listed) ? listed.map(String) : []);
    } finally {
      setBusy(false);
    }
  }

  function save() {
    let plan: Plan;
    try {
      plan = JSON.parse(editing ?? "") as Plan;
    } catch (cause) {
      setError(`The plan is not JSON: ${cause instanceof Error ? cause.message : String(cause)}`);
      return;
    }
    void act(() => api.replacePlan(task.id, plan));
  }

  return (
    <section className="panel plan-review" aria-labelledby="plan-review-title">
      <h2 id="plan-review-title">This plan waits for your approval</h2>
      <p className="muted">Nothing has run yet. Approve it to run it as shown, edit it first, or reject it.</p>
      {editing === undefined ? (
        <>
          <label htmlFor="plan-comment">Comment (optional)</label>
          <input
            id="plan-comment"
            value={comment}
            maxLength={2000}
            onChange={(event) => setComment(event.target.value)}
            placeholder="Why, for the task's record"
          />
          <div className="review-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => act(() => api.approvePlan(task.id, comment))}>
              Approve plan
            </button>
            <button type="button" disabled={busy} onClick={() => setEditing(JSON.stringify(planOf(task), null, 2))}>
              Edit plan…
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => act(() => api.rejectPlan(task.id, comment))}>
              Reject plan
            </button>
          </div>
        </>
      ) : (
        <>
          <label htmlFor="plan-json">The plan (steps: id, title, instruction, capability, depends_on)</label>
          <textarea
            id="plan-json"
            className="code"
            rows={Math.min(30, editing.split("\n").length + 1)}
            value={editing}
            spellCheck={false}
            onChange={(event) => setEditing(event.target.value)}
          />
          <div className="review-actions">
            <button type="button" className="primary" disabled={busy} onClick={save}>
              Save plan
            </button>
            <button type="button" disabled={busy} onClick={() => setEditing(undefined)}>
              Discard changes
            </button>
          </div>
        </>
      )}
      {error ? (
        <div className="error-text" role="alert">
          <p>{error}</p>
          {problems.length > 0 ? (
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
