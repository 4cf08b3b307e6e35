/** Register an A2A agent by the URL of its card (or its base URL). */
import { useState, type FormEvent } from "react";

import { api, ApiError, isForbidden } from "../api/client";
import type { AgentPublic } from "../api/types";
import { NeedsAdmin } from "./NeedsAdmin";

export function RegisterAgentForm({ onRegistered }: { onRegistered: (agent: AgentPublic) => void }) {
  const [url, setUrl] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [forbidden, setForbidden] = useState(false);
  const [done, setDone] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!url.trim()) {
      setError("Enter the agent's URL, e.g. http://127.0.0.1:8003");
      return;
    }
    setBusy(true);
    setError(undefined);
    setForbidden(false);
    setDone(undefined);
    try {
      const agent = await api.registerAgent(url.trim());
      setDone(`Registered ${agent.name} (${agent.capabilities.join(", ")}).`);
      setUrl("");
      onRegistered(agent);
    } catch (cause) {
      if (isForbidden(cause)) setForbidden(true);
      else setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="register-form" onSubmit={submit} noValidate aria-labelledby="register-title">
      <h2 id="register-title">Register an agent</h2>
      <p className="muted small">
        Any A2A 1.0 agent: its card's skills become capabilities. A second server with the same name becomes
        another instance of that agent.
      </p>
      <div className="inline-form">
        <label htmlFor="card-url" className="visually-hidden">
          Agent card URL
        </label>
        <input
          id="card-url"
          type="url"
          inputMode="url"
          placeholder="http://127.0.0.1:8003 or …/.well-known/agent-card.json"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          aria-invalid={error !== undefined}
          aria-describedby={error ? "register-error" : forbidden ? "register-forbidden" : undefined}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Registering…" : "Register"}
        </button>
      </div>
      {error ? (
        <p id="register-error" className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {forbidden ? <NeedsAdmin action="register agents" id="register-forbidden" /> : null}
      {done ? (
        <p className="success-text" role="status">
          {done}
        </p>
      ) : null}
    </form>
  );
}
