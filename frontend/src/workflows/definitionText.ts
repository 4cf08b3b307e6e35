/**
 * A workflow definition as text, JSON or YAML: parsed (with the line of a syntax error), written
 * back, and the line of a field the server names (`steps.1.capability`) found in it.
 *
 * Both are read with the `yaml` package: YAML 1.2 is a superset of JSON, so one parser gives the
 * value and every node's position for either format.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, stringify, type Document } from "yaml";

import type { WorkflowDefinition, WorkflowPublic } from "../api/types";

export type Format = "yaml" | "json";

export type Parsed =
  | { ok: true; value: unknown; format: Format; locate: (field: string) => number | undefined }
  | { ok: false; message: string; line: number | undefined };

/** JSON when the text is an object in braces, else YAML. */
export function formatOf(text: string): Format {
  return text.trimStart().startsWith("{") ? "json" : "yaml";
}

export function parseDefinition(text: string): Parsed {
  if (!text.trim()) return { ok: false, message: "The definition is empty.", line: undefined };
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const line = error.linePos?.[0].line;
    // The first line of the message; the rest is the pretty excerpt of the text, which the editor shows itself.
    return { ok: false, message: error.message.split("\n")[0] ?? error.message, line };
  }
  const value: unknown = document.toJS();
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: "A definition is an object (name, input_schema, steps, outputs).", line: 1 };
  }
  return {
    ok: true,
    value,
    format: formatOf(text),
    locate: (field) => locate(document, lines, field),
  };
}

/**
 * A definition without what only restates a default (the API answers every field of a step:
 * `condition: null`, `inputs: {}`, `when_skipped: skip`...), so the text shows what was written.
 */
export function compact(definition: WorkflowDefinition): WorkflowDefinition {
  const steps = definition.steps.map((step) =>
    Object.fromEntries(
      Object.entries(step).filter(([key, value]) => {
        if (value === null || value === "" || (key === "when_skipped" && value === "skip")) return false;
        if (Array.isArray(value)) return value.length > 0;
        if (typeof value === "object") return Object.keys(value).length > 0;
        return true;
      }),
    ),
  ) as WorkflowDefinition["steps"];
  const { name, description, input_schema, outputs, replan } = definition;
  return {
    name,
    ...(description ? { description } : {}),
    ...(input_schema && Object.keys(input_schema).length > 0 ? { input_schema } : {}),
    steps,
    ...(outputs && Object.keys(outputs).length > 0 ? { outputs } : {}),
    ...(replan ? { replan } : {}),
  } as WorkflowDefinition;
}

/** The text of a definition in a format: YAML block style, or JSON indented by two. */
export function definitionText(definition: WorkflowDefinition, format: Format): string {
  if (format === "json") return `${JSON.stringify(definition, null, 2)}\n`;
  // lineWidth 0: instructions stay on their lines rather than being folded.
  return stringify(definition, { lineWidth: 0 });
}

/** The definition part of a saved workflow (what a new version replaces). */
export function definitionOf(workflow: WorkflowPublic): WorkflowDefinition {
  const { name, description, input_schema, steps, outputs, replan } = workflow;
  return compact({ name, description, input_schema, steps, outputs, replan });
}

/**
 * The line (1-based) of the field a server problem names, as a dotted path from the root:
 * the key's line when the field is there, else the line of the nearest part of it that is
 * (a missing `steps.0.title` points at step 0). Undefined when nothing of it is in the text.
 */
function locate(document: Document, lines: LineCounter, field: string): number | undefined {
  const parts = field.split(".").filter((part) => part !== "" && part !== "body");
  let node: unknown = document.contents;
  let offset: number | undefined;
  for (const part of parts) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === part);
      if (!pair) break;
      offset = isScalar(pair.key) ? pair.key.range?.[0] : offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(part)];
      if (!/^\d+$/.test(part) || item === undefined) break;
      offset = (item as { range?: [number, number, number] }).range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}
