import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";

import { StepCard } from "../task/StepCard";
import { Timeline } from "../task/Timeline";
import { makeEvent, makeStep, makeSummary } from "../test/fixtures";
import { DataView } from "./DataView";
import { Markdown } from "./Markdown";
import { TaskTable } from "./TaskTable";

describe("Markdown", () => {
  it("renders GitHub tables and does not render raw HTML", () => {
    render(<Markdown text={"| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script><b>x</b>"} />);
    expect(screen.getByRole("table")).toBeInTheDocument();
    expect(screen.getByRole("cell", { name: "2" })).toBeInTheDocument();
    expect(document.querySelector("script")).toBeNull();
    expect(document.querySelector("b")).toBeNull();
  });
});

describe("DataView", () => {
  it("shows an object as field/value rows and a list of records as a table", () => {
    render(<DataView value={{ mean: 6, values: [3, 5, 10], rows: [{ region: "north", total: 3 }, { region: "south", total: 4.5 }] }} />);
    expect(screen.getByRole("rowheader", { name: "mean" })).toBeInTheDocument();
    expect(screen.getByText("3, 5, 10")).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: "region" })).toBeInTheDocument();
    expect(screen.getByRole("cell", { name: "4.5" })).toBeInTheDocument();
  });

  it("says when there is nothing", () => {
    render(<DataView value={{}} />);
    expect(screen.getByText("empty")).toBeInTheDocument();
  });
});

describe("Timeline", () => {
  it("draws a bar per started step and marks retries", () => {
    const steps = [
      makeStep({ id: "s1", started_at: "2026-01-01T10:00:00.000Z", finished_at: "2026-01-01T10:00:01.000Z", attempts: 2 }),
      makeStep({ id: "s2", status: "pending", started_at: null, finished_at: null }),
    ];
    const events = [
      { ...makeEvent("step.attempt", "s1", { attempt: 1 }), created_at: "2026-01-01T10:00:00.000Z" },
      { ...makeEvent("step.attempt", "s1", { attempt: 2 }), created_at: "2026-01-01T10:00:00.500Z" },
    ];
    render(<Timeline steps={steps} events={events} taskStartedAt="2026-01-01T10:00:00.000Z" now={0} />);
    const rows = within(screen.getByRole("list", { name: "Step timeline" })).getAllByRole("listitem");
    expect(rows[0]).toHaveAccessibleName(/s1 completed, started 0 ms in, took 1.00 s, 2 attempts/);
    expect(rows[0]!.querySelectorAll(".timeline-retry")).toHaveLength(1);
    expect(rows[1]).toHaveTextContent("pending");
  });

  it("tells a reply to the agent's question from a retry", () => {
    const steps = [makeStep({ id: "s1", started_at: "2026-01-01T10:00:00.000Z", finished_at: "2026-01-01T10:00:02.000Z", attempts: 2 })];
    const events = [
      { ...makeEvent("step.attempt", "s1", { attempt: 1 }), created_at: "2026-01-01T10:00:00.000Z" },
      { ...makeEvent("step.input_required", "s1"), created_at: "2026-01-01T10:00:00.100Z" },
      { ...makeEvent("step.replied", "s1"), created_at: "2026-01-01T10:00:01.000Z" },
      { ...makeEvent("step.attempt", "s1", { attempt: 2 }), created_at: "2026-01-01T10:00:01.000Z" },
    ];
    render(<Timeline steps={steps} events={events} taskStartedAt="2026-01-01T10:00:00.000Z" now={0} />);
    const [row] = within(screen.getByRole("list", { name: "Step timeline" })).getAllByRole("listitem");
    expect(row!.querySelectorAll(".timeline-retry")).toHaveLength(0);
    expect(row!.querySelectorAll(".timeline-reply")).toHaveLength(1);
    expect(row).not.toHaveTextContent("×");
    expect(row).toHaveTextContent("↩1");
  });

  it("waits for the first step", () => {
    render(<Timeline steps={[makeStep({ started_at: null })]} events={[]} taskStartedAt={null} now={0} />);
    expect(screen.getByText("No step has started yet.")).toBeInTheDocument();
  });
});

describe("StepCard", () => {
  it("shows agent, instance, input, output, data and tokens", () => {
    const events = [makeEvent("step.attempt", "s1", { attempt: 1, instance: "i1234567890", url: "http://127.0.0.1:8002/" })];
    render(<StepCard step={makeStep()} events={events} selected />);
    expect(screen.getByText("http://127.0.0.1:8002/")).toBeInTheDocument();
    expect(screen.getByText("i1234567")).toBeInTheDocument();
    expect(screen.getByText("Compute the average of 3, 5 and 10.")).toBeInTheDocument();
    expect(screen.getByText("Mean (average): 6")).toBeInTheDocument();
    expect(screen.getByText("12 in · 34 out")).toBeInTheDocument();
    expect(screen.getByText("Data (2 fields)")).toBeInTheDocument();
  });

  it("folds the agent's progress and the model's reasoning, open on demand", async () => {
    const step = makeStep({
      progress: ["Gathering sources", "Writing the answer"],
      reasoning: "The moon pulls the sea.",
    });
    render(<StepCard step={step} events={[]} selected />);
    const progress = screen.getByText("Progress (2 messages from the agent)").closest("details")!;
    const reasoning = screen.getByText(/^Reasoning/).closest("details")!;
    expect(progress).not.toHaveAttribute("open");
    expect(reasoning).not.toHaveAttribute("open");
    await userEvent.click(screen.getByText(/^Reasoning/));
    expect(reasoning).toHaveAttribute("open");
    expect(screen.getByText("The moon pulls the sea.")).toBeVisible();
    expect(within(progress).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Gathering sources",
      "Writing the answer",
    ]);
  });

  it("has no reasoning or progress section when the agent sent none", () => {
    render(<StepCard step={makeStep({ progress: [], reasoning: null })} events={[]} selected />);
    expect(screen.queryByText(/^Progress/)).not.toBeInTheDocument();
    expect(screen.queryByText(/^Reasoning/)).not.toBeInTheDocument();
  });

  it("shows why a step was skipped", () => {
    const events = [makeEvent("step.skipped", "s1", { status: "skipped", reason: "its condition is false: steps.s0.data.mean > 10" })];
    const step = makeStep({ status: "skipped", output: null, output_data: null, attempts: 0 });
    render(<StepCard step={step} events={events} selected />);
    expect(screen.getByText("skipped")).toHaveAttribute("data-status", "skipped");
    expect(screen.getByText("Skipped: its condition is false: steps.s0.data.mean > 10.")).toBeInTheDocument();
  });

  it("shows the error of a failed step", () => {
    render(<StepCard step={makeStep({ status: "failed", error: "no healthy instance", output: null })} events={[]} selected />);
    expect(screen.getByRole("alert")).toHaveTextContent("no healthy instance");
  });
});

describe("TaskTable", () => {
  it("clips a long error to a few lines and keeps all of it in the tooltip", () => {
    const error = `could not read '${Array.from({ length: 3000 }, (_, i) => i).join(",")}'`;
    render(
      <MemoryRouter>
        <TaskTable tasks={[makeSummary({ status: "failed", error })]} />
      </MemoryRouter>,
    );
    const shown = screen.getByText(error);
    expect(shown).toHaveClass("task-error");
    expect(shown).toHaveAttribute("title", error);
  });
});
