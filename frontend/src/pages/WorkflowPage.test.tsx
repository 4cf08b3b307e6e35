import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { api, ApiError } from "../api/client";
import { makeSummary, makeVersion, makeWorkflow } from "../test/fixtures";
import { renderAt } from "../test/render";
import { WorkflowPage } from "./WorkflowPage";

function show() {
  return renderAt("/workflows/w1", "/workflows/:workflowId", <WorkflowPage />);
}

describe("WorkflowPage", () => {
  beforeEach(() => {
    vi.spyOn(api, "getWorkflow").mockResolvedValue(makeWorkflow());
    vi.spyOn(api, "listWorkflowVersions").mockResolvedValue({
      items: [makeVersion(2, { description: "Doubled when large." }), makeVersion(1)],
      total: 2,
      limit: 200,
      offset: 0,
    });
    vi.spyOn(api, "listWorkflowRuns").mockResolvedValue({
      items: [makeSummary({ id: "run1", description: "Numbers report", workflow_id: "w1", workflow_version: 2 })],
      total: 1,
      limit: 20,
      offset: 0,
    });
    vi.spyOn(api, "listSchedules").mockResolvedValue({ items: [] });
    vi.spyOn(api, "getHook").mockResolvedValue(null);
  });

  it("has its schedules and its webhook", async () => {
    show();
    const schedules = await screen.findByRole("region", { name: "Schedules" });
    expect(await within(schedules).findByText(/No schedules/)).toBeInTheDocument();
    expect(within(schedules).getByRole("form", { name: "New schedule" })).toBeInTheDocument();
    const webhook = screen.getByRole("region", { name: "Webhook" });
    expect(await within(webhook).findByText(/No webhook/)).toBeInTheDocument();
    expect(within(webhook).getByRole("button", { name: "Make webhook" })).toBeInTheDocument();
  });

  it("says what a failed step does to a run: fail it, or be replanned when the workflow says so", async () => {
    const { unmount } = show();
    expect(await screen.findByTestId("replan-note")).toHaveTextContent("fails the run");
    unmount();
    vi.mocked(api.getWorkflow).mockResolvedValue(makeWorkflow({ replan: true }));
    show();
    expect(await screen.findByTestId("replan-note")).toHaveTextContent("planned again");
  });

  it("shows the description, the inputs and the steps as the plan graph", async () => {
    show();
    expect(await screen.findByRole("heading", { level: 1, name: "Numbers report" })).toBeInTheDocument();
    expect(screen.getByText("The mean of some numbers, doubled when it is large.")).toBeInTheDocument();
    const inputs = screen.getByRole("region", { name: "Inputs" });
    const numbers = within(inputs).getByText("numbers").closest("tr")!;
    expect(numbers).toHaveTextContent("list of number");
    expect(numbers).toHaveTextContent("yes");
    expect(numbers).toHaveTextContent("The numbers to average.");
    expect(within(inputs).getByText("threshold").closest("tr")).toHaveTextContent("10");
    expect(within(inputs).getByText("unit").closest("tr")).toHaveTextContent("one of m, km");
    // The task page's graph, with no state before a run and the condition noted.
    expect(screen.getByRole("group", { name: "Plan graph" })).toBeInTheDocument();
    const node = document.querySelector('.graph-node[data-step="s2"]')!;
    expect(node).toHaveClass("status-planned");
    expect(node).toHaveTextContent("calculation · if …");
    expect(screen.getByText("steps.s2.data.result")).toBeInTheDocument();
  });

  it("shows a step's definition when its node is picked", async () => {
    show();
    await screen.findByRole("group", { name: "Plan graph" });
    // React Flow's pane takes pointer events in jsdom (it never measures the nodes): click the node itself.
    fireEvent.click(document.querySelector<HTMLButtonElement>('.graph-node[data-step="s2"]')!);
    expect(screen.getByText("Compute {{ steps.s1.data.mean }} * 2")).toBeInTheDocument();
    expect(screen.getByText("steps.s1.data.mean > inputs.threshold")).toBeInTheDocument();
  });

  it("compares two versions' definitions", async () => {
    show();
    const diff = await screen.findByLabelText("Differences from version 1 to version 2");
    expect(diff.querySelector(".diff-removed")).toHaveTextContent("description: The mean of some numbers, doubled when it is large.");
    expect(diff.querySelector(".diff-added")).toHaveTextContent("description: Doubled when large.");
    expect(screen.getByText("2 lines differ.")).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText("From version"), "2");
    expect(screen.getByText("The same version.")).toBeInTheDocument();
    expect(screen.getByLabelText("Differences from version 2 to version 2").querySelector(".diff-added")).toBeNull();
  });

  it("lists its runs, linked to their task pages", async () => {
    show();
    const runs = await screen.findByRole("region", { name: "Runs" });
    const link = await within(runs).findByRole("link", { name: /^Run run1, started/ });
    expect(link).toHaveAttribute("href", "/tasks/run1");
    const row = link.closest("tr")!;
    expect(within(row).getByText("completed")).toBeInTheDocument();
    // The version it ran.
    expect(row.querySelector('[data-label="Version"]')).toHaveTextContent("2");
    expect(api.listWorkflowRuns).toHaveBeenCalledWith("w1bbbbbbbbbbbbbbbb", { limit: 20, offset: 0 }, expect.anything());
  });

  it("deletes the workflow after a confirmation", async () => {
    const remove = vi.spyOn(api, "deleteWorkflow").mockResolvedValue();
    show();
    await userEvent.click(await screen.findByRole("button", { name: "Delete Numbers report…" }));
    expect(remove).not.toHaveBeenCalled();
    expect(screen.getByText(/Its runs stay readable as tasks./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Delete Numbers report" }));
    expect(remove).toHaveBeenCalledWith("w1bbbbbbbbbbbbbbbb");
    expect(await screen.findByText("elsewhere")).toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent("/workflows");
  });

  it("says when there is no such workflow", async () => {
    vi.spyOn(api, "getWorkflow").mockRejectedValue(new ApiError(404, "not_found", "No such workflow."));
    show();
    expect(await screen.findByText("There is no such workflow.")).toBeInTheDocument();
  });
});
