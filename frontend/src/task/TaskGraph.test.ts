import { describe, expect, it } from "vitest";

import { stepMeta } from "./TaskGraph";

describe("stepMeta", () => {
  it("names a person for an approval step, and the agent or its absence otherwise", () => {
    const approval = { id: "ok", title: "Sign-off", capability: "", depends_on: [], kind: "approval", agent: null };
    expect(stepMeta(approval)).toEqual(["approval", "a person"]);
    const waiting = { id: "s1", title: "Total", capability: "calculation", depends_on: [], agent: null };
    expect(stepMeta(waiting)).toEqual(["calculation", "unassigned"]);
    const ran = { ...waiting, agent: "Analyst Agent", duration_ms: 118 };
    expect(stepMeta(ran)).toEqual(["calculation", "Analyst Agent", "118 ms"]);
  });
});
