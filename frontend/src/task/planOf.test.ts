import { describe, expect, it } from "vitest";

import { makeConsensusTask } from "../test/fixtures";
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
});
