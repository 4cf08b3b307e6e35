/**
 * "Save as workflow…" on a task that has ended: its plan becomes a workflow, the numbers and
 * quoted texts of its description its inputs. Asks for a name, then opens the new workflow.
 */
import { useId, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";

import { api, ApiError } from "../api/client";
import type { TaskPublic } from "../api/types";

/** The API's longest workflow name. */
const NAME_MAX = 200;

export function SaveAsWorkflow({ task }: { task: TaskPublic }) {
  const navigate = useNavigate();
  const nameId = useId();
  const errorId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const workflow = await api.saveTaskAsWorkflow(task.id, name.trim());
      navigate(`/workflows/${workflow.id}`);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Save as workflow…
      </button>
    );
  }
  return (
    <form className="save-as-workflow" onSubmit={save} aria-label="Save as workflow">
      <label htmlFor={nameId}>Workflow name</label>
      <input
        id={nameId}
        value={name}
        maxLength={NAME_MAX}
        required
        autoFocus
        onChange={(event) => setName(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <button type="submit" className="primary" disabled={busy || !name.trim()}>
        {busy ? "Saving…" : "Save"}
      </button>
      <button type="button" onClick={() => setOpen(false)} disabled={busy}>
        Cancel
      </button>
      <p className="muted small">
        The same steps, with the numbers and quoted texts of the request as inputs you can change at each run.
      </p>
      {error ? (
        <p id={errorId} className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
