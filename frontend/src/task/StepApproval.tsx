/** An approval step: while it waits (input_required), what is to be approved with Approve and
 * Reject buttons and a comment box; once decided, the decision and its comment. */
import { useState } from "react";

import { api, ApiError } from "../api/client";
import type { StepPublic, TaskPublic } from "../api/types";

type Decision = "approve" | "reject";

export function StepApproval({
  task,
  step,
  onChanged,
}: {
  task: TaskPublic;
  step: StepPublic;
  onChanged: (task: TaskPublic) => void;
}) {
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState<Decision>();
  const [error, setError] = useState<string>();
  const titleId = `approval-${step.id}-title`;
  const boxId = `approval-comment-${step.id}`;

  async function decide(decision: Decision) {
    // The server refuses a rejection without a reason too; saying so here saves a round trip.
    if (decision === "reject" && !comment.trim()) {
      setError("Say why you reject it in the comment.");
      return;
    }
    setBusy(decision);
    setError(undefined);
    try {
      const send = decision === "approve" ? api.approveStep : api.rejectStep;
      onChanged(await send(task.id, step.id, comment.trim()));
      setComment("");
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section className="panel step-question step-approval" aria-labelledby={titleId}>
      <h2 id={titleId}>
        Step {step.id} waits for your approval <span className="muted">({step.title})</span>
      </h2>
      <p className="question-text">{step.question?.text ?? step.instruction}</p>
      {step.depends_on.length ? (
        <p className="muted small">What it approves: the output of {step.depends_on.join(", ")}, in the plan below.</p>
      ) : null}
      <form onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={boxId}>Comment (needed to reject)</label>
        <textarea
          id={boxId}
          rows={2}
          maxLength={2000}
          value={comment}
          disabled={busy !== undefined}
          onChange={(change) => setComment(change.target.value)}
        />
        <div className="review-actions">
          <button type="button" className="primary" disabled={busy !== undefined} onClick={() => void decide("approve")}>
            {busy === "approve" ? "Approving…" : "Approve"}
          </button>
          <button type="button" className="danger" disabled={busy !== undefined} onClick={() => void decide("reject")}>
            {busy === "reject" ? "Rejecting…" : "Reject"}
          </button>
        </div>
      </form>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** How an approval step was decided, by whom, with the comment; nothing before a decision. */
export function ApprovalDecision({ step }: { step: StepPublic }) {
  const decision = step.reply?.data;
  if (step.kind !== "approval" || !step.reply || !decision || typeof decision.approved !== "boolean") return null;
  const approved = decision.approved;
  return (
    <p className={`approval-decision ${approved ? "approved" : "rejected"}`}>
      <strong>{approved ? "Approved" : "Rejected"}</strong>
      {step.reply.by ? ` by ${step.reply.by}` : ""}
      {step.reply.text ? `: ${step.reply.text}` : "."}
    </p>
  );
}
