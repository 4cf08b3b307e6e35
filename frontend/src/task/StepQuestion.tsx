/** A step whose agent asked a question (input_required): the question, and a box to reply. */
import { useState } from "react";

import { api, ApiError } from "../api/client";
import type { StepPublic, TaskPublic } from "../api/types";
import { DataView } from "../components/DataView";

export function StepQuestion({
  task,
  step,
  onChanged,
}: {
  task: TaskPublic;
  step: StepPublic;
  onChanged: (task: TaskPublic) => void;
}) {
  const [reply, setReply] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const question = step.question;
  const titleId = `question-${step.id}-title`;
  const boxId = `reply-${step.id}`;

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (!reply.trim()) {
      setError("Write a reply first.");
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await api.replyToStep(task.id, step.id, reply));
      setReply("");
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel step-question" aria-labelledby={titleId}>
      <h2 id={titleId}>
        Step {step.id} asks {step.agent ? <span className="muted">({step.agent})</span> : null}
      </h2>
      <p className="question-text">{question?.text ?? "The agent needs more input to go on."}</p>
      {question?.data ? (
        <details className="data-part">
          <summary>What came with the question</summary>
          <DataView value={question.data} />
        </details>
      ) : null}
      <form onSubmit={send}>
        <label htmlFor={boxId}>Your reply</label>
        <textarea
          id={boxId}
          rows={3}
          maxLength={20000}
          value={reply}
          disabled={busy}
          onChange={(change) => setReply(change.target.value)}
        />
        <div className="review-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Sending…" : "Send reply"}
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
