import { describe, expect, it } from "vitest";

import { makeWorkflow } from "../test/fixtures";
import { definitionOf, definitionText, parseDefinition } from "./definitionText";

const JSON_TEXT = `{
  "name": "J",
  "steps": [
    {"id": "s1", "title": "T", "capability": "nope",
     "instruction": "x"},
    {"id": "s2"}
  ]
}`;

function locate(text: string, field: string) {
  const parsed = parseDefinition(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.locate(field);
}

describe("parseDefinition", () => {
  it("finds the line of a field in JSON", () => {
    expect(locate(JSON_TEXT, "steps.0.instruction")).toBe(5);
    expect(locate(JSON_TEXT, "steps.0.capability")).toBe(4);
  });

  it("points a missing field at the nearest part of it that is there", () => {
    expect(locate(JSON_TEXT, "steps.1.title")).toBe(6);
    expect(locate("name: x\nsteps: []\n", "steps.0")).toBe(2);
    expect(locate("name: x\n", "input_schema.properties.n.type")).toBeUndefined();
  });

  it("strips FastAPI's body prefix", () => {
    expect(locate("name: x\nsteps: []\n", "body.steps")).toBe(2);
  });

  it("refuses what is not an object, and duplicate keys", () => {
    expect(parseDefinition("- a\n- b\n")).toMatchObject({ ok: false, line: 1 });
    expect(parseDefinition("name: a\nname: b\n")).toMatchObject({ ok: false, line: 2 });
    expect(parseDefinition("  ")).toMatchObject({ ok: false, message: "The definition is empty." });
  });
});

describe("definitionOf", () => {
  it("keeps replan when the workflow says it, so a new version does too, and leaves the default out", () => {
    expect(definitionText(definitionOf(makeWorkflow({ replan: true })), "yaml")).toContain("replan: true");
    expect(definitionText(definitionOf(makeWorkflow()), "yaml")).not.toContain("replan");
  });
});
