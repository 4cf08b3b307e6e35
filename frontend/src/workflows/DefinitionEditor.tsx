/**
 * The text editor of a workflow definition (JSON or YAML): line numbers, the lines the server's
 * problems name marked in place and listed under it (each jumps to its line), and a syntax error
 * shown before anything is sent.
 */
import { useMemo, useRef, useState, type FormEvent } from "react";

import { ApiError, problemsOf, type Problem } from "../api/client";
import type { WorkflowDefinition } from "../api/types";
import { definitionText, formatOf, parseDefinition, type Format } from "./definitionText";

const LINE_PX = 20;

interface Placed extends Problem {
  line: number | undefined;
}

export function DefinitionEditor({
  initial,
  saveLabel,
  onSave,
}: {
  initial: string;
  saveLabel: string;
  /** Sends the definition; a 422 it throws (`ApiError` with `details.errors`) is shown in place. */
  onSave: (definition: WorkflowDefinition) => Promise<void>;
}) {
  const [text, setText] = useState(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<string>();
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const area = useRef<HTMLTextAreaElement>(null);

  const parsed = useMemo(() => parseDefinition(text), [text]);
  const lines = text.split("\n");
  // Problems follow the text as it is edited: each is found again by its path.
  const placed: Placed[] = problems.map((p) => ({ ...p, line: parsed.ok ? parsed.locate(p.field) : undefined }));
  const marked = new Map<number, string[]>();
  for (const p of placed) if (p.line !== undefined) marked.set(p.line, [...(marked.get(p.line) ?? []), `${p.field}: ${p.problem}`]);
  const syntaxLine = !parsed.ok ? parsed.line : undefined;
  if (syntaxLine !== undefined && !parsed.ok) marked.set(syntaxLine, [parsed.message]);

  function jump(line: number) {
    const element = area.current;
    if (!element) return;
    const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    element.focus();
    element.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    element.scrollTop = Math.max(0, (line - 4) * LINE_PX);
  }

  function convert(format: Format) {
    if (!parsed.ok) return;
    setText(definitionText(parsed.value as WorkflowDefinition, format));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setError(undefined);
    if (!parsed.ok) {
      // Not sent: the text does not parse.
      if (parsed.line !== undefined) jump(parsed.line);
      return;
    }
    setSaving(true);
    try {
      await onSave(parsed.value as WorkflowDefinition);
      setProblems([]);
    } catch (cause) {
      const listed = problemsOf(cause);
      setProblems(listed);
      setError(
        listed.length > 0
          ? `Not saved: ${listed.length === 1 ? "one problem" : `${listed.length} problems`}, marked in the text and listed below.`
          : cause instanceof ApiError
            ? cause.message
            : String(cause),
      );
    } finally {
      setSaving(false);
    }
  }

  const format = formatOf(text);
  const showSyntax = !parsed.ok && (tried || text !== initial);
  return (
    <form className="definition-editor stack" onSubmit={save} noValidate aria-label="Workflow definition">
      <div className="editor-toolbar">
        <label htmlFor="definition">Definition ({format === "json" ? "JSON" : "YAML"})</label>
        <span className="editor-formats">
          <button type="button" onClick={() => convert("yaml")} disabled={!parsed.ok || format === "yaml"}>
            As YAML
          </button>
          <button type="button" onClick={() => convert("json")} disabled={!parsed.ok || format === "json"}>
            As JSON
          </button>
        </span>
      </div>
      <div className="code-editor" style={{ height: Math.min(40, Math.max(16, lines.length + 2)) * LINE_PX + 18 }}>
        <div className="code-gutter" aria-hidden="true">
          <div style={{ transform: `translateY(${-scroll.top}px)` }}>
            {lines.map((_, index) => {
              const messages = marked.get(index + 1);
              return (
                <div key={index} className={messages ? "gutter-line problem" : "gutter-line"} title={messages?.join("\n")}>
                  {messages ? "● " : ""}
                  {index + 1}
                </div>
              );
            })}
          </div>
        </div>
        <div className="code-body">
          <div className="code-backdrop" aria-hidden="true">
            <div style={{ transform: `translate(${-scroll.left}px, ${-scroll.top}px)` }}>
              {lines.map((line, index) => {
                const messages = marked.get(index + 1);
                return (
                  <div key={index} className={messages ? "backdrop-line problem" : "backdrop-line"}>
                    {line || " "}
                    {/* After the line's own text (the same font, under the transparent textarea): the problem, in place. */}
                    {messages ? <span className="inline-problem">{"   "}{messages.join(" · ")}</span> : null}
                  </div>
                );
              })}
            </div>
          </div>
          <textarea
            id="definition"
            ref={area}
            value={text}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            wrap="off"
            aria-invalid={showSyntax || problems.length > 0}
            aria-describedby="definition-problems"
            onChange={(event) => setText(event.target.value)}
            onScroll={(event) => setScroll({ top: event.currentTarget.scrollTop, left: event.currentTarget.scrollLeft })}
          />
        </div>
      </div>
      <div id="definition-problems">
        {showSyntax && !parsed.ok ? (
          <p className="error-text" role="alert">
            {parsed.line !== undefined ? (
              <button type="button" className="link-button" onClick={() => jump(parsed.line ?? 1)}>
                Line {parsed.line}
              </button>
            ) : null}{" "}
            Cannot read the definition: {parsed.message}
          </p>
        ) : null}
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
        {placed.length > 0 ? (
          <ul className="problem-list" aria-label="Problems">
            {placed.map((p, index) => (
              <li key={`${p.field}|${index}`} data-line={p.line}>
                {p.line !== undefined ? (
                  <button type="button" className="link-button" onClick={() => jump(p.line ?? 1)}>
                    Line {p.line}
                  </button>
                ) : null}{" "}
                <code>{p.field || "definition"}</code>: {p.problem}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? "Saving…" : saveLabel}
        </button>
      </div>
    </form>
  );
}
