/** Names for the API's models, taken from the types generated out of `openapi.json`. */
import type { components } from "./schema";

type Schemas = components["schemas"];

export type TaskSummary = Schemas["TaskSummary"];
export type TaskPublic = Schemas["TaskPublic"];
export type TaskList = Schemas["TaskList"];
export type TaskCreate = Schemas["TaskCreate"];
export type TaskStatus = Schemas["TaskStatus"];
export type StepPublic = Schemas["StepPublic"];
export type Plan = Schemas["Plan"];
export type AgentPublic = Schemas["AgentPublic"];
export type InstancePublic = Schemas["InstancePublic"];
export type SkillPublic = Schemas["SkillPublic"];
export type SessionPublic = Schemas["SessionPublic"];
export type SessionList = Schemas["SessionList"];
export type MessagePublic = Schemas["MessagePublic"];
export type MessageList = Schemas["MessageList"];
export type ErrorBody = Schemas["ErrorBody"];

/** Step states (the API types them as plain strings). */
export type StepStatus = "pending" | "running" | "completed" | "failed" | "canceled" | "skipped";

export const TASK_STATUSES: readonly TaskStatus[] = [
  "pending",
  "planning",
  "running",
  "completed",
  "failed",
  "canceled",
];

export const TERMINAL_TASK_STATUSES: readonly string[] = ["completed", "failed", "canceled"];

export function isTerminal(status: string): boolean {
  return TERMINAL_TASK_STATUSES.includes(status);
}

/** Event types of the task event stream (`GET /api/tasks/{id}/events`). */
export type TaskEventType =
  | "task.created"
  | "task.planning"
  | "task.planned"
  | "task.running"
  | "task.completed"
  | "task.failed"
  | "task.canceled"
  | "step.running"
  | "step.attempt"
  | "step.completed"
  | "step.failed"
  | "step.canceled"
  | "step.skipped";

export const TASK_EVENT_TYPES: readonly TaskEventType[] = [
  "task.created",
  "task.planning",
  "task.planned",
  "task.running",
  "task.completed",
  "task.failed",
  "task.canceled",
  "step.running",
  "step.attempt",
  "step.completed",
  "step.failed",
  "step.canceled",
  "step.skipped",
];

/** One entry of the task event log, as the SSE `data` field carries it. */
export interface TaskEvent {
  id: number;
  task_id: string;
  step_id: string | null;
  type: TaskEventType;
  data: Record<string, unknown>;
  created_at: string;
}
