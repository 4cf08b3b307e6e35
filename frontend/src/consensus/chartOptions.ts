/**
 * ECharts options for the consensus charts, built from the consensus alone (pure, so they are
 * tested without drawing). Only types come from echarts here: the library itself is loaded with
 * the charts, not with the dashboard.
 */
import type { BarSeriesOption, HeatmapSeriesOption } from "echarts/charts";
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";

import type { Consensus, Sentiment, SentimentLabel } from "./consensus";

export type HeatmapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption>;
export type SentimentOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export const SENTIMENT_COLORS: Record<SentimentLabel, string> = {
  positive: "#1d8a4a",
  negative: "#c0362c",
  neutral: "#8a93a6",
  mixed: "#c47a00",
};

/** The similarity of two answers with two decimals. */
export function formatSimilarity(value: number): string {
  return value.toFixed(2);
}

/** What the heatmap says in words (the accessible name of its box, which `ConsensusCharts` gives
 * instead of echarts' own aria labels); the table beside it has every value. */
export function heatmapDescription(consensus: Consensus): string {
  const { labels } = consensus.agreement;
  return `Heatmap of how similar the answers of ${labels.join(", ")} are to each other, from 0 (unlike) to 1 (the same). Every value is in the table "Similarity of the answers".`;
}

/** One line per cell for the tooltip: "fast and smart: 0.40". */
export function similarityTooltip(labels: string[], x: number, y: number, value: number): string {
  return `${labels[y] ?? "?"} and ${labels[x] ?? "?"}: ${formatSimilarity(value)}`;
}

function cellOf(params: unknown): [number, number, number] | undefined {
  const value = (params as { value?: unknown }).value;
  return Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === "number")
    ? (value as [number, number, number])
    : undefined;
}

/** The pairwise similarity matrix as a heatmap: participants' labels on both axes (the first at
 * the top left), a cell per pair with its value written in it and in a tooltip. */
export function heatmapOption(consensus: Consensus): HeatmapOption {
  const { labels, similarity } = consensus.agreement;
  const data = similarity.flatMap((row, y) => row.map((value, x) => [x, y, value] as [number, number, number]));
  return {
    animation: false,
    tooltip: {
      trigger: "item",
      formatter: (params) => {
        const cell = cellOf(params);
        return cell ? similarityTooltip(labels, ...cell) : "";
      },
    },
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: "category", data: labels, splitArea: { show: true }, axisLabel: { interval: 0 } },
    yAxis: { type: "category", data: labels, inverse: true, splitArea: { show: true }, axisLabel: { interval: 0 } },
    visualMap: {
      min: 0,
      max: 1,
      calculable: false,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      itemHeight: 120,
      text: ["1 same", "0 unlike"],
      inRange: { color: ["#f4f6fc", "#b7c6f5", "#6f8ce8"] },
    },
    series: [
      {
        name: "Similarity",
        type: "heatmap",
        data,
        label: {
          show: true,
          // Dark text on the whole scale (its darkest blue still gives a contrast above 4.5).
          color: "#1b2130",
          formatter: (params) => {
            const cell = cellOf(params);
            return cell ? formatSimilarity(cell[2]) : "";
          },
        },
        emphasis: { itemStyle: { borderColor: "#1b2130", borderWidth: 1 } },
      },
    ],
  };
}

/** The participants that have a sentiment, with it. */
export function sentiments(consensus: Consensus): { participant: string; sentiment: Sentiment }[] {
  return consensus.participants.flatMap((p) => (p.sentiment ? [{ participant: p.label, sentiment: p.sentiment }] : []));
}

/** The sentiment chart in words (its accessible name): "fast: positive (0.6); smart: ...". */
export function sentimentDescription(consensus: Consensus): string {
  const rows = sentiments(consensus);
  const parts = rows.map(({ participant, sentiment }) => `${participant}: ${sentiment.label} (${formatScore(sentiment.score)})`);
  return `Sentiment score of each answer. ${parts.join("; ")}.`;
}

export function formatScore(score: number): string {
  return String(Number(score.toFixed(2)));
}

/** One bar per answer: its sentiment score, colored and labelled by the sentiment. */
export function sentimentOption(consensus: Consensus): SentimentOption {
  const rows = sentiments(consensus);
  return {
    animation: false,
    tooltip: {
      trigger: "item",
      formatter: (params) => {
        const row = rows[(params as { dataIndex: number }).dataIndex];
        return row ? `${row.participant}: ${row.sentiment.label} (${formatScore(row.sentiment.score)})` : "";
      },
    },
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: rows.map((r) => r.participant), axisLabel: { interval: 0 } },
    yAxis: { type: "value", name: "score" },
    series: [
      {
        name: "Sentiment",
        type: "bar",
        barMaxWidth: 36,
        data: rows.map((r) => ({ value: r.sentiment.score, itemStyle: { color: SENTIMENT_COLORS[r.sentiment.label] } })),
        label: {
          show: true,
          position: "top",
          formatter: (params) => rows[params.dataIndex]?.sentiment.label ?? "",
        },
      },
    ],
  };
}
