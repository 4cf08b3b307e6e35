/** The run form of a workflow, generated from its input schema; a run started goes to its task page. */
import { useMemo, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";

import { api, ApiError, problemsOf } from "../api/client";
import type { WorkflowPublic } from "../api/types";
import {
  initialValue,
  inputFields,
  optionLabel,
  problemsByField,
  readInputs,
  type FieldValue,
  type InputField,
} from "./inputFields";

function FieldControl({
  field,
  value,
  onChange,
  describedBy,
  invalid,
}: {
  field: InputField;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  describedBy: string | undefined;
  invalid: boolean;
}) {
  const common = {
    id: `input-${field.name}`,
    name: field.name,
    "aria-describedby": describedBy,
    "aria-invalid": invalid,
    "aria-required": field.required,
  };
  const text = typeof value === "string" ? value : "";
  switch (field.kind) {
    case "boolean":
      return <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case "choice":
      return (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          {field.required && text !== "" ? null : <option value="">{field.required ? "Choose…" : "—"}</option>}
          {field.options.map((option, index) => (
            <option key={optionLabel(option)} value={String(index)}>
              {optionLabel(option)}
            </option>
          ))}
        </select>
      );
    case "number":
    case "integer":
      return (
        <input
          {...common}
          type="text"
          inputMode={field.kind === "integer" ? "numeric" : "decimal"}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case "list":
      return field.item === "text" ? (
        <textarea {...common} rows={3} value={text} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" value={text} placeholder="e.g. 3, 5, 10" onChange={(e) => onChange(e.target.value)} />
      );
    case "json":
      return <textarea {...common} className="mono" rows={4} value={text} onChange={(e) => onChange(e.target.value)} />;
    case "text":
      return <textarea {...common} rows={3} maxLength={field.maxLength} value={text} onChange={(e) => onChange(e.target.value)} />;
  }
}

/** What the field takes, in words: "a list of numbers", "at least 2 characters"... */
function hint(field: InputField): string | undefined {
  const words: string[] = [];
  if (field.kind === "list") {
    words.push(field.item === "text" ? "One item a line" : `${field.item === "integer" ? "Whole numbers" : "Numbers"}, separated by commas`);
  }
  if (field.kind === "json") words.push("JSON");
  if (field.kind === "integer") words.push("A whole number");
  if (field.minimum !== undefined) words.push(`at least ${field.minimum}`);
  if (field.maximum !== undefined) words.push(`at most ${field.maximum}`);
  if (field.minLength !== undefined && field.minLength > 1) words.push(`at least ${field.minLength} characters`);
  if (field.maxLength !== undefined) words.push(`at most ${field.maxLength} characters`);
  if (field.default !== undefined && field.kind !== "boolean") words.push(`default ${JSON.stringify(field.default)}`);
  return words.length ? words.join("; ").replace(/^./, (first) => first.toUpperCase()) : undefined;
}

export function RunForm({ workflow }: { workflow: WorkflowPublic }) {
  const navigate = useNavigate();
  const fields = useMemo(() => inputFields(workflow.input_schema), [workflow.input_schema]);
  const [values, setValues] = useState<Record<string, FieldValue>>(() =>
    Object.fromEntries(fields.map((field) => [field.name, initialValue(field)])),
  );
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const read = readInputs(fields, values);
    const local = Object.fromEntries(Object.entries(read.problems).map(([name, problem]) => [name, [problem]]));
    setProblems(local);
    if (Object.keys(local).length > 0) {
      document.getElementById(`input-${Object.keys(local)[0]}`)?.focus();
      return;
    }
    setSubmitting(true);
    try {
      const task = await api.runWorkflow(workflow.id, { inputs: read.inputs });
      navigate(`/tasks/${task.id}`);
    } catch (cause) {
      setSubmitting(false);
      const listed = problemsOf(cause);
      if (listed.length > 0) {
        const byField = problemsByField(fields, listed);
        setProblems(byField);
        const first = fields.find((field) => byField[field.name]);
        if (first) document.getElementById(`input-${first.name}`)?.focus();
        setError(byField[""] ? undefined : "The inputs were refused: see the marked fields.");
      } else {
        setError(cause instanceof ApiError ? cause.message : String(cause));
      }
    }
  }

  const general = problems[""];
  return (
    <form className="stack run-form" onSubmit={submit} noValidate aria-label={`Run ${workflow.name}`}>
      {fields.length === 0 ? <p className="muted">This workflow takes no inputs.</p> : null}
      {fields.map((field) => {
        const help = field.description ? `input-${field.name}-help` : undefined;
        const hintText = hint(field);
        const hintId = hintText ? `input-${field.name}-hint` : undefined;
        const fieldProblems = problems[field.name];
        const errorId = fieldProblems ? `input-${field.name}-error` : undefined;
        const describedBy = [errorId, help, hintId].filter(Boolean).join(" ") || undefined;
        return (
          <div key={field.name} className={`run-field kind-${field.kind}${fieldProblems ? " invalid" : ""}`} data-field={field.name}>
            <label htmlFor={`input-${field.name}`}>
              {field.label}
              {field.required ? <span className="required" aria-hidden="true"> *</span> : null}
              {field.label !== field.name ? <code className="muted small"> {field.name}</code> : null}
            </label>
            {help ? (
              <p id={help} className="muted small field-help">
                {field.description}
              </p>
            ) : null}
            <FieldControl
              field={field}
              value={values[field.name] ?? initialValue(field)}
              onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
              describedBy={describedBy}
              invalid={fieldProblems !== undefined}
            />
            {hintText ? (
              <p id={hintId} className="muted small field-hint">
                {hintText}
              </p>
            ) : null}
            {fieldProblems ? (
              <ul id={errorId} className="field-error error-text small">
                {fieldProblems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : null}
          </div>
        );
      })}
      {fields.some((field) => field.required) ? <p className="muted small">* required</p> : null}
      {error || general ? (
        <div className="error-text" role="alert">
          {error ? <p>{error}</p> : null}
          {general ? (
            <ul>
              {general.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div>
        <button type="submit" className="primary" disabled={submitting}>
          {submitting ? "Starting…" : "Run"}
        </button>
      </div>
    </form>
  );
}
