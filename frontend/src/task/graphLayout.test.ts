import { describe, expect, it } from "vitest";

import { boundsOf, graphHeight, layoutPlan, NODE_HEIGHT, NODE_WIDTH } from "./graphLayout";

const diamond = [
  { id: "s1", depends_on: [] },
  { id: "s2", depends_on: ["s1"] },
  { id: "s3", depends_on: ["s1"] },
  { id: "s4", depends_on: ["s2", "s3"] },
];

describe("layoutPlan", () => {
  it("puts each step after the steps it depends on, left to right", () => {
    const placed = layoutPlan(diamond);
    const x = (id: string) => placed.get(id)!.x;
    expect(x("s1")).toBeLessThan(x("s2"));
    expect(x("s2")).toBe(x("s3"));
    expect(x("s3")).toBeLessThan(x("s4"));
    expect(placed.get("s2")!.y).not.toBe(placed.get("s3")!.y);
  });

  it("stacks ranks top to bottom when asked", () => {
    const placed = layoutPlan(diamond, "TB");
    expect(placed.get("s1")!.y).toBeLessThan(placed.get("s4")!.y);
  });

  it("ignores dependencies on unknown steps", () => {
    expect([...layoutPlan([{ id: "a", depends_on: ["missing"] }]).keys()]).toEqual(["a"]);
  });

  it("sizes the box to the plan within limits", () => {
    const bounds = boundsOf(layoutPlan(diamond));
    expect(bounds.width).toBeGreaterThanOrEqual(3 * NODE_WIDTH);
    expect(bounds.height).toBeGreaterThanOrEqual(2 * NODE_HEIGHT);
    expect(graphHeight(bounds, 1200)).toBeGreaterThan(graphHeight(bounds, 300));
    expect(graphHeight({ width: 100, height: 10_000 }, 1000)).toBe(520);
    expect(graphHeight({ width: 0, height: 0 }, 1000)).toBe(180);
  });
});
