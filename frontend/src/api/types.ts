/**
 * Names for the API's models, taken from the types generated out of `openapi.json`.
 *
 * The status lists below are the schema's enums as values: each is built from a record keyed by
 * the generated type, so a status added to or removed from the API fails the typecheck here
 * until the list (and its label, color or meaning) follows.
 */
import type { components } from "./schema";

type Schemas = components["schemas"];

export type TaskSummary = Schemas["TaskSummary"];
export type TaskPublic = Schemas["TaskPublic"];
export type TaskList = Schemas["TaskList"];
export type TaskCreate = Schemas["TaskCreate"];
export type TaskStatus = Schemas["TaskStatus"];
export type StepPublic = Schemas["StepPublic"];
export type UsagePublic = Schemas["UsagePublic"];
export type ModelPublic = Schemas["ModelPublic"];
export type ModelList = Schemas["ModelList"];
export type StepStatus = Schemas["StepStatus"];
export type Plan = Schemas["Plan"];
export type PlanVersion = Schemas["PlanVersionPublic"];
export type PlanVersionList = Schemas["PlanVersionList"];
export type AgentPublic = Schemas["AgentPublic"];
export type InstancePublic = Schemas["InstancePublic"];
export type InstanceHealth = Schemas["InstanceHealth"];
export type Balancing = AgentPublic["balancing"];
export type SkillPublic = Schemas["SkillPublic"];
export type SessionPublic = Schemas["SessionPublic"];
export type SessionList = Schemas["SessionList"];
export type MessagePublic = Schemas["MessagePublic"];
export type MessageList = Schemas["MessageList"];
export type ErrorBody = Schemas["ErrorBody"];
export type DocumentPublic = Schemas["DocumentPublic"];
export type DocumentList = Schemas["DocumentList"];
export type PassagePublic = Schemas["PassagePublic"];
export type WorkflowPublic = Schemas["WorkflowPublic"];
export type WorkflowList = Schemas["WorkflowList"];
export type WorkflowDefinition = Schemas["WorkflowDefinition"];
export type WorkflowStep = Schemas["WorkflowStep"];
export type WorkflowVersionPublic = Schemas["WorkflowVersionPublic"];
export type WorkflowVersionList = Schemas["WorkflowVersionList"];
export type SchedulePublic = Schemas["SchedulePublic"];
export type ScheduleList = Schemas["ScheduleList"];
export type ScheduleCreate = Schemas["ScheduleCreate"];
export type HookPublic = Schemas["HookPublic"];
export type HookSecret = Schemas["HookSecret"];
/** One entry of the task event log, as the SSE `data` field carries it. */
export type TaskEvent = Schemas["TaskEventPublic"];
/** Event types of the task event stream (`GET /api/tasks/{id}/events`). */
export type TaskEventType = Schemas["EventType"];

/** Whether a task in this status has ended (it changes no more). */
const TASK_ENDED: Record<TaskStatus, boolean> = {
  pending: false,
  planning: false,
  awaiting_approval: false,
  running: false,
  input_required: false,
  completed: true,
  failed: true,
  canceled: true,
};

const STEP_STATUS: Record<StepStatus, true> = {
  pending: true,
  running: true,
  input_required: true,
  completed: true,
  failed: true,
  canceled: true,
  skipped: true,
};

const EVENT_TYPES: Record<TaskEventType, true> = {
  "task.created": true,
  "task.planning": true,
  "task.planned": true,
  "task.awaiting_approval": true,
  "task.plan_changed": true,
  "task.replanned": true,
  "task.not_replanned": true,
  "task.approved": true,
  "task.running": true,
  "task.input_required": true,
  "task.completed": true,
  "task.failed": true,
  "task.canceled": true,
  "step.running": true,
  "step.attempt": true,
  "step.input_required": true,
  "step.replied": true,
  "step.completed": true,
  "step.failed": true,
  "step.canceled": true,
  "step.skipped": true,
};

/** How a step picks an agent's instance, with what each does (a strategy added to the API
 * fails the typecheck here until it has its words). */
export const BALANCING: Record<Balancing, string> = {
  least_loaded: "Least loaded: the fewest calls in flight",
  round_robin: "Round robin: each instance in turn",
  fastest: "Fastest: the lowest recent latency",
  random: "Random",
};

export const TASK_STATUSES = Object.keys(TASK_ENDED) as TaskStatus[];
export const STEP_STATUSES = Object.keys(STEP_STATUS) as StepStatus[];
export const TASK_EVENT_TYPES = Object.keys(EVENT_TYPES) as TaskEventType[];

export function isTerminal(status: TaskStatus): boolean {
  return TASK_ENDED[status];
}

export function isTaskStatus(value: unknown): value is TaskStatus {
  return typeof value === "string" && Object.hasOwn(TASK_ENDED, value);
}

export function isStepStatus(value: unknown): value is StepStatus {
  return typeof value === "string" && Object.hasOwn(STEP_STATUS, value);
}

export function isTaskEventType(value: unknown): value is TaskEventType {
  return typeof value === "string" && Object.hasOwn(EVENT_TYPES, value);
}

/** Whether an event is its task's last: `task.<a status that ends a task>`. */
export function endsTask(type: TaskEventType): boolean {
  const [scope, kind] = type.split(".");
  return scope === "task" && isTaskStatus(kind) && isTerminal(kind);
}
