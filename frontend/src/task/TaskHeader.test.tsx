import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { makeTask } from "../test/fixtures";
import { renderAt } from "../test/render";
import { TaskHeader } from "./TaskHeader";

const USAGE = [
  { profile: "smart", model: "gpt-4o", tokens_in: 1000, tokens_out: 200, cost_usd: 0.0045 },
  { profile: "local", model: "llama3.1", tokens_in: 70, tokens_out: 7, cost_usd: null },
];

function show(overrides: Parameters<typeof makeTask>[0]) {
  const task = makeTask(overrides);
  return renderAt("/tasks/t1", "/tasks/:id", <TaskHeader task={task} stream="open" now={0} onCanceled={() => {}} onDeleted={() => {}} />);
}

describe("TaskHeader", () => {
  it("shows the task's cost and its usage by profile, saying when a part of it is unknown", () => {
    show({ usage: USAGE, cost_usd: 0.0045, cost_complete: false });
    expect(screen.getByText("Cost", { selector: "dt" }).nextElementSibling).toHaveTextContent("$0.0045 + unknown");
    const table = within(screen.getByRole("table", { name: "Usage by model profile" }));
    expect(table.getByRole("row", { name: /^smart gpt-4o 1,000 200 \$0.0045$/ })).toBeInTheDocument();
    expect(table.getByRole("row", { name: /^local llama3.1 70 7 unknown$/ })).toBeInTheDocument();
  });

  it("shows a complete cost as it is, and no table for a task that used no LLM", () => {
    const first = show({ usage: USAGE.slice(0, 1), cost_usd: 0.0045, cost_complete: true });
    expect(screen.getByText("Cost", { selector: "dt" }).nextElementSibling).toHaveTextContent(/^\$0.0045$/);
    first.unmount();
    show({ usage: [], cost_usd: 0, cost_complete: true });
    expect(screen.getByText("Cost", { selector: "dt" }).nextElementSibling).toHaveTextContent(/^\$0$/);
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });
});
