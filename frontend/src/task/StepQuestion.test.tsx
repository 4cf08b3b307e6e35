import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { api, ApiError } from "../api/client";
import { TaskPage } from "../pages/TaskPage";
import { FakeEventServer, makeStep, makeTask } from "../test/fixtures";
import { renderAt } from "../test/render";

const QUESTION = "No numbers found to compute on. Give them in the instruction.";

function waitingTask() {
  return makeTask({
    status: "input_required",
    result: null,
    finished_at: null,
    duration_ms: null,
    steps: [
      makeStep({
        status: "input_required",
        output: null,
        output_data: null,
        finished_at: null,
        duration_ms: null,
        question: { text: QUESTION, data: null, asked_at: "2026-01-01T10:00:00.400Z" },
      }),
    ],
  });
}

describe("StepQuestion", () => {
  beforeEach(() => {
    vi.stubGlobal("fetch", new FakeEventServer().fetch);
    vi.spyOn(api, "waitTask").mockImplementation(() => new Promise(() => {}));
    return () => vi.unstubAllGlobals();
  });

  it("shows the agent's question and sends the reply typed in its box", async () => {
    vi.spyOn(api, "getTask").mockResolvedValue(waitingTask());
    const reply = vi
      .spyOn(api, "replyToStep")
      .mockResolvedValue(makeTask({ status: "running", result: null, finished_at: null, steps: [makeStep({ status: "pending" })] }));
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    expect(await screen.findByRole("heading", { name: /Step s1 asks/ })).toBeInTheDocument();
    expect(screen.getByText(QUESTION)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Your reply"), "4, 8 and 15");
    await userEvent.click(screen.getByRole("button", { name: "Send reply" }));
    expect(reply).toHaveBeenCalledWith("t1aaaaaaaaaaaaaaaa", "s1", "4, 8 and 15");
    await waitFor(() => expect(screen.queryByRole("heading", { name: /Step s1 asks/ })).not.toBeInTheDocument());
  });

  it("sends no empty reply, and shows why the server refused one", async () => {
    vi.spyOn(api, "getTask").mockResolvedValue(waitingTask());
    const reply = vi
      .spyOn(api, "replyToStep")
      .mockRejectedValue(new ApiError(409, "step_not_waiting", "Step s1 is not waiting for a reply (it is canceled)."));
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Send reply" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Write a reply first.");
    expect(reply).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText("Your reply"), "4");
    await userEvent.click(screen.getByRole("button", { name: "Send reply" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("not waiting for a reply");
    expect(screen.getByLabelText("Your reply")).toHaveValue("4"); // kept, to send again
  });
});
