/**
 * A workflow's webhook: make it (signed or not) or rotate it, which shows its URL, token and
 * signing secret this once with an example `curl`; or delete it. Afterwards only the token's
 * first characters are shown: the orchestrator keeps its hash, not the token.
 */
import { useCallback, useId, useState } from "react";

import { api, ApiError } from "../api/client";
import type { HookPublic, HookSecret, WorkflowPublic } from "../api/types";
import { ErrorState, Loading } from "../components/States";
import { useResource } from "../hooks/useResource";
import { formatTime } from "../lib/format";

/** An example delivery: the body is the run's inputs; a signed hook needs the two headers. */
export function exampleCurl(url: string, secret: HookSecret, inputs: Record<string, unknown>): string {
  const body = JSON.stringify(inputs);
  if (!secret.signing_secret) {
    return `curl -X POST '${url}' -H 'Content-Type: application/json' \\\n  -H 'X-Orchestra-Delivery: delivery-1' -d '${body}'`;
  }
  return [
    `SECRET='${secret.signing_secret}'`,
    `body='${body}'`,
    "ts=$(date +%s)",
    `sig=$(printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')`,
    `curl -X POST '${url}' -H 'Content-Type: application/json' \\`,
    `  -H "X-Orchestra-Timestamp: $ts" -H "X-Orchestra-Signature: sha256=$sig" \\`,
    `  -H 'X-Orchestra-Delivery: delivery-1' -d "$body"`,
  ].join("\n");
}

/** Inputs for the example: the schema's defaults, or an empty object. */
function exampleInputs(workflow: WorkflowPublic): Record<string, unknown> {
  const properties = (workflow.input_schema.properties as Record<string, { default?: unknown }> | undefined) ?? {};
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([, declared]) => typeof declared === "object" && declared !== null && "default" in declared)
      .map(([name, declared]) => [name, declared.default]),
  );
}

/** The required inputs that have no default: the example's body lacks them. */
function missingInputs(workflow: WorkflowPublic): string[] {
  const defaults = exampleInputs(workflow);
  return ((workflow.input_schema.required as string[] | undefined) ?? []).filter((name) => !(name in defaults));
}

function Shown({ workflow, secret }: { workflow: WorkflowPublic; secret: HookSecret }) {
  const url = new URL(secret.url, window.location.origin).toString();
  const missing = missingInputs(workflow);
  return (
    <div className="hook-secret" role="region" aria-label="New webhook">
      <p className="warning small">Shown this once: copy them now. Rotating makes new ones and stops this URL.</p>
      <dl className="facts">
        <div>
          <dt>URL</dt>
          <dd>
            <code data-testid="hook-url">{url}</code>
          </dd>
        </div>
        <div>
          <dt>Token</dt>
          <dd>
            <code>{secret.token}</code>
          </dd>
        </div>
        {secret.signing_secret ? (
          <div>
            <dt>Signing secret</dt>
            <dd>
              <code data-testid="hook-signing-secret">{secret.signing_secret}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      <h4>Start a run</h4>
      <pre className="code-block" aria-label="Example curl">
        {exampleCurl(url, secret, exampleInputs(workflow))}
      </pre>
      <p className="muted small">
        The JSON body is the run's inputs (here their defaults
        {missing.length > 0 ? (
          <>
            ; add {missing.map((name, index) => (
              <span key={name}>
                {index > 0 ? ", " : ""}
                <code>{name}</code>
              </span>
            ))}
            , required
          </>
        ) : null}
        ). A second delivery with the same <code>X-Orchestra-Delivery</code> starts nothing new.
      </p>
    </div>
  );
}

export function Webhook({ workflow }: { workflow: WorkflowPublic }) {
  const signedId = useId();
  const hook = useResource(
    useCallback((signal: AbortSignal) => api.getHook(workflow.id, signal), [workflow.id]),
    `hook|${workflow.id}`,
  );
  const [signed, setSigned] = useState(false);
  const [secret, setSecret] = useState<HookSecret>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();

  async function act(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      hook.reload();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  const rotate = () =>
    act(async () => {
      setSecret(await api.rotateHook(workflow.id, signed));
    });
  const remove = () =>
    act(async () => {
      await api.deleteHook(workflow.id);
      setSecret(undefined);
    });

  if (hook.error && hook.data === undefined) return <ErrorState error={hook.error} onRetry={hook.reload} />;
  if (hook.loading) return <Loading label="Loading the webhook…" />;
  const current: HookPublic | null | undefined = hook.data;
  return (
    <div className="webhook">
      {current ? (
        <p>
          A webhook is set: token <code>{current.token_prefix}…</code>, {current.signed ? "signed deliveries only" : "unsigned"}, made or
          rotated {formatTime(current.rotated_at)}.
        </p>
      ) : (
        <p className="muted">No webhook: make one to start runs from another system with a POST.</p>
      )}
      <div className="hook-actions">
        <label htmlFor={signedId} className="checkbox">
          <input id={signedId} type="checkbox" checked={signed} onChange={(event) => setSigned(event.target.checked)} />
          Signed deliveries only (HMAC-SHA256)
        </label>
        <button type="button" className={current ? "" : "primary"} disabled={busy} onClick={rotate}>
          {current ? "Rotate webhook" : "Make webhook"}
        </button>
        {current ? (
          confirming ? (
            <span role="group" aria-label="Confirm deletion">
              <button type="button" className="danger" disabled={busy} onClick={remove}>
                Delete webhook
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              Delete webhook…
            </button>
          )
        ) : null}
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {secret ? <Shown workflow={workflow} secret={secret} /> : null}
    </div>
  );
}
