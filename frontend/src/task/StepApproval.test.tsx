import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { api } from "../api/client";
import type { StepPublic } from "../api/types";
import { TaskPage } from "../pages/TaskPage";
import { FakeEventServer, makeStep, makeTask } from "../test/fixtures";
import { renderAt } from "../test/render";

const ASKED = "Publish the report?";

function approvalStep(overrides: Partial<StepPublic> = {}): StepPublic {
  return makeStep({
    id: "ok",
    title: "Sign-off",
    instruction: ASKED,
    capability: "",
    kind: "approval",
    depends_on: ["s1"],
    agent_id: null,
    agent: null,
    instance_id: null,
    remote_task_id: null,
    attempts: 0,
    progress: [],
    status: "input_required",
    output: null,
    output_data: null,
    finished_at: null,
    duration_ms: null,
    question: { text: ASKED, data: null, asked_at: "2026-01-01T10:00:00.400Z" },
    ...overrides,
  });
}

function waitingTask() {
  return makeTask({
    status: "input_required",
    result: null,
    finished_at: null,
    duration_ms: null,
    steps: [makeStep(), approvalStep()],
  });
}

function decidedTask(approved: boolean, comment: string) {
  const reply = { text: comment, data: { approved, comment }, by: "alice", at: "2026-01-01T10:01:00Z" };
  const step = approved
    ? approvalStep({ status: "completed", output: `Approved by alice: ${comment}`, output_data: reply.data, reply })
    : approvalStep({ status: "failed", error: `Rejected: ${comment}`, output_data: reply.data, reply });
  return makeTask({ status: approved ? "running" : "failed", result: null, steps: [makeStep(), step] });
}

describe("StepApproval", () => {
  beforeEach(() => {
    vi.stubGlobal("fetch", new FakeEventServer().fetch);
    vi.spyOn(api, "waitTask").mockImplementation(() => new Promise(() => {}));
    return () => vi.unstubAllGlobals();
  });

  it("shows what is to be approved and approves it with the comment; the decision shows after", async () => {
    vi.spyOn(api, "getTask").mockResolvedValue(waitingTask());
    const approve = vi.spyOn(api, "approveStep").mockResolvedValue(decidedTask(true, "fine by me"));
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    expect(await screen.findByRole("heading", { name: /Step ok waits for your approval/ })).toBeInTheDocument();
    expect(screen.getAllByText(ASKED).length).toBeGreaterThan(0);
    expect(screen.queryByLabelText("Your reply")).not.toBeInTheDocument(); // not a question's box
    await userEvent.type(screen.getByLabelText(/Comment/), "fine by me");
    await userEvent.click(screen.getByRole("button", { name: "Approve" }));
    expect(approve).toHaveBeenCalledWith("t1aaaaaaaaaaaaaaaa", "ok", "fine by me");
    await waitFor(() =>
      expect(screen.queryByRole("heading", { name: /waits for your approval/ })).not.toBeInTheDocument(),
    );
    expect(screen.getByText("Approved").closest("p")).toHaveTextContent("Approved by alice: fine by me");
  });

  it("rejects only with a comment, and shows the rejection after", async () => {
    vi.spyOn(api, "getTask").mockResolvedValue(waitingTask());
    const reject = vi.spyOn(api, "rejectStep").mockResolvedValue(decidedTask(false, "numbers are off"));
    renderAt("/tasks/t1", "/tasks/:taskId", <TaskPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Reject" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Say why you reject it");
    expect(reject).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText(/Comment/), "numbers are off");
    await userEvent.click(screen.getByRole("button", { name: "Reject" }));
    expect(reject).toHaveBeenCalledWith("t1aaaaaaaaaaaaaaaa", "ok", "numbers are off");
    const decision = (await screen.findByText("Rejected")).closest("p");
    expect(decision).toHaveTextContent("Rejected by alice: numbers are off");
  });
});
