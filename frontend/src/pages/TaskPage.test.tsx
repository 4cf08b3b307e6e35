import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { api, ApiError } from "../api/client";
import type { TaskPublic } from "../api/types";
import { FakeEventServer, makeConsensusTask, makeEvent, makeStep, makeTask } from "../test/fixtures";
import { renderAt } from "../test/render";
import { TaskPage } from "./TaskPage";

describe("TaskPage", () => {
  let server: FakeEventServer;
  beforeEach(() => {
    server = new FakeEventServer();
    vi.stubGlobal("fetch", server.fetch);
    // Waits for a change answer only when a test says so.
    vi.spyOn(api, "waitTask").mockImplementation(() => new Promise(() => {}));
    return () => vi.unstubAllGlobals();
  });

  it("shows the plan, timeline, steps and result of a finished task", async () => {
    vi.spyOn(api, "getTask").mockResolvedValue(makeTask());
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("Compute the average of 3, 5 and 10");
    expect(screen.getByRole("group", { name: "Plan graph" })).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Step timeline" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Report", level: 4 })).toBeInTheDocument();
    // React Flow hides nodes from the accessibility tree until it has measured them (never, in jsdom).
    expect(document.querySelector('.graph-node[data-step="s2"]')).toHaveAttribute("data-status", "completed");
    expect(screen.queryByRole("button", { name: "Cancel task" })).not.toBeInTheDocument();
  });

  it("follows the event stream of a running task and updates states", async () => {
    const running = makeTask({
      status: "running",
      finished_at: null,
      duration_ms: null,
      result: null,
      steps: [makeStep({ status: "running", finished_at: null, duration_ms: null, output: null, output_data: null })],
    });
    vi.spyOn(api, "getTask").mockResolvedValue(running);
    let changed: (value: { task: TaskPublic; etag: string }) => void = () => {};
    const waitTask = vi
      .spyOn(api, "waitTask")
      .mockResolvedValueOnce({ task: running, etag: '"v1"' })
      .mockImplementationOnce(() => new Promise((resolve) => (changed = resolve)));
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    await screen.findByRole("button", { name: "Cancel task" });
    await waitFor(() => expect(server.streams).toHaveLength(1));
    const source = server.streams[0]!;
    expect(source.url).toBe("/api/tasks/t1/events");
    await waitFor(() => expect(document.querySelector(".stream-open")).toBeInTheDocument());
    // The second read waits for a change of the copy it has (its ETag).
    await waitFor(() => expect(waitTask).toHaveBeenCalledTimes(2));
    expect(waitTask).toHaveBeenLastCalledWith("t1", '"v1"', 30, expect.anything());
    await act(async () => {
      source.emit(makeEvent("step.completed", "s1", { status: "completed" }));
      source.emit(makeEvent("task.completed", null, { status: "completed" }));
      changed({ task: makeTask({ steps: [makeStep()] }), etag: '"v2"' });
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(source.ended).toBe(true);
    await waitFor(() => expect(screen.getByRole("heading", { name: "Report", level: 4 })).toBeInTheDocument());
    expect(screen.queryByRole("button", { name: "Cancel task" })).not.toBeInTheDocument();
    expect(waitTask).toHaveBeenCalledTimes(2); // the task ended: no more reads
  });

  it("cancels a running task", async () => {
    vi.spyOn(api, "getTask").mockResolvedValue(makeTask({ status: "running", result: null, finished_at: null }));
    const cancel = vi.spyOn(api, "cancelTask").mockResolvedValue(makeTask({ status: "canceled", error: "canceled by the user", result: null }));
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Cancel task" }));
    expect(cancel).toHaveBeenCalledWith("t1aaaaaaaaaaaaaaaa");
    expect(await screen.findByText("canceled by the user")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel task" })).not.toBeInTheDocument();
  });

  it("deletes a task after a confirmation, then shows the list", async () => {
    vi.spyOn(api, "getTask").mockResolvedValue(makeTask());
    const remove = vi.spyOn(api, "deleteTask").mockResolvedValue(undefined);
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Delete task…" }));
    await userEvent.click(screen.getByRole("button", { name: "Keep" }));
    expect(remove).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Delete task…" }));
    await userEvent.click(screen.getByRole("button", { name: "Delete task" }));
    expect(remove).toHaveBeenCalledWith("t1aaaaaaaaaaaaaaaa");
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/tasks"));
  });

  it("says why a task could not be deleted, and keeps it", async () => {
    vi.spyOn(api, "getTask").mockResolvedValue(makeTask());
    vi.spyOn(api, "deleteTask").mockRejectedValue(new ApiError(409, "task_still_running", "Task t1 is still stopping."));
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Delete task…" }));
    await userEvent.click(screen.getByRole("button", { name: "Delete task" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not delete: Task t1 is still stopping.");
    expect(screen.getByTestId("location")).toHaveTextContent("/tasks/t1");
  });

  it("approves a plan awaiting approval, with a comment", async () => {
    const waiting = makeTask({ status: "awaiting_approval", result: null, finished_at: null, steps: [makeStep({ status: "pending", output: null, output_data: null })] });
    vi.spyOn(api, "getTask").mockResolvedValue(waiting);
    const approve = vi.spyOn(api, "approvePlan").mockResolvedValue(makeTask({ status: "running", result: null, finished_at: null }));
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    expect(await screen.findByRole("heading", { name: "This plan waits for your approval" })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Comment (optional)"), "looks right");
    await userEvent.click(screen.getByRole("button", { name: "Approve plan" }));
    expect(approve).toHaveBeenCalledWith("t1aaaaaaaaaaaaaaaa", "looks right");
    await waitFor(() => expect(screen.queryByRole("heading", { name: "This plan waits for your approval" })).not.toBeInTheDocument());
  });

  it("edits a plan awaiting approval as JSON, and shows why the server refused it", async () => {
    const waiting = makeTask({ status: "awaiting_approval", result: null, finished_at: null });
    vi.spyOn(api, "getTask").mockResolvedValue(waiting);
    const replace = vi
      .spyOn(api, "replacePlan")
      .mockRejectedValueOnce(new ApiError(422, "invalid_plan", "The plan is invalid.", { errors: ["step s1: unknown capability 'x'"] }));
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Edit plan…" }));
    const editor = screen.getByLabelText(/The plan/);
    expect(JSON.parse((editor as HTMLTextAreaElement).value).steps[0].id).toBe(waiting.steps[0]!.id);
    await userEvent.clear(editor);
    await userEvent.type(editor, "not json");
    await userEvent.click(screen.getByRole("button", { name: "Save plan" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The plan is not JSON");
    expect(replace).not.toHaveBeenCalled();
    await userEvent.clear(editor);
    await userEvent.paste('{"steps": [{"id": "s1", "title": "t", "instruction": "i", "capability": "x"}]}');
    await userEvent.click(screen.getByRole("button", { name: "Save plan" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("step s1: unknown capability 'x'");
  });

  it("says so when the task does not exist", async () => {
    vi.spyOn(api, "getTask").mockRejectedValue(new ApiError(404, "task_not_found", "No task nope."));
    renderAt("/tasks/nope", "/tasks/:taskId", <TaskPage />);
    expect(await screen.findByText("There is no such task.")).toBeInTheDocument();
  });

  it("shows a failed step's reason", async () => {
    const failed = makeStep({ status: "failed", error: "agent timed out after 120 s", output: null, output_data: null });
    vi.spyOn(api, "getTask").mockResolvedValue(makeTask({ status: "failed", error: "step s1 failed", steps: [failed], result: null }));
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    expect(await screen.findByText("step s1 failed")).toBeInTheDocument();
    expect(screen.getByText("agent timed out after 120 s")).toBeInTheDocument();
  });

  it("shows a workflow run with its skipped steps", async () => {
    const steps = [
      makeStep(),
      makeStep({ id: "s2", title: "Double it", status: "skipped", depends_on: ["s1"], output: null, output_data: null, attempts: 0 }),
    ];
    vi.spyOn(api, "getTask").mockResolvedValue(
      makeTask({ planner: "workflow", workflow_id: "w1bbbbbbbbbbbbbbbb", workflow_version: 3, steps, steps_completed: 1 }),
    );
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    expect(await screen.findByText("1/2 completed, 1 skipped")).toBeInTheDocument();
    expect(screen.getByText(/version 3/)).toBeInTheDocument();
    expect(document.querySelector('.graph-node[data-step="s2"]')).toHaveAttribute("data-status", "skipped");
  });

  it("shows a consensus step's consensus view, and its participants as one node of the graph", async () => {
    vi.spyOn(api, "getTask").mockResolvedValue(makeConsensusTask());
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    // The view is loaded lazily: the first import of its module can take a while on a busy machine.
    const view = await screen.findByRole("region", { name: "Consensus of step s2" }, { timeout: 10_000 });
    // The consensus step's card starts open, with the view in it.
    expect(view.closest("details")).toHaveAttribute("data-step", "s2");
    expect(view.closest("details")).toHaveAttribute("open");
    expect(within(view).getAllByRole("listitem")).toHaveLength(4);
    const group = document.querySelector<HTMLButtonElement>('.graph-node[data-step="s2@participants"]')!;
    expect(group).toHaveAttribute("aria-label", "Participants of consensus step s2: fast completed, smart completed, local completed, large failed");
    expect(document.querySelector('.graph-node[data-step="s2@fast"]')).toBeNull();
    // The participants are still steps of their own in the list.
    expect(document.querySelector('details[data-step="s2@large"]')).toBeInTheDocument();
    // React Flow keeps unmeasured nodes from the pointer in jsdom: click the button directly.
    fireEvent.click(group);
    expect(document.querySelector('.graph-node[data-step="s2"]')).toHaveAttribute("aria-pressed", "true");
  }, 20_000);
});
