import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { api, ApiError } from "../api/client";
import { makeSummary } from "../test/fixtures";
import { renderAt } from "../test/render";
import { TasksPage } from "./TasksPage";

describe("TasksPage", () => {
  it("lists tasks with status, steps, tokens and duration", async () => {
    vi.spyOn(api, "listTasks").mockResolvedValue({
      items: [makeSummary(), makeSummary({ id: "t2", description: "Still going", status: "running", steps_completed: 1, duration_ms: null })],
      total: 2,
      limit: 20,
      offset: 0,
    });
    renderAt("/tasks", "/tasks", <TasksPage />);
    const link = await screen.findByRole("link", { name: "Compute the average of 3, 5 and 10" });
    expect(link).toHaveAttribute("href", "/tasks/t1aaaaaaaaaaaaaaaa");
    const row = screen.getByText("Still going").closest("tr")!;
    expect(within(row).getByText("running")).toBeInTheDocument();
    expect(within(row).getByText("1/2")).toBeInTheDocument();
    expect(screen.getByText("1.00 s")).toBeInTheDocument();
    expect(screen.getAllByText("30")).toHaveLength(2);
  });

  it("filters by status through the API and keeps it in the URL", async () => {
    const list = vi.spyOn(api, "listTasks").mockResolvedValue({ items: [makeSummary()], total: 1, limit: 20, offset: 0 });
    renderAt("/tasks", "/tasks", <TasksPage />);
    await screen.findByText("Compute the average of 3, 5 and 10");
    await userEvent.selectOptions(screen.getByLabelText("Status"), "failed");
    await waitFor(() => expect(list).toHaveBeenLastCalledWith({ status: "failed", limit: 20, offset: 0 }, expect.anything()));
    expect(screen.getByTestId("location")).toHaveTextContent("/tasks?status=failed");
  });

  it("searches descriptions among the newest tasks", async () => {
    vi.spyOn(api, "listTasks").mockResolvedValue({
      items: [makeSummary(), makeSummary({ id: "t2", description: "Summarize remote work" })],
      total: 2,
      limit: 200,
      offset: 0,
    });
    renderAt("/tasks?q=remote", "/tasks", <TasksPage />);
    expect(await screen.findByText("Summarize remote work")).toBeInTheDocument();
    expect(screen.queryByText("Compute the average of 3, 5 and 10")).not.toBeInTheDocument();
  });

  it("pages through older tasks", async () => {
    const list = vi.spyOn(api, "listTasks").mockResolvedValue({ items: [makeSummary()], total: 45, limit: 20, offset: 0 });
    renderAt("/tasks", "/tasks", <TasksPage />);
    expect(await screen.findByText("1–20 of 45")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Older →" }));
    await waitFor(() => expect(list).toHaveBeenLastCalledWith({ status: undefined, limit: 20, offset: 20 }, expect.anything()));
  });

  it("shows an empty state with the way to start", async () => {
    vi.spyOn(api, "listTasks").mockResolvedValue({ items: [], total: 0, limit: 20, offset: 0 });
    renderAt("/tasks", "/tasks", <TasksPage />);
    expect(await screen.findByText("No tasks yet.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "start a task" })).toBeInTheDocument();
  });

  it("shows an error with a retry", async () => {
    const list = vi
      .spyOn(api, "listTasks")
      .mockRejectedValueOnce(new ApiError(0, "network", "Cannot reach the orchestrator."))
      .mockResolvedValue({ items: [makeSummary()], total: 1, limit: 20, offset: 0 });
    renderAt("/tasks", "/tasks", <TasksPage />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Cannot reach the orchestrator.");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Compute the average of 3, 5 and 10")).toBeInTheDocument();
    expect(list).toHaveBeenCalledTimes(2);
  });
});
