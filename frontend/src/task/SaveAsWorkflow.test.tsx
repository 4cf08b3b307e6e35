import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { api, ApiError } from "../api/client";
import { FakeEventServer, makeStep, makeTask, makeWorkflow } from "../test/fixtures";
import { renderAt } from "../test/render";
import { TaskPage } from "../pages/TaskPage";

describe("Save as workflow", () => {
  beforeEach(() => {
    vi.stubGlobal("fetch", new FakeEventServer().fetch);
    vi.spyOn(api, "waitTask").mockImplementation(() => new Promise(() => {}));
    return () => vi.unstubAllGlobals();
  });

  it("saves a finished task's plan under a name and opens the workflow", async () => {
    vi.spyOn(api, "getTask").mockResolvedValue(makeTask());
    const save = vi.spyOn(api, "saveTaskAsWorkflow").mockResolvedValue(makeWorkflow({ id: "wnew", version: 1 }));
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Save as workflow…" }));
    const form = screen.getByRole("form", { name: "Save as workflow" });
    const saveButton = within(form).getByRole("button", { name: "Save" });
    expect(saveButton).toBeDisabled(); // no name yet
    await userEvent.type(within(form).getByLabelText("Workflow name"), "  Averages ");
    await userEvent.click(saveButton);
    expect(save).toHaveBeenCalledWith(makeTask().id, "Averages");
    expect(await screen.findByTestId("location")).toHaveTextContent("/workflows/wnew");
  });

  it("says why a name is refused, and keeps the form", async () => {
    vi.spyOn(api, "getTask").mockResolvedValue(makeTask());
    vi.spyOn(api, "saveTaskAsWorkflow").mockRejectedValue(
      new ApiError(422, "duplicate_workflow_name", "You have a workflow named 'Averages' already (w1): choose another name."),
    );
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Save as workflow…" }));
    const name = screen.getByLabelText("Workflow name");
    await userEvent.type(name, "Averages{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("choose another name");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("location")).toHaveTextContent("/tasks/t1");
  });

  it("is offered only once the task has ended", async () => {
    const running = makeTask({ status: "running", finished_at: null, duration_ms: null, result: null, steps: [makeStep({ status: "running" })] });
    vi.spyOn(api, "getTask").mockResolvedValue(running);
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    await screen.findByRole("button", { name: "Cancel task" });
    expect(screen.queryByRole("button", { name: "Save as workflow…" })).not.toBeInTheDocument();
  });
});
