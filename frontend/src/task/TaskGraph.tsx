/**
 * A plan as a graph: steps as nodes colored by state, dependencies as edges. It draws a task's
 * steps as they run, and a workflow's steps before any run (no state, no agent yet). A consensus
 * step's participants are drawn as one node.
 */
import {
  Background,
  Controls,
  Handle,
  Position,
  ReactFlow,
  useNodesInitialized,
  useNodesState,
  useReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo, useRef, useState } from "react";

import type { StepStatus } from "../api/types";
import { formatDuration } from "../lib/format";
import { boundsOf, graphHeight, layoutPlan } from "./graphLayout";
import { groupParticipants, type ParticipantGroup } from "./participantGroups";

/** What the graph needs of a step: a task's `StepPublic` is one; a workflow's steps are mapped to one. */
export interface GraphStep {
  id: string;
  title: string;
  capability: string;
  depends_on: string[];
  /** Absent for a plan that has not run. */
  status?: StepStatus;
  /** Absent for a plan that has not run (no agent is picked yet); null while unassigned. */
  agent?: string | null;
  duration_ms?: number | null;
  /** A few words after the capability, e.g. what a workflow step runs on. */
  note?: string;
  /** What runs the step (`agent` when absent); an `approval` is decided by a person. */
  kind?: string;
}

/** The few words under a step's title in the graph: what it needs, who runs it, how long. */
export function stepMeta(step: GraphStep): string[] {
  const approval = step.kind === "approval";
  return [
    approval ? "approval" : step.capability,
    approval ? "a person" : step.agent === undefined ? undefined : (step.agent ?? "unassigned"),
    step.duration_ms === undefined || step.duration_ms === null ? undefined : formatDuration(step.duration_ms),
    step.note,
  ].filter((part): part is string => Boolean(part));
}

type StepNodeData = {
  step: GraphStep;
  selected: boolean;
  onSelect: (id: string) => void;
  /** Set when the node stands for a consensus step's participants. */
  group?: ParticipantGroup<GraphStep>;
};
type StepNode = Node<StepNodeData, "step">;

/** A consensus step's participants: a chip per participant, colored by its state; a click
 * shows the consensus step, whose card has the participants' answers side by side. */
function ParticipantsNodeView({ group, onSelect }: { group: ParticipantGroup<GraphStep>; onSelect: (id: string) => void }) {
  const label = (p: GraphStep) => p.id.slice(group.consensusId.length + 1);
  const states = group.participants.map((p) => (p.status ? `${label(p)} ${p.status}` : label(p)));
  return (
    <button
      type="button"
      className={`graph-node graph-node-group status-${group.status ?? "planned"}`}
      data-step={group.id}
      data-status={group.status}
      aria-label={`Participants of consensus step ${group.consensusId}: ${states.join(", ")}`}
      onClick={() => onSelect(group.consensusId)}
    >
      <span className="graph-node-title">
        {group.participants.length} participants of <span className="step-id">{group.consensusId}</span>
      </span>
      <span className="participant-dots" aria-hidden="true">
        {group.participants.map((p) => (
          <span key={p.id} className={`participant-dot status-${p.status ?? "planned"}`} title={p.status ? `${p.id}: ${p.status}` : p.id}>
            {label(p)}
          </span>
        ))}
      </span>
    </button>
  );
}

function StepNodeView({ data, targetPosition, sourcePosition }: NodeProps<StepNode>) {
  const { step } = data;
  if (data.group) {
    return (
      <>
        <Handle type="target" position={targetPosition ?? Position.Left} isConnectable={false} />
        <ParticipantsNodeView group={data.group} onSelect={data.onSelect} />
        <Handle type="source" position={sourcePosition ?? Position.Right} isConnectable={false} />
      </>
    );
  }
  const meta = stepMeta(step);
  return (
    <>
      <Handle type="target" position={targetPosition ?? Position.Left} isConnectable={false} />
      <button
        type="button"
        className={`graph-node status-${step.status ?? "planned"}${data.selected ? " selected" : ""}`}
        data-step={step.id}
        data-status={step.status}
        aria-pressed={data.selected}
        aria-label={`Step ${step.id}: ${step.title}${step.status ? `, ${step.status}` : ""}`}
        onClick={() => data.onSelect(step.id)}
      >
        <span className="graph-node-title">
          <span className="step-id">{step.id}</span> {step.title}
        </span>
        <span className="graph-node-meta">{meta.join(" · ")}</span>
      </button>
      <Handle type="source" position={sourcePosition ?? Position.Right} isConnectable={false} />
    </>
  );
}

const nodeTypes = { step: StepNodeView };
const FIT = { padding: 0.15, maxZoom: 1.1 };

/** Fits the plan into view again when its shape or the box changes (not on state changes). */
function FitView({ signature }: { signature: string }) {
  const flow = useReactFlow();
  const ready = useNodesInitialized();
  useEffect(() => {
    if (ready) void flow.fitView(FIT);
  }, [flow, ready, signature]);
  return null;
}

export function TaskGraph({
  steps: planSteps,
  selected,
  onSelect,
  vertical = false,
}: {
  steps: GraphStep[];
  selected: string | undefined;
  onSelect: (id: string) => void;
  vertical?: boolean;
}) {
  const { steps, groups } = useMemo(() => groupParticipants(planSteps), [planSteps]);
  const shape = steps.map((s) => `${s.id}<${s.depends_on.join(",")}`).join(";");
  // The layout depends only on the plan's shape, so nodes stay put while states change.
  const positions = useMemo(() => layoutPlan(steps, vertical ? "TB" : "LR"), [shape, vertical]);
  const box = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(800);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => entry && setBoxWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const height = graphHeight(boundsOf(positions), boxWidth);
  const statusOf = new Map(steps.map((s) => [s.id, s.status]));

  const wanted: StepNode[] = useMemo(
    () =>
      steps.map((step) => ({
        id: step.id,
        type: "step" as const,
        position: positions.get(step.id) ?? { x: 0, y: 0 },
        data: { step, selected: step.id === selected, onSelect, group: groups.get(step.id) },
        targetPosition: vertical ? Position.Top : Position.Left,
        sourcePosition: vertical ? Position.Bottom : Position.Right,
        draggable: false,
        selectable: false,
      })),
    [steps, groups, positions, selected, onSelect, vertical],
  );
  // React Flow measures nodes through change events; keep what it measured when states change.
  const [nodes, setNodes, onNodesChange] = useNodesState<StepNode>(wanted);
  useEffect(() => {
    setNodes((current) => {
      const known = new Map(current.map((node) => [node.id, node]));
      return wanted.map((node) => ({ ...known.get(node.id), ...node }));
    });
  }, [wanted, setNodes]);
  const edges: Edge[] = steps.flatMap((step) =>
    step.depends_on.map((dependency) => ({
      id: `${dependency}->${step.id}`,
      source: dependency,
      target: step.id,
      animated: statusOf.get(step.id) === "running",
      className: `edge-${statusOf.get(dependency) ?? "pending"}`,
    })),
  );

  return (
    <div
      ref={box}
      className={`task-graph${vertical ? " vertical" : ""}`}
      style={{ height }}
      role="group"
      aria-label="Plan graph"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={FIT}
        minZoom={0.2}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        zoomOnScroll={false}
        preventScrolling={false}
      >
        <FitView signature={`${shape}|${vertical}|${height}|${boxWidth}`} />
        <Background gap={20} size={1} />
        {vertical ? null : <Controls showInteractive={false} />}
      </ReactFlow>
    </div>
  );
}
