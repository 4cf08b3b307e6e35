import { describe, expect, it } from "vitest";

import { makeConsensusData, makeTieData } from "../test/fixtures";
import { heatmapDescription, heatmapOption, SENTIMENT_COLORS, sentimentDescription, sentimentOption, similarityTooltip } from "./chartOptions";
import { readConsensus } from "./consensus";

const consensus = readConsensus(makeConsensusData())!;

type Formatter = (params: unknown) => string;

describe("heatmapOption", () => {
  const option = heatmapOption(consensus) as {
    xAxis: { data: string[] };
    yAxis: { data: string[]; inverse: boolean };
    series: { type: string; data: number[][]; label: { formatter: Formatter } }[];
    tooltip: { formatter: Formatter };
    visualMap: { min: number; max: number };
  };

  it("puts the participants' labels on both axes, the first at the top left", () => {
    expect(option.xAxis.data).toEqual(["fast", "smart", "local"]);
    expect(option.yAxis.data).toEqual(["fast", "smart", "local"]);
    expect(option.yAxis.inverse).toBe(true);
  });

  it("has a cell for each pair with its similarity, on a 0 to 1 scale", () => {
    const [series] = option.series;
    expect(series!.type).toBe("heatmap");
    expect(series!.data).toHaveLength(9);
    expect(series!.data).toContainEqual([1, 0, 0.4]);
    expect(series!.data).toContainEqual([0, 2, 0.7]);
    expect(option.visualMap).toMatchObject({ min: 0, max: 1 });
  });

  it("names both participants and the value on hover, and writes the value in the cell", () => {
    expect(option.tooltip.formatter({ value: [1, 0, 0.4] })).toBe("fast and smart: 0.40");
    expect(option.series[0]!.label.formatter({ value: [2, 1, 0.5] })).toBe("0.50");
    expect(similarityTooltip(["a", "b"], 0, 1, 0.123)).toBe("b and a: 0.12");
  });

  it("describes itself for screen readers", () => {
    expect(heatmapDescription(consensus)).toContain("answers of fast, smart, local");
  });
});

describe("sentimentOption", () => {
  it("has a bar per answer with a sentiment, colored by it", () => {
    const option = sentimentOption(readConsensus(makeTieData())!) as {
      xAxis: { data: string[] };
      series: { data: { value: number; itemStyle: { color: string } }[]; label: { formatter: Formatter } }[];
    };
    // local has no sentiment: no bar.
    expect(option.xAxis.data).toEqual(["fast", "smart", "large"]);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([0.6, -0.4, 0.1]);
    expect(option.series[0]!.data[1]!.itemStyle.color).toBe(SENTIMENT_COLORS.negative);
    expect(option.series[0]!.label.formatter({ dataIndex: 2 })).toBe("mixed");
  });

  it("says each answer's sentiment in words", () => {
    expect(sentimentDescription(consensus)).toBe("Sentiment score of each answer. fast: positive (0.6); smart: neutral (0); local: negative (-0.2).");
  });
});
