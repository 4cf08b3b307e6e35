/** Write a new workflow, or a new version of one, as JSON or YAML; the server's problems shown in place. */
import { useCallback } from "react";
import { Link, useNavigate, useParams } from "react-router";

import { api } from "../api/client";
import type { WorkflowDefinition } from "../api/types";
import { useResource } from "../hooks/useResource";
import { WorkflowMissing } from "../workflows/WorkflowMissing";
import { DefinitionEditor } from "../workflows/DefinitionEditor";
import { definitionOf, definitionText } from "../workflows/definitionText";
import "../workflows/workflows.css";

/** What a new workflow starts from: a small one that runs on the agents `orchestra up` starts. */
export const STARTER = `name: Numbers report
description: The mean of some numbers, doubled when it is above a threshold.
input_schema:
  type: object
  properties:
    numbers:
      type: array
      items: {type: number}
      minItems: 2
      description: The numbers to average.
    threshold: {type: number, default: 10, description: The mean above which it is doubled.}
  required: [numbers]
steps:
  - id: s1
    title: Statistics
    capability: statistics
    instruction: "Compute the mean of {{ inputs.numbers | join(', ') }}"
  - id: s2
    title: Double the mean
    capability: calculation
    depends_on: [s1]
    condition: steps.s1.data.mean > inputs.threshold
    instruction: "Compute {{ steps.s1.data.mean }} * 2"
outputs:
  mean: steps.s1.data.mean
  doubled: steps.s2.data.result
`;

function Help() {
  return (
    <p className="muted small">
      A definition has a <code>name</code>, a <code>description</code>, an <code>input_schema</code> (JSON Schema of
      the inputs), <code>steps</code> (each a capability and an instruction, a Jinja2 template of{" "}
      <code>inputs</code> and earlier <code>steps</code>) and <code>outputs</code>. See the workflows page of the
      docs for conditions, mappings and steps run once per item.
    </p>
  );
}

export function WorkflowEditPage() {
  const { workflowId } = useParams();
  const navigate = useNavigate();
  const workflow = useResource(
    useCallback((signal: AbortSignal) => (workflowId ? api.getWorkflow(workflowId, signal) : Promise.resolve(undefined)), [workflowId]),
    `workflow|${workflowId ?? "new"}`,
  );

  const save = async (definition: WorkflowDefinition) => {
    const saved = workflowId ? await api.updateWorkflow(workflowId, definition) : await api.createWorkflow(definition);
    navigate(`/workflows/${saved.id}`);
  };

  if (!workflowId) {
    return (
      <section aria-labelledby="edit-title" className="workflow-edit">
        <p className="breadcrumbs">
          <Link to="/workflows">Workflows</Link> /
        </p>
        <h1 id="edit-title">New workflow</h1>
        <Help />
        <DefinitionEditor initial={STARTER} saveLabel="Save workflow" onSave={save} />
      </section>
    );
  }
  if (!workflow.data) return <WorkflowMissing workflow={workflow} />;
  const w = workflow.data;
  return (
    <section aria-labelledby="edit-title" className="workflow-edit">
      <p className="breadcrumbs">
        <Link to="/workflows">Workflows</Link> / <Link to={`/workflows/${w.id}`}>{w.name}</Link> /
      </p>
      <h1 id="edit-title">Edit {w.name}</h1>
      <p className="lead">Saving makes version {w.version + 1}; runs already started keep the version they ran.</p>
      <Help />
      <DefinitionEditor initial={definitionText(definitionOf(w), "yaml")} saveLabel={`Save version ${w.version + 1}`} onSave={save} />
    </section>
  );
}
