/** One agent: what it can do (skills as capabilities) and how each of its instances is doing. */
import { useState } from "react";

import { api, ApiError, isForbidden } from "../api/client";
import { BALANCING, type AgentPublic, type Balancing, type InstancePublic } from "../api/types";
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
      <td data-label="Share">{formatPercent(instance.share)}</td>
      <td data-label="Error rate">
        {formatPercent(instance.error_rate)} <span className="muted small">({instance.errors})</span>
      </td>
      <td data-label="Avg latency">{formatDuration(instance.latency_ms)}</td>
      <td data-label="Last seen">{formatRelative(instance.last_seen_at)}</td>
    </tr>
  );
}

/** The agent's balancing strategy; "default" stands for BALANCING_DEFAULT (no choice of its own). */
function BalancingSelect({
  agent,
  onChanged,
  onRefused,
}: {
  agent: AgentPublic;
  onChanged: () => void;
  onRefused: (cause: unknown) => void;
}) {
  const [saving, setSaving] = useState(false);
  const id = `balancing-${agent.id}`;
  const value = agent.balancing_default ? "default" : agent.balancing;

  async function change(next: string) {
    setSaving(true);
    try {
      await api.setBalancing(agent.id, next === "default" ? null : (next as Balancing));
      onChanged();
    } catch (cause) {
      onRefused(cause);
    } finally {
      setSaving(false);
    }
  }

  return (
    <p className="balancing small">
      <label htmlFor={id}>Balancing </label>
      <select id={id} value={value} disabled={saving} onChange={(event) => void change(event.target.value)}>
        <option value="default">
          {agent.balancing_default ? `Default: ${BALANCING[agent.balancing].split(":")[0]}` : "Default (BALANCING_DEFAULT)"}
        </option>
        {(Object.keys(BALANCING) as Balancing[]).map((strategy) => (
          <option key={strategy} value={strategy}>
            {BALANCING[strategy]}
          </option>
        ))}
      </select>
      <span className="muted"> healthy instances always first</span>
    </p>
  );
}

export function AgentCard({
  agent,
  onRemoved,
  onChanged = onRemoved,
}: {
  agent: AgentPublic;
  onRemoved: () => void;
  onChanged?: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [forbidden, setForbidden] = useState<string>();

  async function remove() {
    setBusy(true);
    setError(undefined);
    setForbidden(undefined);
    try {
      await api.removeAgent(agent.id);
      onRemoved();
    } catch (cause) {
      refused(cause, "remove agents");
      setConfirming(false);
      setBusy(false);
    }
  }

  function refused(cause: unknown, action: string) {
    if (isForbidden(cause)) setForbidden(action);
    else setError(cause instanceof ApiError ? cause.message : String(cause));
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
      {forbidden ? <NeedsAdmin action={forbidden} /> : null}
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
      <BalancingSelect
        agent={agent}
        onChanged={() => {
          setError(undefined);
          setForbidden(undefined);
          onChanged();
        }}
        onRefused={(cause) => refused(cause, "change how agents balance")}
      />
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
                <th scope="col">Share</th>
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
