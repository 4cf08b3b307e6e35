import { describe, expect, it } from "vitest";

import { makeConsensusTask, makeStep, makeTask } from "../test/fixtures";
import { planOf } from "./PlanReview";

describe("planOf", () => {
  it("gives a consensus step back as one step with its settings, not its participants", () => {
    const plan = planOf(makeConsensusTask());
    expect(plan.steps.map((step) => [step.id, step.kind, step.depends_on])).toEqual([
      ["s1", "agent", []],
      ["s2", "consensus", ["s1"]],
      ["s3", "agent", ["s2"]],
    ]);
    expect(plan.steps[1]).toMatchObject({
      participants: { profiles: ["fast", "smart", "local", "large"] },
      aggregator: "vote",
      quorum: 1,
    });
  });

  it("gives an approval step back as an approval step", () => {
    const approval = makeStep({ id: "ok", kind: "approval", capability: "", depends_on: ["s1"], agent_id: null });
    const plan = planOf(makeTask({ steps: [makeStep(), approval] }));
    expect(plan.steps.map((step) => [step.id, step.kind, step.capability])).toEqual([
      ["s1", "agent", "statistics"],
      ["ok", "approval", ""],
    ]);
  });
});
