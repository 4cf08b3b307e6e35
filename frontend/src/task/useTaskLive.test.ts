import { describe, expect, it } from "vitest";

import { grow } from "./useTaskLive";

describe("a step's live text", () => {
  it("grows piece by piece, starts again at offset 0, and drops a piece that does not follow on", () => {
    let text = grow({}, { step_id: "s1", offset: 0, text: "Tides " });
    text = grow(text, { step_id: "s1", offset: 6, text: "come" });
    expect(text).toEqual({ s1: "Tides come" });
    expect(grow(text, { step_id: "s1", offset: 99, text: "lost" })).toBe(text);
    expect(grow(text, { step_id: "s2", offset: 3, text: "late" })).toBe(text);
    expect(grow(text, { step_id: "s1", offset: 0, text: "Again" })).toEqual({ s1: "Again" });
  });
});
