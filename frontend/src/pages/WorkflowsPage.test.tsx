import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { api, ApiError } from "../api/client";
import { makeWorkflow } from "../test/fixtures";
import { renderAt } from "../test/render";
import { WorkflowsPage } from "./WorkflowsPage";

describe("WorkflowsPage", () => {
  it("lists workflows with description, version, update and number of runs", async () => {
    vi.spyOn(api, "listWorkflows").mockResolvedValue({
      items: [makeWorkflow({ runs: 7 }), makeWorkflow({ id: "w2", name: "Content analysis", description: "Tone", version: 1, runs: 0 })],
      total: 2,
      limit: 20,
      offset: 0,
    });
    const listRuns = vi.spyOn(api, "listWorkflowRuns");
    renderAt("/workflows", "/workflows", <WorkflowsPage />);
    const link = await screen.findByRole("link", { name: "Numbers report" });
    expect(link).toHaveAttribute("href", "/workflows/w1bbbbbbbbbbbbbbbb");
    const row = link.closest("tr")!;
    expect(within(row).getByText("The mean of some numbers, doubled when it is large.")).toBeInTheDocument();
    expect(within(row).getByText("2")).toBeInTheDocument();
    expect(within(row).getByText("7")).toBeInTheDocument();
    const other = screen.getByRole("link", { name: "Content analysis" }).closest("tr")!;
    expect(within(other).getByText("0")).toBeInTheDocument();
    // The counts come with the list: no request per workflow.
    expect(listRuns).not.toHaveBeenCalled();
  });

  it("pages through older workflows, keeping the page in the URL", async () => {
    const list = vi.spyOn(api, "listWorkflows").mockResolvedValue({ items: [makeWorkflow()], total: 45, limit: 20, offset: 0 });
    renderAt("/workflows", "/workflows", <WorkflowsPage />);
    expect(await screen.findByText("1–20 of 45")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Older →" }));
    await waitFor(() => expect(list).toHaveBeenLastCalledWith({ limit: 20, offset: 20 }, expect.anything()));
    expect(screen.getByTestId("location")).toHaveTextContent("/workflows?offset=20");
  });

  it("shows an empty state with the ways to make one", async () => {
    vi.spyOn(api, "listWorkflows").mockResolvedValue({ items: [], total: 0, limit: 20, offset: 0 });
    renderAt("/workflows", "/workflows", <WorkflowsPage />);
    expect(await screen.findByText("No workflows yet.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Write one" })).toHaveAttribute("href", "/workflows/new");
    expect(screen.getByText("orchestra workflows apply FILE")).toBeInTheDocument();
  });

  it("shows an error with a retry", async () => {
    const list = vi
      .spyOn(api, "listWorkflows")
      .mockRejectedValueOnce(new ApiError(0, "network", "Cannot reach the orchestrator."))
      .mockResolvedValue({ items: [makeWorkflow()], total: 1, limit: 20, offset: 0 });
    renderAt("/workflows", "/workflows", <WorkflowsPage />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Cannot reach the orchestrator.");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("link", { name: "Numbers report" })).toBeInTheDocument();
    expect(list).toHaveBeenCalledTimes(2);
  });
});
