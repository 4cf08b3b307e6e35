/**
 * The plan graph draws a consensus step's participants (steps `<consensus id>@<label>` that the
 * consensus step depends on) as one node, so five participants take one node's room, not five.
 */
import type { StepStatus } from "../api/types";

/** What grouping needs of a step (a task's step, or a graph's). */
export interface GroupableStep {
  id: string;
  title: string;
  depends_on: string[];
  status?: StepStatus;
  agent?: string | null;
  duration_ms?: number | null;
}

export interface ParticipantGroup<T extends GroupableStep> {
  /** The graph node's id: `<consensus id>@participants`. */
  id: string;
  consensusId: string;
  participants: T[];
  /** Absent for a plan that has not run. */
  status?: StepStatus;
}

/** The participants of each consensus step of a plan, keyed by the consensus step's id. */
export function participantsOf<T extends GroupableStep>(steps: T[]): Map<string, T[]> {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const found = new Map<string, T[]>();
  for (const step of steps) {
    const members = step.depends_on
      .filter((id) => id.startsWith(`${step.id}@`))
      .map((id) => byId.get(id))
      .filter((member): member is T => member !== undefined);
    if (members.length > 0) found.set(step.id, members);
  }
  return found;
}

/** One state for a group of steps: running while any runs, pending until one starts, then
 * completed when any completed (the consensus can use it), else the state they ended in. */
export function groupStatus(statuses: StepStatus[]): StepStatus {
  if (statuses.includes("running")) return "running";
  if (statuses.every((status) => status === "pending")) return "pending";
  if (statuses.includes("pending")) return "running";
  if (statuses.includes("completed")) return "completed";
  if (statuses.includes("failed")) return "failed";
  return statuses[0] ?? "pending";
}

/**
 * The plan as the graph draws it: each consensus step's participants replaced by one group step
 * (depending on what they depend on), and every dependency on a participant moved to its group.
 */
export function groupParticipants<T extends GroupableStep>(steps: T[]): { steps: T[]; groups: Map<string, ParticipantGroup<T>> } {
  const members = participantsOf(steps);
  if (members.size === 0) return { steps, groups: new Map() };
  const groupOf = new Map<string, string>();
  const groups = new Map<string, ParticipantGroup<T>>();
  for (const [consensusId, participants] of members) {
    const id = `${consensusId}@participants`;
    const statuses = participants.flatMap((p) => (p.status ? [p.status] : []));
    groups.set(id, { id, consensusId, participants, status: statuses.length ? groupStatus(statuses) : undefined });
    for (const participant of participants) groupOf.set(participant.id, id);
  }
  const redirect = (ids: string[]) => [...new Set(ids.map((id) => groupOf.get(id) ?? id))];
  const shown: T[] = [];
  for (const step of steps) {
    const groupId = groupOf.get(step.id);
    if (groupId === undefined) {
      // A consensus step calls no agent: the orchestrator aggregates (a plan not run has no agent).
      const agent = members.has(step.id) && step.agent === null ? "orchestrator" : step.agent;
      shown.push({ ...step, agent, depends_on: redirect(step.depends_on) });
      continue;
    }
    const group = groups.get(groupId)!;
    if (group.participants[0] !== step) continue; // the group is drawn where its first member was
    const ended = group.participants.map((p) => p.duration_ms).filter((ms): ms is number => typeof ms === "number");
    shown.push({
      ...step,
      id: groupId,
      title: `${group.participants.length} participants of ${group.consensusId}`,
      status: group.status,
      agent: step.agent === undefined ? undefined : [...new Set(group.participants.map((p) => p.agent ?? "unassigned"))].join(", "),
      depends_on: redirect(group.participants.flatMap((p) => p.depends_on)).filter((id) => id !== groupId),
      duration_ms: ended.length === group.participants.length ? Math.max(...ended) : null,
    });
  }
  return { steps: shown, groups };
}
