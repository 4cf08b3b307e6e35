/** One agent: what it can do (skills as capabilities) and how each of its instances is doing. */
import { useState } from "react";

import { api, ApiError, isForbidden } from "../api/client";
import type { AgentPublic, InstancePublic } from "../api/types";
import { formatDuration, formatPercent, formatRelative } from "../lib/format";
import { NeedsAdmin } from "./NeedsAdmin";

function InstanceRow({ instance }: { instance: InstancePublic }) {
  return (
    <tr>
      <td data-label="Instance">
        <div>
          <a href={instance.card_url} target="_blank" rel="noreferrer" className="mono">
            {instance.url}
          </a>
          <span className="muted small"> {instance.protocol_binding}</span>
          {instance.model ? (
            <span className="muted small" title={`model profile ${instance.model.profile}`}>
              {" "}
              · {instance.model.provider === "offline" ? "offline" : instance.model.model} ({instance.model.profile})
            </span>
          ) : null}
          {instance.last_error ? <span className="error-text small">{instance.last_error}</span> : null}
        </div>
      </td>
      <td data-label="Health">
        <span className={`badge health-${instance.health}`}>{instance.health}</span>
      </td>
      <td data-label="In flight">{instance.in_flight}</td>
      <td data-label="Calls">{instance.calls}</td>
      <td data-label="Error rate">
        {formatPercent(instance.error_rate)} <span className="muted small">({instance.errors})</span>
      </td>
      <td data-label="Avg latency">{formatDuration(instance.latency_ms)}</td>
      <td data-label="Last seen">{formatRelative(instance.last_seen_at)}</td>
    </tr>
  );
}

export function AgentCard({ agent, onRemoved }: { agent: AgentPublic; onRemoved: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [forbidden, setForbidden] = useState(false);

  async function remove() {
    setBusy(true);
    setError(undefined);
    setForbidden(false);
    try {
      await api.removeAgent(agent.id);
      onRemoved();
    } catch (cause) {
      if (isForbidden(cause)) {
        setForbidden(true);
        setConfirming(false);
      } else setError(cause instanceof ApiError ? cause.message : String(cause));
      setBusy(false);
    }
  }

  const titleId = `agent-${agent.id}`;
  return (
    <article className="agent-card panel" aria-labelledby={titleId} data-agent={agent.name}>
      <header className="agent-head">
        <div>
          <h2 id={titleId}>
            {agent.name} <span className="muted small">v{agent.version}</span>
          </h2>
          <p className="agent-description">{agent.description}</p>
        </div>
        <div className="agent-actions">
          {confirming ? (
            <>
              <button type="button" className="danger" onClick={remove} disabled={busy}>
                {busy ? "Removing…" : `Remove ${agent.name}`}
              </button>
              <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} aria-label={`Remove ${agent.name}…`}>
              Remove…
            </button>
          )}
        </div>
      </header>
      {confirming ? (
        <p className="warning small" role="status">
          Steps already assigned to this agent will fail.
        </p>
      ) : null}
      {forbidden ? <NeedsAdmin action="remove agents" /> : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="chips" aria-label="Capabilities">
        {agent.skills.map((skill) => (
          <li key={skill.id} className="chip" title={skill.description}>
            {skill.id}
          </li>
        ))}
      </ul>
      {agent.instances.length === 0 ? (
        <p className="muted">No instance: register the agent's URL to add one.</p>
      ) : (
        <div className="table-scroll">
          <table className="list-table instances-table">
            <thead>
              <tr>
                <th scope="col">Instance</th>
                <th scope="col">Health</th>
                <th scope="col">In flight</th>
                <th scope="col">Calls</th>
                <th scope="col">Error rate</th>
                <th scope="col">Avg latency</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {agent.instances.map((instance) => (
                <InstanceRow key={instance.id} instance={instance} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
