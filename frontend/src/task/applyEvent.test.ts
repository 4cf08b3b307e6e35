import { describe, expect, it } from "vitest";

import { makeEvent, makeTask } from "../test/fixtures";
import { applyEvent } from "./applyEvent";

describe("applyEvent", () => {
  it("draws the plan as pending steps as soon as it is planned", () => {
    const task = makeTask({ status: "planning", steps: [], steps_total: 0 });
    const plan = {
      steps: [
        { id: "s1", title: "A", instruction: "a", capability: "research", depends_on: [], expected_output: "" },
        { id: "s2", title: "B", instruction: "b", capability: "writing", depends_on: ["s1"], expected_output: "" },
      ],
    };
    const next = applyEvent(task, makeEvent("task.planned", null, { planner: "offline", plan }));
    expect(next.steps.map((s) => [s.id, s.status, s.depends_on])).toEqual([
      ["s1", "pending", []],
      ["s2", "pending", ["s1"]],
    ]);
    expect(next.steps_total).toBe(2);
  });

  it("follows a step from running to completed", () => {
    let task = makeTask({ status: "running" });
    task = { ...task, steps: task.steps.map((s) => ({ ...s, status: "pending", started_at: null, finished_at: null })) };
    task = applyEvent(task, makeEvent("step.running", "s1", { status: "running", agent: "Analyst Agent" }));
    task = applyEvent(task, makeEvent("step.attempt", "s1", { attempt: 2, instance: "i9" }));
    expect(task.steps[0]).toMatchObject({ status: "running", agent: "Analyst Agent", attempts: 2, instance_id: "i9" });
    const told = { progress: ["Running mean"], reasoning: "Add, then divide." };
    task = applyEvent(task, makeEvent("step.completed", "s1", { status: "completed", output: "done", ...told }));
    expect(task.steps[0]).toMatchObject({ status: "completed", output: "done", ...told });
    expect(task.steps[1]!.status).toBe("pending");
    expect(task.steps_completed).toBe(1);
  });

  it("marks the task canceled with its reason", () => {
    const task = applyEvent(makeTask({ status: "running", finished_at: null }), makeEvent("task.canceled", null, { status: "canceled", error: "canceled by the user" }));
    expect(task).toMatchObject({ status: "canceled", error: "canceled by the user" });
    expect(task.finished_at).not.toBeNull();
  });

  it("ignores events of steps it does not know", () => {
    const task = makeTask();
    expect(applyEvent(task, makeEvent("step.failed", "s9", { status: "failed" })).steps).toEqual(task.steps);
  });
});
