import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { api } from "../api/client";
import { makeSummary } from "../test/fixtures";
import { renderAt } from "../test/render";
import { SessionPage } from "./SessionPage";
import { SessionsPage } from "./SessionsPage";

const session = { id: "sess-1", title: "Budget", metadata: {}, messages: 2, tasks: 1, created_at: "2026-01-01T00:00:00Z" };

describe("SessionsPage", () => {
  it("lists the sessions from the API, newest first", async () => {
    const list = vi.spyOn(api, "listSessions").mockResolvedValue({ items: [session], total: 1, limit: 20, offset: 0 });
    renderAt("/sessions", "/sessions", <SessionsPage />);
    expect(await screen.findByRole("link", { name: "Budget" })).toHaveAttribute("href", "/sessions/sess-1");
    expect(list).toHaveBeenCalledWith({ limit: 20, offset: 0 }, expect.anything());
    expect(screen.queryByRole("navigation", { name: "Pages" })).not.toBeInTheDocument();
  });

  it("pages through many sessions, keeping the page in the URL", async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...session, id: `sess-${i}`, title: `Session number ${i}` }));
    const list = vi.spyOn(api, "listSessions").mockImplementation(async (query = {}) => ({
      items: query.offset ? [{ ...session, id: "sess-old", title: "The oldest" }] : many,
      total: 21,
      limit: 20,
      offset: query.offset ?? 0,
    }));
    renderAt("/sessions", "/sessions", <SessionsPage />);
    expect(await screen.findByRole("link", { name: "Session number 0" })).toBeInTheDocument();
    expect(screen.getByText("1–20 of 21")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Older →" }));
    expect(await screen.findByRole("link", { name: "The oldest" })).toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent("/sessions?offset=20");
    expect(list).toHaveBeenLastCalledWith({ limit: 20, offset: 20 }, expect.anything());
  });

  it("starts a session and opens it", async () => {
    vi.spyOn(api, "listSessions").mockResolvedValue({ items: [], total: 0, limit: 20, offset: 0 });
    vi.spyOn(api, "createSession").mockResolvedValue({ ...session, id: "sess-2", title: "Fresh" });
    renderAt("/sessions", "/sessions", <SessionsPage />);
    expect(await screen.findByText("No sessions yet.")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Title of the new session"), "Fresh");
    await userEvent.click(screen.getByRole("button", { name: "New session" }));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/sessions/sess-2"));
  });
});

describe("SessionPage", () => {
  it("shows the messages and the tasks it produced", async () => {
    vi.spyOn(api, "getSession").mockResolvedValue(session);
    vi.spyOn(api, "listMessages").mockResolvedValue({
      items: [
        { id: "m1", role: "user", content: "Compute the mean of 1 and 3", task_id: "t1aaaaaaaaaaaaaaaa", created_at: "2026-01-01T00:00:01Z" },
        { id: "m2", role: "assistant", content: "**Mean: 2**", task_id: "t1aaaaaaaaaaaaaaaa", created_at: "2026-01-01T00:00:02Z" },
      ],
      total: 2,
      limit: 500,
      offset: 0,
    });
    const list = vi.spyOn(api, "listTasks").mockResolvedValue({ items: [makeSummary({ session_id: "sess-1" })], total: 1, limit: 200, offset: 0 });
    renderAt("/sessions/sess-1", "/sessions/:sessionId", <SessionPage />);
    expect(await screen.findByRole("heading", { name: "Budget" })).toBeInTheDocument();
    expect(screen.getByText("Compute the mean of 1 and 3")).toBeInTheDocument();
    expect(screen.getByText("Mean: 2").tagName).toBe("STRONG");
    expect(screen.getByRole("link", { name: "Compute the average of 3, 5 and 10" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "New task in this session" })).toHaveAttribute("href", "/tasks/new?session=sess-1");
    expect(list).toHaveBeenCalledWith({ sessionId: "sess-1", limit: 200 }, expect.anything());
  });

  it("deletes the session after a confirmation, then shows the list", async () => {
    vi.spyOn(api, "getSession").mockResolvedValue(session);
    vi.spyOn(api, "listMessages").mockResolvedValue({ items: [], total: 0, limit: 500, offset: 0 });
    vi.spyOn(api, "listTasks").mockResolvedValue({ items: [], total: 0, limit: 200, offset: 0 });
    const remove = vi.spyOn(api, "deleteSession").mockResolvedValue(undefined);
    renderAt("/sessions/sess-1", "/sessions/:sessionId", <SessionPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Delete session…" }));
    expect(screen.getByText(/2 messages and 1 task go too/)).toBeInTheDocument();
    expect(remove).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Delete session" }));
    expect(remove).toHaveBeenCalledWith("sess-1");
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/sessions"));
  });
});
