/**
 * The consensus charts, drawn with Apache ECharts. This module is loaded only when a consensus is
 * shown (React.lazy in `LazyCharts.tsx`), so echarts stays out of the dashboard's main bundle.
 * Only the parts used are registered (heatmap, bar, grid, tooltip, visual map) and drawn as SVG.
 * Each chart's box is an image named by what it shows in words; the figures are also in tables.
 */
import { BarChart, HeatmapChart } from "echarts/charts";
import { GridComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useMemo } from "react";

import { heatmapDescription, heatmapOption, sentimentDescription, sentimentOption } from "./chartOptions";
import type { Consensus } from "./consensus";
import { EChart } from "./EChart";

echarts.use([HeatmapChart, BarChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export function SimilarityHeatmap({ consensus }: { consensus: Consensus }) {
  const option = useMemo(() => heatmapOption(consensus), [consensus]);
  const size = consensus.agreement.labels.length;
  // Square-ish cells: about 56 px a participant, plus room for the axis labels and the scale.
  const height = Math.max(220, 110 + size * 56);
  return (
    <div className="chart heatmap" role="img" aria-label={heatmapDescription(consensus)} data-chart="similarity">
      <EChart option={option} style={{ height }} />
    </div>
  );
}

export function SentimentChart({ consensus }: { consensus: Consensus }) {
  const option = useMemo(() => sentimentOption(consensus), [consensus]);
  return (
    <div className="chart sentiment-chart" role="img" aria-label={sentimentDescription(consensus)} data-chart="sentiment">
      <EChart option={option} style={{ height: 200 }} />
    </div>
  );
}
