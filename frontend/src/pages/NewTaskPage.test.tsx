import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { api, ApiError } from "../api/client";
import { makeTask } from "../test/fixtures";
import { renderAt } from "../test/render";
import { NewTaskPage } from "./NewTaskPage";

function noSessions() {
  vi.spyOn(api, "listSessions").mockResolvedValue({ items: [], total: 0, limit: 200, offset: 0 });
}

describe("NewTaskPage", () => {
  it("submits the description and goes to the task's page", async () => {
    noSessions();
    const create = vi.spyOn(api, "createTask").mockResolvedValue(makeTask({ id: "new1", status: "pending" }));
    renderAt("/tasks/new", "/tasks/new", <NewTaskPage />);
    await userEvent.type(screen.getByLabelText("Task"), "Compute the median of 4, 8 and 15");
    await userEvent.click(screen.getByRole("button", { name: "Run task" }));
    expect(create).toHaveBeenCalledWith({ description: "Compute the median of 4, 8 and 15", sessionId: undefined });
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/tasks/new1"));
  });

  it("creates a new session first when asked", async () => {
    noSessions();
    const session = vi.spyOn(api, "createSession").mockResolvedValue({
      id: "sess1", title: "Study", metadata: {}, messages: 0, tasks: 0, created_at: "2026-01-01T00:00:00Z",
    });
    const create = vi.spyOn(api, "createTask").mockResolvedValue(makeTask({ id: "new2" }));
    renderAt("/tasks/new", "/tasks/new", <NewTaskPage />);
    await userEvent.click(screen.getAllByRole("button", { name: /Summarize the main arguments/ })[0]!);
    await userEvent.selectOptions(screen.getByLabelText("Session (optional)"), "New session…");
    await userEvent.type(screen.getByLabelText("Title of the new session"), "Study");
    await userEvent.click(screen.getByRole("button", { name: "Run task" }));
    expect(session).toHaveBeenCalledWith("Study");
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ sessionId: "sess1" }));
  });

  it("offers the caller's newest sessions", async () => {
    const list = vi.spyOn(api, "listSessions").mockResolvedValue({
      items: [{ id: "s-42", title: "Budget", metadata: {}, messages: 0, tasks: 0, created_at: "2026-01-01T00:00:00Z" }],
      total: 1,
      limit: 200,
      offset: 0,
    });
    renderAt("/tasks/new", "/tasks/new", <NewTaskPage />);
    expect(await screen.findByRole("option", { name: "Budget" })).toHaveValue("s-42");
    expect(list).toHaveBeenCalledWith({ limit: 200 }, expect.anything());
  });

  it("refuses an empty description and shows API errors", async () => {
    noSessions();
    vi.spyOn(api, "createTask").mockRejectedValue(new ApiError(404, "session_not_found", "No session x."));
    renderAt("/tasks/new?session=x", "/tasks/new", <NewTaskPage />);
    await userEvent.click(screen.getByRole("button", { name: "Run task" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Describe the task first.");
    await userEvent.type(screen.getByLabelText("Task"), "Anything");
    await userEvent.click(screen.getByRole("button", { name: "Run task" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("No session x.");
  });
});
