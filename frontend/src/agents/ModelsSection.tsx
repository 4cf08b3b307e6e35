/** The model profiles: provider and model, prices, what this orchestrator's tasks used of
 * each, and the health of each host of a profile with several. */
import { useCallback } from "react";

import { api } from "../api/client";
import type { ModelPublic } from "../api/types";
import { ErrorState, Loading } from "../components/States";
import { useResource } from "../hooks/useResource";
import { formatCost, formatNumber, formatPrice, formatTime } from "../lib/format";

const REFRESH_MS = 5000;

export function ModelsSection() {
  const models = useResource(useCallback((signal: AbortSignal) => api.listModels(signal), []), "models", REFRESH_MS);
  const list = models.data;
  return (
    <section aria-labelledby="models-title" className="models">
      <h2 id="models-title">Models</h2>
      {models.error && !list ? <ErrorState error={models.error} onRetry={models.reload} /> : null}
      {models.loading ? <Loading label="Loading models…" /> : null}
      {list ? (
        <>
          <p className="muted small">
            The planner uses <code>{list.planner}</code>, the synthesis <code>{list.synthesis}</code>. Usage counts
            this orchestrator's tasks since it started.
          </p>
          <div className="table-scroll">
            <table className="list-table models-table">
              <thead>
                <tr>
                  <th scope="col">Profile</th>
                  <th scope="col">Model</th>
                  <th scope="col">Prices (in / out)</th>
                  <th scope="col">Tokens (in / out)</th>
                  <th scope="col">Cost</th>
                  <th scope="col">Hosts</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((model) => (
                  <ModelRow key={model.name} model={model} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function ModelRow({ model }: { model: ModelPublic }) {
  return (
    <tr data-profile={model.name}>
      <th scope="row" data-label="Profile">
        {model.name}
      </th>
      <td data-label="Model">
        {model.provider === "offline" ? "offline" : `${model.model} (${model.provider})`}
      </td>
      <td data-label="Prices (in / out)">
        {formatPrice(model.input_price)} / {formatPrice(model.output_price)}
      </td>
      <td data-label="Tokens (in / out)">
        {formatNumber(model.usage.tokens_in)} / {formatNumber(model.usage.tokens_out)}
      </td>
      <td data-label="Cost">{model.usage.tokens_in || model.usage.tokens_out ? formatCost(model.usage.cost_usd) : "—"}</td>
      <td data-label="Hosts">
        {model.hosts.length ? (
          <ul className="host-list">
            {model.hosts.map((host) => (
              <li key={host.host}>
                <code>{host.host}</code>{" "}
                <span className={host.health === "healthy" ? "host-up" : "host-down"}>
                  {host.health === "healthy" ? "up" : "down"}
                </span>
                {host.last_error ? <span className="muted small"> last error: {host.last_error}</span> : null}
                {host.last_seen_at ? (
                  <span className="muted small"> · last answered {formatTime(host.last_seen_at)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{model.base_url_host ?? (model.provider === "offline" ? "—" : "provider's endpoint")}</span>
        )}
      </td>
    </tr>
  );
}
