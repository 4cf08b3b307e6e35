/**
 * The fields of a run form, read from a workflow's input schema (JSON Schema), and the inputs
 * read back from what was typed.
 *
 * A small generator over the subset workflows use, not @rjsf/core: rjsf validates with Ajv,
 * which compiles schemas with `new Function`, and the orchestrator's Content-Security-Policy
 * (`default-src 'self'`, no 'unsafe-eval') forbids that in the dashboard; Ajv alone is also over
 * 100 kB minified for forms of a handful of fields. The server checks the inputs against the full
 * schema anyway and names every wrong field (422 `invalid_inputs`), which the form shows next to
 * it. Supported: string, number, integer, boolean, `enum` (a select), arrays of those (one item a
 * line, or numbers separated by commas), `default`, `required`, `description`, `title`, numeric
 * bounds and string lengths; anything else (objects, unions) is typed as JSON.
 */
import type { Problem } from "../api/client";

export type FieldKind = "text" | "number" | "integer" | "boolean" | "choice" | "list" | "json";
export type ItemKind = "text" | "number" | "integer";

export interface InputField {
  name: string;
  label: string;
  description: string | undefined;
  required: boolean;
  kind: FieldKind;
  /** For a list: what each item is. */
  item: ItemKind | undefined;
  /** For a choice: the schema's `enum` values. */
  options: unknown[];
  default: unknown;
  minimum: number | undefined;
  maximum: number | undefined;
  minLength: number | undefined;
  maxLength: number | undefined;
}

/** What the form holds for a field: text for most, a flag for a checkbox. */
export type FieldValue = string | boolean;

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function numberOr(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function itemKind(type: unknown): ItemKind | undefined {
  if (type === "string") return "text";
  if (type === "number" || type === "integer") return type;
  return undefined;
}

function kindOf(schema: Schema): Pick<InputField, "kind" | "item"> {
  if (Array.isArray(schema.enum)) return { kind: "choice", item: undefined };
  switch (schema.type) {
    case "string":
      return { kind: "text", item: undefined };
    case "number":
    case "integer":
    case "boolean":
      return { kind: schema.type, item: undefined };
    case "array": {
      const items = isSchema(schema.items) ? schema.items : {};
      const item = Array.isArray(items.enum) ? undefined : itemKind(items.type);
      return item ? { kind: "list", item } : { kind: "json", item: undefined };
    }
    default:
      return { kind: "json", item: undefined };
  }
}

/** The form's fields, in the order of the schema's `properties`. */
export function inputFields(schema: Record<string, unknown>): InputField[] {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(properties).map(([name, raw]) => {
    const property = isSchema(raw) ? raw : {};
    return {
      name,
      label: typeof property.title === "string" && property.title ? property.title : name,
      description: typeof property.description === "string" ? property.description : undefined,
      required: required.has(name),
      ...kindOf(property),
      options: Array.isArray(property.enum) ? property.enum : [],
      default: property.default,
      minimum: numberOr(property.minimum),
      maximum: numberOr(property.maximum),
      minLength: numberOr(property.minLength),
      maxLength: numberOr(property.maxLength),
    };
  });
}

/** How a choice's value reads in the select. */
export function optionLabel(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** What the form starts with: the default, if the schema has one. */
export function initialValue(field: InputField): FieldValue {
  const value = field.default;
  if (field.kind === "boolean") return value === true;
  if (value === undefined) return "";
  switch (field.kind) {
    case "choice": {
      const index = field.options.findIndex((option) => JSON.stringify(option) === JSON.stringify(value));
      return index >= 0 ? String(index) : "";
    }
    case "list":
      return Array.isArray(value) ? value.map(String).join(field.item === "text" ? "\n" : ", ") : "";
    case "json":
      return JSON.stringify(value, null, 2);
    default:
      return typeof value === "string" ? value : String(value);
  }
}

function readNumber(text: string, integer: boolean): number | string {
  const value = Number(text);
  if (text.trim() === "" || Number.isNaN(value)) return `"${text.trim()}" is not a number.`;
  if (integer && !Number.isInteger(value)) return `"${text.trim()}" is not a whole number.`;
  return value;
}

/** One field's value as the API wants it: the value, `undefined` to leave it out, or a problem. */
function readField(field: InputField, raw: FieldValue): { value?: unknown; problem?: string } {
  if (field.kind === "boolean") return { value: raw === true };
  const text = typeof raw === "string" ? raw : "";
  // Left empty: leave it out, so the server applies the schema's default (or says it is required).
  const empty = field.kind === "text" ? text === "" : text.trim() === "";
  if (empty) return field.required ? { problem: "Required." } : {};
  switch (field.kind) {
    case "text":
      return { value: text };
    case "number":
    case "integer": {
      const value = readNumber(text, field.kind === "integer");
      return typeof value === "number" ? { value } : { problem: value };
    }
    case "choice":
      return { value: field.options[Number(text)] };
    case "list": {
      if (field.item === "text") return { value: text.split("\n").filter((line) => line.trim() !== "") };
      const values = text
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((item) => readNumber(item, field.item === "integer"));
      const wrong = values.find((value) => typeof value === "string");
      return wrong === undefined ? { value: values } : { problem: wrong };
    }
    case "json":
      try {
        return { value: JSON.parse(text) as unknown };
      } catch (cause) {
        return { problem: `Not JSON: ${cause instanceof Error ? cause.message : String(cause)}` };
      }
  }
}

/** The run's inputs from the form, or what is wrong with it, by field name. */
export function readInputs(
  fields: InputField[],
  values: Record<string, FieldValue>,
): { inputs: Record<string, unknown>; problems: Record<string, string> } {
  const inputs: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const { value, problem } = readField(field, values[field.name] ?? initialValue(field));
    if (problem !== undefined) problems[field.name] = problem;
    else if (value !== undefined) inputs[field.name] = value;
  }
  return { inputs, problems };
}

/**
 * The server's problems (`inputs.numbers.1`) by the field of the form they belong to; those that
 * name no field (`inputs`) under "".
 */
export function problemsByField(fields: InputField[], problems: Problem[]): Record<string, string[]> {
  const names = new Set(fields.map((field) => field.name));
  const byField: Record<string, string[]> = {};
  for (const { field, problem } of problems) {
    const [root, name, ...rest] = field.split(".");
    const known = root === "inputs" && name !== undefined && names.has(name);
    const key = known ? name : "";
    // Say which item when the problem is inside a list (`inputs.numbers.1`: item 2).
    const where = known && rest.length > 0 ? `${rest.map((part) => (/^\d+$/.test(part) ? `item ${Number(part) + 1}` : part)).join(", ")}: ` : "";
    (byField[key] ??= []).push(known ? `${where}${problem}` : field ? `${field}: ${problem}` : problem);
  }
  return byField;
}
