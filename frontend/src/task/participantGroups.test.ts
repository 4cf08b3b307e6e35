import { describe, expect, it } from "vitest";

import { makeConsensusTask, makeStep } from "../test/fixtures";
import { groupParticipants, groupStatus, participantsOf } from "./participantGroups";

describe("participant groups", () => {
  const { steps } = makeConsensusTask();

  it("finds a consensus step's participants by id and dependency", () => {
    expect(participantsOf(steps).get("s2")?.map((s) => s.id)).toEqual(["s2@fast", "s2@smart", "s2@local", "s2@large"]);
    // A step named like a participant that the step does not depend on is not one.
    const stray = [makeStep({ id: "s9" }), makeStep({ id: "s9@x", depends_on: [] })];
    expect(participantsOf(stray).size).toBe(0);
  });

  it("draws the participants as one node between their dependencies and the consensus step", () => {
    const grouped = groupParticipants(steps);
    expect(grouped.steps.map((s) => [s.id, s.depends_on])).toEqual([
      ["s1", []],
      ["s2@participants", ["s1"]],
      ["s2", ["s2@participants"]],
      ["s3", ["s2"]],
    ]);
    // The consensus step calls no agent: the orchestrator aggregates.
    expect(grouped.steps.find((s) => s.id === "s2")?.agent).toBe("orchestrator");
    const group = grouped.groups.get("s2@participants")!;
    expect(group.consensusId).toBe("s2");
    expect(group.participants).toHaveLength(4);
    // Three answered, one failed: the consensus has something to work with.
    expect(group.status).toBe("completed");
  });

  it("leaves a plan without consensus steps as it is", () => {
    const plain = [makeStep(), makeStep({ id: "s2", depends_on: ["s1"] })];
    expect(groupParticipants(plain).steps).toBe(plain);
  });

  it("gives a group one state", () => {
    expect(groupStatus(["pending", "pending"])).toBe("pending");
    expect(groupStatus(["completed", "running"])).toBe("running");
    expect(groupStatus(["completed", "pending"])).toBe("running");
    expect(groupStatus(["failed", "failed"])).toBe("failed");
    expect(groupStatus(["failed", "completed"])).toBe("completed");
    expect(groupStatus(["canceled", "canceled"])).toBe("canceled");
  });
});
