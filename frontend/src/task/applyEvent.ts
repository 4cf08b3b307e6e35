/**
 * What an event of the task's stream changes in the task as the page shows it, before the
 * full task is read again: states of the task and its steps, the plan as soon as it exists.
 */
import { isStepStatus, isTaskStatus, isTerminal, type Plan, type StepPublic, type TaskEvent, type TaskPublic } from "../api/types";

function planSteps(plan: Plan): StepPublic[] {
  return plan.steps.map((step) => ({
    id: step.id,
    title: step.title,
    instruction: step.instruction,
    capability: step.capability,
    depends_on: step.depends_on ?? [],
    expected_output: step.expected_output,
    kind: step.kind ?? "agent",
    profile: null,
    consensus: null,
    participant: null,
    status: "pending",
    agent_id: null,
    agent: null,
    instance_id: null,
    remote_task_id: null,
    attempts: 0,
    output: null,
    output_data: null,
    error: null,
    reasoning: null,
    progress: [],
    tokens_in: 0,
    tokens_out: 0,
    started_at: null,
    finished_at: null,
    duration_ms: null,
    question: null,
    reply: null,
  }));
}

function isPlan(value: unknown): value is Plan {
  return typeof value === "object" && value !== null && Array.isArray((value as Plan).steps);
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function applyEvent(task: TaskPublic, event: TaskEvent): TaskPublic {
  const data = event.data;
  const [scope, kind] = event.type.split(".") as [string, string];
  if (scope === "task") {
    const next: TaskPublic = { ...task };
    if (kind === "planned") {
      if (isPlan(data.plan) && task.steps.length === 0) {
        next.steps = planSteps(data.plan);
        next.steps_total = next.steps.length;
      }
      next.planner = text(data.planner) ?? task.planner;
      return next;
    }
    const status = isTaskStatus(data.status) ? data.status : isTaskStatus(kind) ? kind : task.status;
    if (kind !== "created") next.status = status;
    if (kind === "failed" || kind === "canceled") next.error = text(data.error) ?? task.error;
    if (kind === "running" && !task.started_at) next.started_at = event.created_at;
    if (isTaskStatus(kind) && isTerminal(kind)) next.finished_at = task.finished_at ?? event.created_at;
    return next;
  }
  if (event.step_id === null) return task;
  const steps = task.steps.map((step) => {
    if (step.id !== event.step_id) return step;
    const changed: StepPublic = { ...step };
    if (kind === "attempt") {
      changed.attempts = typeof data.attempt === "number" ? data.attempt : step.attempts + 1;
      changed.instance_id = text(data.instance) ?? step.instance_id;
      return changed;
    }
    changed.status = isStepStatus(data.status) ? data.status : isStepStatus(kind) ? kind : step.status;
    if (kind === "running") {
      changed.agent = text(data.agent) ?? step.agent;
      changed.started_at = step.started_at ?? event.created_at;
    } else if (kind === "input_required") {
      // The step waits for a reply: not finished. Its question shows before the task is read again.
      const asked = text(data.text);
      if (asked !== null) changed.question = { text: asked, data: null, asked_at: event.created_at };
    } else if (kind === "replied") {
      // Pending again, until the reply is at its agent.
    } else {
      changed.finished_at = step.finished_at ?? event.created_at;
      changed.error = text(data.error) ?? step.error;
      changed.output = text(data.output) ?? step.output;
      changed.reasoning = text(data.reasoning) ?? step.reasoning;
      if (Array.isArray(data.progress)) changed.progress = data.progress.filter((note) => typeof note === "string");
    }
    return changed;
  });
  return {
    ...task,
    steps,
    steps_completed: steps.filter((step) => step.status === "completed").length,
  };
}
