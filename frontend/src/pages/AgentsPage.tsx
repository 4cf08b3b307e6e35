/** Agents: who can do what, how their instances are doing; register and remove agents; the
 * model profiles they and the orchestrator run, with prices, usage and hosts' health. */
import { useCallback } from "react";

import { api } from "../api/client";
import { AgentCard } from "../agents/AgentCard";
import { ModelsSection } from "../agents/ModelsSection";
import { RegisterAgentForm } from "../agents/RegisterAgentForm";
import { Empty, ErrorState, Loading } from "../components/States";
import { useResource } from "../hooks/useResource";

const REFRESH_MS = 3000;

export function AgentsPage() {
  const agents = useResource(useCallback((signal: AbortSignal) => api.listAgents(signal), []), "agents", REFRESH_MS);
  const instances = agents.data?.reduce((sum, agent) => sum + agent.instances.length, 0) ?? 0;
  const capabilities = new Set(agents.data?.flatMap((agent) => agent.capabilities) ?? []);

  return (
    <section aria-labelledby="agents-title">
      <div className="page-head">
        <h1 id="agents-title">Agents</h1>
        {agents.data ? (
          <p className="muted">
            {agents.data.length} agents · {instances} instances · {capabilities.size} capabilities
          </p>
        ) : null}
      </div>
      <RegisterAgentForm onRegistered={agents.reload} />
      {agents.error && !agents.data ? <ErrorState error={agents.error} onRetry={agents.reload} /> : null}
      {agents.loading ? <Loading label="Loading agents…" /> : null}
      {agents.error && agents.data ? (
        <p className="warning" role="status">
          Live updates paused: {agents.error.message}
        </p>
      ) : null}
      {agents.data && agents.data.length === 0 ? (
        <Empty title="No agent is registered.">
          <p>Tasks cannot run until one is: register an agent by its URL above.</p>
        </Empty>
      ) : null}
      <div className="agent-list">
        {agents.data?.map((agent) => <AgentCard key={agent.id} agent={agent} onRemoved={agents.reload} />)}
      </div>
      <ModelsSection />
    </section>
  );
}
