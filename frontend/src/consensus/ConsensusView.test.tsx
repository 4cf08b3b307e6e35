import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { makeConsensusData, makeTieData } from "../test/fixtures";
import { readConsensus } from "./consensus";
import { ConsensusView } from "./ConsensusView";

function show(data: Record<string, unknown>) {
  return render(<ConsensusView consensus={readConsensus(data)!} stepId="s2" />);
}

describe("ConsensusView", () => {
  it("shows the consensus answer, the aggregator, the agreement and the vote share", () => {
    show(makeConsensusData());
    const view = screen.getByRole("region", { name: "Consensus of step s2" });
    expect(view.querySelector(".consensus-answer")).toHaveTextContent("The mean is 6.");
    expect(within(view).getByText("vote")).toBeInTheDocument();
    expect(within(view).getByText(/the value most participants gave/)).toBeInTheDocument();
    expect(within(view).getByRole("meter", { name: "Agreement score" })).toHaveAttribute("value", "0.55");
    expect(within(view).getByText("55 %")).toBeInTheDocument();
    expect(within(view).getByText("67 %")).toBeInTheDocument();
    expect(within(view).getByText("3 of 4")).toBeInTheDocument();
  });

  it("shows the answers side by side, a failed participant with its error", () => {
    show(makeConsensusData());
    const cards = within(screen.getByRole("list", { name: "Answers side by side" })).getAllByRole("listitem");
    expect(cards.map((card) => card.getAttribute("data-participant"))).toEqual(["fast", "smart", "local", "large"]);
    const [fast, smart, , large] = cards as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(within(fast).getByRole("heading", { name: "fast" })).toBeInTheDocument();
    expect(within(fast).getByText(/model-fast/)).toBeInTheDocument();
    expect(within(fast).getByText("The answer of fast: the mean is 6.")).toBeInTheDocument();
    expect(within(fast).getByText("positive 0.6")).toHaveAttribute("data-sentiment", "positive");
    expect(within(smart).getByText("neutral 0")).toBeInTheDocument();
    expect(within(large).getByText("failed")).toHaveAttribute("data-status", "failed");
    expect(within(large).getByRole("note")).toHaveTextContent("Failed: agent timed out after 120 s");
    expect(within(large).getByText(/model not reported/)).toBeInTheDocument();
    expect(within(large).queryByText(/positive|neutral|negative/)).not.toBeInTheDocument();
  });

  it("has the similarity matrix as a table with the labels on both axes", () => {
    show(makeConsensusData());
    const table = screen.getByRole("table", { name: /Similarity of the answers/ });
    const columns = within(table).getAllByRole("columnheader").map((th) => th.textContent);
    const rows = within(table).getAllByRole("rowheader").map((th) => th.textContent);
    expect(columns).toEqual(["fast", "smart", "local"]);
    expect(rows).toEqual(["fast", "smart", "local"]);
    const smartRow = within(table).getAllByRole("row")[2]!;
    expect(within(smartRow).getAllByRole("cell").map((td) => td.textContent)).toEqual(["0.40", "1.00", "0.50"]);
  });

  it("loads the heatmap and the sentiment chart, each with a description", async () => {
    show(makeConsensusData());
    expect(await screen.findByRole("img", { name: /Heatmap of how similar the answers of fast, smart, local are/ }, { timeout: 10_000 })).toBeInTheDocument();
    expect(await screen.findByRole("img", { name: /fast: positive \(0.6\); smart: neutral \(0\)/ }, { timeout: 10_000 })).toBeInTheDocument();
    // The first import of echarts can take seconds on a busy machine.
  }, 20_000);

  it("says when a vote is tied, and that no value won", () => {
    show(makeTieData());
    expect(screen.getByRole("note", { name: "" }).textContent).toBe(
      "Tie: 6 (fast, local) and 7 (smart, large) got 2 votes each. No value won.",
    );
  });

  it("says nothing of a tie when one value won", () => {
    show(makeConsensusData());
    expect(screen.queryByText(/Tie:/)).not.toBeInTheDocument();
  });
});
