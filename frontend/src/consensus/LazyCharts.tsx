/**
 * The consensus charts behind React.lazy, with a loading state and a fallback when the chart
 * module cannot be loaded or drawn: the tables beside the charts hold the same figures.
 */
import { Component, lazy, Suspense, type ReactNode } from "react";

import type { Consensus } from "./consensus";

const SimilarityHeatmap = lazy(() => import("./ConsensusCharts").then((m) => ({ default: m.SimilarityHeatmap })));
const SentimentChart = lazy(() => import("./ConsensusCharts").then((m) => ({ default: m.SentimentChart })));

class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    if (this.state.failed) return <p className="muted small">The chart could not be drawn; the table has its figures.</p>;
    return this.props.children;
  }
}

function Lazy({ children }: { children: ReactNode }) {
  return (
    <ChartBoundary>
      <Suspense fallback={<p className="muted small chart-loading">Drawing the chart…</p>}>{children}</Suspense>
    </ChartBoundary>
  );
}

export function LazySimilarityHeatmap({ consensus }: { consensus: Consensus }) {
  return (
    <Lazy>
      <SimilarityHeatmap consensus={consensus} />
    </Lazy>
  );
}

export function LazySentimentChart({ consensus }: { consensus: Consensus }) {
  return (
    <Lazy>
      <SentimentChart consensus={consensus} />
    </Lazy>
  );
}
