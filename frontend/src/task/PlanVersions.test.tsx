import { act, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { api } from "../api/client";
import { TaskPage } from "../pages/TaskPage";
import { FakeEventServer, makeEvent, makeStep, makeTask } from "../test/fixtures";
import { renderAt } from "../test/render";

const VERSIONS = {
  items: [
    {
      version: 1,
      planner: "user",
      reason: "the plan was given with the task",
      plan: { steps: [{ id: "s1" }] },
      created_at: "2026-01-01T10:00:00.000Z",
    },
    {
      version: 2,
      planner: "offline",
      reason: "Step s1 (statistics, Compute) failed: 3 attempts failed",
      plan: { steps: [{ id: "r1-s1" }] },
      created_at: "2026-01-01T10:00:05.000Z",
    },
  ],
};

describe("PlanVersions", () => {
  let server: FakeEventServer;
  beforeEach(() => {
    server = new FakeEventServer();
    vi.stubGlobal("fetch", server.fetch);
    vi.spyOn(api, "waitTask").mockImplementation(() => new Promise(() => {}));
    return () => vi.unstubAllGlobals();
  });

  it("lists the plan's versions with their reasons once the task was replanned", async () => {
    const steps = [
      makeStep({ status: "failed" }),
      makeStep({ id: "r1-s1", status: "running", finished_at: null, duration_ms: null, output: null }),
    ];
    const running = makeTask({ status: "running", result: null, finished_at: null, duration_ms: null, steps });
    vi.spyOn(api, "getTask").mockResolvedValue(running);
    const read = vi.spyOn(api, "getPlanVersions").mockResolvedValue(VERSIONS);
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    await waitFor(() => expect(server.streams).toHaveLength(1));
    await waitFor(() => expect(document.querySelector(".stream-open")).toBeInTheDocument());
    expect(screen.queryByRole("heading", { name: "Plan versions" })).not.toBeInTheDocument();
    await act(async () => {
      server.streams[0]!.emit(makeEvent("task.replanned", null, { version: 2, reason: VERSIONS.items[1]!.reason }));
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(await screen.findByRole("heading", { name: "Plan versions" })).toBeInTheDocument();
    expect(await screen.findByText("Version 2")).toBeInTheDocument();
    expect(screen.getByText("Version 1")).toBeInTheDocument();
    expect(screen.getByText(/Step s1 \(statistics, Compute\) failed/)).toBeInTheDocument();
    expect(read).toHaveBeenCalledWith(running.id, expect.anything());
  });

  it("shows nothing, and asks nothing, for a task that kept its first plan", async () => {
    vi.spyOn(api, "getTask").mockResolvedValue(makeTask());
    const read = vi.spyOn(api, "getPlanVersions").mockResolvedValue({ items: [] });
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    expect(await screen.findByRole("heading", { name: "Plan" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Plan versions" })).not.toBeInTheDocument();
    expect(read).not.toHaveBeenCalled();
  });
});
