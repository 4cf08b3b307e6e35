/** Positions of a plan's steps for drawing: dagre's layered layout, dependencies left to right. */
import dagre from "@dagrejs/dagre";

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;

export interface StepLike {
  id: string;
  depends_on: string[];
}

export interface Placed {
  id: string;
  x: number;
  y: number;
}

export function layoutPlan(steps: StepLike[], direction: "LR" | "TB" = "LR"): Map<string, Placed> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: direction, nodesep: 28, ranksep: 64, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(steps.map((step) => step.id));
  for (const step of steps) graph.setNode(step.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const step of steps) {
    for (const dependency of step.depends_on) if (ids.has(dependency)) graph.setEdge(dependency, step.id);
  }
  dagre.layout(graph);
  const placed = new Map<string, Placed>();
  for (const id of graph.nodes()) {
    const node = graph.node(id);
    // dagre gives centres; React Flow wants top-left corners.
    placed.set(id, { id, x: node.x - NODE_WIDTH / 2, y: node.y - NODE_HEIGHT / 2 });
  }
  return placed;
}

/** Width and height of the laid-out plan. */
export function boundsOf(placed: Map<string, Placed>): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const node of placed.values()) {
    width = Math.max(width, node.x + NODE_WIDTH);
    height = Math.max(height, node.y + NODE_HEIGHT);
  }
  return { width, height };
}

/** A graph box tall enough for the plan at the zoom that fits its width, within limits. */
export function graphHeight(
  bounds: { width: number; height: number },
  boxWidth: number,
  limits: { min: number; max: number; maxZoom: number } = { min: 180, max: 520, maxZoom: 1.1 },
): number {
  if (bounds.width <= 0 || boxWidth <= 0) return limits.min;
  const zoom = Math.min(limits.maxZoom, (boxWidth * 0.9) / bounds.width);
  return Math.round(Math.min(limits.max, Math.max(limits.min, bounds.height * zoom + 56)));
}
