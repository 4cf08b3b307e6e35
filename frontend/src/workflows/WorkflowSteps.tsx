/** A workflow's steps: drawn with the task page's plan graph, and the one picked shown in full. */
import { useMemo, useState } from "react";

import type { WorkflowStep } from "../api/types";
import { useMediaQuery } from "../hooks/useMediaQuery";
import { TaskGraph, type GraphStep } from "../task/TaskGraph";

/** The graph's steps: no state or agent before a run; what decides whether and how often a step runs as its note. */
export function graphSteps(steps: WorkflowStep[]): GraphStep[] {
  return steps.map((step) => ({
    id: step.id,
    title: step.title,
    capability: step.capability,
    depends_on: step.depends_on ?? [],
    note: [step.for_each ? `for each ${step.for_each.replace(/^inputs\./, "")}` : "", step.condition ? "if …" : ""]
      .filter(Boolean)
      .join(" · ") || undefined,
  }));
}

function Detail({ step }: { step: WorkflowStep }) {
  const rows: [string, string | undefined][] = [
    ["Capability", step.capability],
    ["Depends on", step.depends_on?.length ? step.depends_on.join(", ") : undefined],
    ["Runs only if", step.condition ?? undefined],
    ["When a step it needs was skipped", step.depends_on?.length ? (step.when_skipped === "run" ? "runs anyway" : "is skipped too") : undefined],
    ["Once per item of", step.for_each ?? undefined],
    ["Data sent", step.inputs && Object.keys(step.inputs).length ? Object.entries(step.inputs).map(([k, v]) => `${k} ← ${v}`).join(", ") : undefined],
    ["Expected output", step.expected_output || undefined],
    ["Timeout", step.timeout_seconds != null ? `${step.timeout_seconds} s an attempt` : undefined],
    ["Attempts", step.max_attempts != null ? String(step.max_attempts) : undefined],
  ];
  return (
    <div className="workflow-step-detail" aria-live="polite">
      <h3>
        <span className="step-id">{step.id}</span> {step.title}
      </h3>
      <dl className="facts">
        {rows
          .filter(([, value]) => value !== undefined)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                <code>{value}</code>
              </dd>
            </div>
          ))}
      </dl>
      <h4>Instruction</h4>
      <pre className="instruction">{step.instruction}</pre>
    </div>
  );
}

export function WorkflowSteps({ steps }: { steps: WorkflowStep[] }) {
  const [selected, setSelected] = useState<string>();
  const phone = useMediaQuery("(max-width: 700px)");
  const step = steps.find((s) => s.id === selected);
  const drawn = useMemo(() => graphSteps(steps), [steps]);
  return (
    <>
      <TaskGraph steps={drawn} selected={selected} onSelect={setSelected} vertical={phone} />
      {step ? <Detail step={step} /> : <p className="muted small">Pick a step to see its instruction and when it runs.</p>}
    </>
  );
}
