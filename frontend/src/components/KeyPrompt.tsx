/**
 * Asks for an API key when the orchestrator wants one (a 401), or when the user wants another.
 * The key is checked against the API before it is kept (sessionStorage, this tab only).
 */
import { Fragment, useEffect, useRef, useState, type FormEvent } from "react";

import { cancelPrompt, signIn, signOut, type AuthState } from "../api/auth";
import { ApiError, createApi } from "../api/client";

const INTROS = {
  required: "This orchestrator needs an API key. Enter yours to continue.",
  refused: "The orchestrator refused the key this tab was using. Enter a valid key to continue.",
  change: "Enter another API key, for example an admin key to manage agents.",
} as const;

/** Whether the API takes this key: the smallest authenticated read. */
async function check(key: string): Promise<void> {
  const probe = createApi({ key: () => key, onUnauthorized: () => {} });
  await probe.listTasks({ limit: 1 });
}

/** A shell command that wraps between its words only (never after the "-" of an option). */
function Command({ text }: { text: string }) {
  const words = text.split(" ");
  return (
    <code>
      {words.map((word, index) => (
        <Fragment key={index}>
          {index > 0 ? " " : null}
          <span className="nowrap">{word}</span>
        </Fragment>
      ))}
    </code>
  );
}

export function KeyPrompt({ auth }: { auth: AuthState }) {
  const reason = auth.prompt?.reason ?? "required";
  const [key, setKey] = useState("");
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const candidate = key.trim();
    if (!candidate) {
      setError("Enter a key first.");
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await check(candidate);
      signIn(candidate);
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 401) {
        setError(`This key was refused: ${cause.message}`);
      } else {
        setError(cause instanceof Error ? cause.message : String(cause));
      }
      setBusy(false);
      input.current?.select();
    }
  }

  return (
    <section className="key-prompt panel" aria-labelledby="key-prompt-title">
      <h1 id="key-prompt-title">{reason === "change" ? "Change API key" : "API key needed"}</h1>
      <p>{INTROS[reason]}</p>
      {reason === "refused" && auth.prompt?.message ? <p className="muted small">The orchestrator said: {auth.prompt.message}</p> : null}
      <form className="stack" onSubmit={submit} noValidate>
        <label htmlFor="api-key">API key</label>
        <div className="key-field">
          <input
            ref={input}
            id="api-key"
            name="api-key"
            type={shown ? "text" : "password"}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            placeholder="orc_…"
            value={key}
            onChange={(event) => setKey(event.target.value)}
            aria-invalid={error !== undefined}
            aria-describedby={error ? "api-key-error api-key-help" : "api-key-help"}
          />
          <button type="button" onClick={() => setShown((value) => !value)} aria-pressed={shown}>
            {shown ? "Hide" : "Show"}
          </button>
        </div>
        {error ? (
          <p id="api-key-error" className="error-text" role="alert">
            {error}
          </p>
        ) : null}
        <p id="api-key-help" className="muted small">
          An admin creates keys with <Command text="orchestra keys create --role user --name you" />. The key stays in
          this tab only and is forgotten when you close it.
        </p>
        <div className="key-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Checking…" : "Use this key"}
          </button>
          {reason === "change" ? (
            <>
              <button type="button" onClick={cancelPrompt}>
                Cancel
              </button>
              <button type="button" onClick={signOut}>
                Sign out
              </button>
            </>
          ) : null}
        </div>
      </form>
    </section>
  );
}
