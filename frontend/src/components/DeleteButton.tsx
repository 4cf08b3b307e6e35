/** "Delete…", then a confirmation: for things whose deletion takes their history with them. */
import { useState } from "react";

import { ApiError } from "../api/client";

export function DeleteButton({
  what,
  warning,
  onDelete,
  onDeleted,
}: {
  /** What goes, as the buttons name it: "task", "session". */
  what: string;
  /** What the user should know before confirming. */
  warning: string;
  onDelete: () => Promise<void>;
  onDeleted: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await onDelete();
      onDeleted();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
      setConfirming(false);
      setBusy(false);
    }
  }

  return (
    <div className="delete-control">
      {confirming ? (
        <>
          <span className="warning small" role="status">
            {warning}
          </span>
          <button type="button" className="danger" onClick={remove} disabled={busy}>
            {busy ? "Deleting…" : `Delete ${what}`}
          </button>
          <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Delete {what}…
        </button>
      )}
      {error ? (
        <p className="error-text" role="alert">
          Could not delete: {error}
        </p>
      ) : null}
    </div>
  );
}
