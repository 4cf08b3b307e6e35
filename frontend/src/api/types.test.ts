import { describe, expect, it } from "vitest";

import openapi from "../../openapi.json";
import { endsTask, isStepStatus, isTaskEventType, isTerminal, STEP_STATUSES, TASK_EVENT_TYPES, TASK_STATUSES } from "./types";

const schemas = openapi.components.schemas;

describe("status lists", () => {
  it("are the API schema's enums, in its order", () => {
    expect(TASK_STATUSES).toEqual(schemas.TaskStatus.enum);
    expect(STEP_STATUSES).toEqual(schemas.StepStatus.enum);
    expect(TASK_EVENT_TYPES).toEqual(schemas.EventType.enum);
  });

  it("tell which statuses and events end a task", () => {
    expect(TASK_STATUSES.filter(isTerminal)).toEqual(["completed", "failed", "canceled"]);
    expect(TASK_EVENT_TYPES.filter(endsTask)).toEqual(["task.completed", "task.failed", "task.canceled"]);
  });

  it("recognize only the schema's values", () => {
    expect(isStepStatus("skipped")).toBe(true);
    expect(isStepStatus("planning")).toBe(false);
    expect(isTaskEventType("step.attempt")).toBe(true);
    expect(isTaskEventType("task.exploded")).toBe(false);
    expect(isTaskEventType("toString")).toBe(false);
  });
});
