import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { makeConsensusData, makeStep } from "../test/fixtures";
import { StepCard } from "./StepCard";

describe("StepCard", () => {
  it("opens on the consensus view when a running consensus step completes", async () => {
    const running = makeStep({ id: "s2", kind: "consensus", agent: null, status: "running", output: null, output_data: null });
    const { rerender } = render(<StepCard step={running} events={[]} selected={false} />);
    const card = document.querySelector('details[data-step="s2"]')!;
    expect(card).not.toHaveAttribute("open");
    rerender(<StepCard step={{ ...running, status: "completed", output_data: makeConsensusData() }} events={[]} selected={false} />);
    expect(await screen.findByRole("region", { name: "Consensus of step s2" }, { timeout: 10_000 })).toBeInTheDocument();
    expect(card).toHaveAttribute("open");
    expect(card.querySelector("summary")).toHaveTextContent("orchestrator");
  }, 20_000);

  it("shows the answer as it is written while the step runs, and the output once it has one", () => {
    const running = makeStep({ id: "s1", status: "running", output: null, output_data: null });
    const { rerender } = render(<StepCard step={running} events={[]} selected liveText="Tides come" />);
    expect(screen.getByText("Output (being written)")).toBeInTheDocument();
    expect(screen.getByText("Tides come")).toBeInTheDocument();
    const done = { ...running, status: "completed" as const, output: "Tides come from the moon." };
    rerender(<StepCard step={done} events={[]} selected liveText="Tides come" />);
    expect(screen.queryByText("Output (being written)")).not.toBeInTheDocument();
    expect(screen.getByText("Tides come from the moon.")).toBeInTheDocument();
    rerender(<StepCard step={{ ...running, status: "failed" }} events={[]} selected liveText="Tides come" />);
    expect(screen.queryByText("Tides come")).not.toBeInTheDocument(); // its error says why
  });

  it("shows a step's cost and the model and profile that answered", () => {
    const priced = makeStep({ llm_profile: "smart", llm_model: "gpt-4o", cost_usd: 0.0042 });
    const { rerender } = render(<StepCard step={priced} events={[]} selected />);
    expect(screen.getByText("Cost").nextElementSibling).toHaveTextContent("$0.0042 gpt-4o (smart)");
    rerender(<StepCard step={{ ...priced, cost_usd: null }} events={[]} selected />);
    expect(screen.getByText("Cost").nextElementSibling).toHaveTextContent("unknown gpt-4o (smart)");
    rerender(<StepCard step={makeStep({ tokens_in: 0, tokens_out: 0 })} events={[]} selected />);
    expect(screen.queryByText("Cost")).not.toBeInTheDocument(); // no LLM used
  });
});
