import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";

import { authState, signIn } from "../api/auth";
import { routes } from "../App";
import { jsonResponse } from "../test/fixtures";

const GOOD = "orc_good_key";

/** An orchestrator with auth on: only `Bearer orc_good_key` gets in. */
function orchestrator() {
  const seen: (string | null)[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    const header = request.headers.get("authorization");
    seen.push(header);
    if (header === null) {
      return jsonResponse({ error: { code: "unauthorized", message: "Send an API key as 'Authorization: Bearer <key>'." } }, 401);
    }
    if (header !== `Bearer ${GOOD}`) {
      return jsonResponse({ error: { code: "unauthorized", message: "The API key is not valid (unknown or revoked)." } }, 401);
    }
    return jsonResponse({ items: [], total: 0, limit: 20, offset: 0 });
  });
  vi.stubGlobal("fetch", fetch);
  return { seen, fetch };
}

function renderApp(path = "/tasks") {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return render(<RouterProvider router={router} />);
}

describe("the API key prompt", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("appears on a 401, refuses a bad key, and lets a good one in", async () => {
    const { seen } = orchestrator();
    renderApp();
    expect(await screen.findByRole("heading", { name: "API key needed" })).toBeInTheDocument();
    const input = screen.getByLabelText("API key");
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute("type", "password");

    await userEvent.keyboard("orc_wrong{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("This key was refused: The API key is not valid");
    expect(authState().key).toBeUndefined();

    await userEvent.clear(input);
    await userEvent.type(input, `${GOOD}{Enter}`);
    expect(await screen.findByRole("heading", { name: "Tasks" })).toBeInTheDocument();
    expect(await screen.findByText("No tasks yet.")).toBeInTheDocument();
    expect(sessionStorage.getItem("orchestra.apiKey")).toBe(GOOD);
    expect(seen.at(-1)).toBe(`Bearer ${GOOD}`);
    expect(screen.getByRole("group", { name: "API key" })).toBeInTheDocument();
  });

  it("asks for an empty key to be filled in", async () => {
    orchestrator();
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Use this key" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Enter a key first.");
  });

  it("says a key the API stopped taking was refused", async () => {
    signIn("orc_revoked");
    orchestrator();
    renderApp();
    expect(await screen.findByText(/refused the key this tab was using/)).toBeInTheDocument();
    expect(screen.getByText(/unknown or revoked/)).toBeInTheDocument();
  });

  it("changes the key and signs out from the header", async () => {
    signIn(GOOD);
    const { seen } = orchestrator();
    renderApp();
    expect(await screen.findByText("No tasks yet.")).toBeInTheDocument();
    const controls = screen.getByRole("group", { name: "API key" });

    await userEvent.click(within(controls).getByRole("button", { name: "Change key" }));
    expect(screen.getByRole("heading", { name: "Change API key" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("No tasks yet.")).toBeInTheDocument();

    await userEvent.click(within(controls).getByRole("button", { name: "Sign out" }));
    expect(sessionStorage.getItem("orchestra.apiKey")).toBeNull();
    expect(await screen.findByRole("heading", { name: "API key needed" })).toBeInTheDocument();
    expect(seen.at(-1)).toBeNull();
    expect(screen.queryByRole("group", { name: "API key" })).not.toBeInTheDocument();
  });

  it("never shows with auth off", async () => {
    const fetch = vi.fn(async () => jsonResponse({ items: [], total: 0, limit: 20, offset: 0 }));
    vi.stubGlobal("fetch", fetch);
    renderApp();
    expect(await screen.findByText("No tasks yet.")).toBeInTheDocument();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(screen.queryByLabelText("API key")).not.toBeInTheDocument();
    expect(screen.queryByRole("group", { name: "API key" })).not.toBeInTheDocument();
    await waitFor(() => expect(fetch).toHaveBeenCalled());
  });
});
