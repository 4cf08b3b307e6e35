import { describe, expect, it, vi } from "vitest";

import { jsonResponse, makeAgent, makeTask } from "../test/fixtures";
import { authState, signIn } from "./auth";
import { ApiError, createApi } from "./client";

function recorder(response: Response | (() => Promise<Response>)) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    requests.push(input as Request);
    return typeof response === "function" ? response() : response.clone();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

describe("api client", () => {
  it("lists tasks with filters as query parameters", async () => {
    const { fetch, requests } = recorder(jsonResponse({ items: [], total: 0, limit: 20, offset: 40 }));
    const api = createApi({ fetch, baseUrl: "http://orchestra.test" });
    const page = await api.listTasks({ status: "running", sessionId: "s1", limit: 20, offset: 40 });
    expect(page.total).toBe(0);
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe("/api/tasks");
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: "running", session_id: "s1", limit: "20", offset: "40" });
  });

  it("waits for a task to change from the copy it has, and takes 304 as unchanged", async () => {
    const task = makeTask({ status: "running" });
    const changed = new Response(JSON.stringify(task), {
      status: 200,
      headers: { "content-type": "application/json", etag: '"v2"' },
    });
    const first = recorder(changed);
    const api = createApi({ fetch: first.fetch, baseUrl: "http://orchestra.test" });
    expect(await api.waitTask("t1", '"v1"', 30)).toEqual({ task, etag: '"v2"' });
    const sent = first.requests[0]!;
    expect(new URL(sent.url).searchParams.get("wait")).toBe("30");
    expect(sent.headers.get("if-none-match")).toBe('"v1"');
    const unchanged = recorder(new Response(null, { status: 304, headers: { etag: '"v1"' } }));
    const again = createApi({ fetch: unchanged.fetch, baseUrl: "http://orchestra.test" });
    expect(await again.waitTask("t1", '"v1"', 30)).toBeNull();
    // Without an ETag yet, the first read answers at once.
    await again.waitTask("t1", undefined, 30);
    expect(new URL(unchanged.requests[1]!.url).searchParams.get("wait")).toBe("0");
  });

  it("leaves out filters that are not set", async () => {
    const { fetch, requests } = recorder(jsonResponse({ items: [], total: 0, limit: 50, offset: 0 }));
    await createApi({ fetch, baseUrl: "http://orchestra.test" }).listTasks();
    expect(new URL(requests[0]!.url).search).toBe("");
  });

  it("posts a new task as the API's TaskCreate", async () => {
    const task = makeTask({ status: "pending" });
    const { fetch, requests } = recorder(jsonResponse(task, 202));
    const created = await createApi({ fetch, baseUrl: "http://orchestra.test" }).createTask({
      description: "Compute the median of 1, 2 and 3",
      sessionId: "sess",
    });
    expect(created.id).toBe(task.id);
    expect(requests[0]!.method).toBe("POST");
    expect(await requests[0]!.json()).toEqual({
      description: "Compute the median of 1, 2 and 3",
      session_id: "sess",
      metadata: {},
      plan: null,
    });
  });

  it("turns the API's error body into an ApiError with its code", async () => {
    const body = { error: { code: "task_not_found", message: "No task abc.", details: { id: "abc" } } };
    const { fetch } = recorder(jsonResponse(body, 404));
    const error = await createApi({ fetch, baseUrl: "http://orchestra.test" }).getTask("abc").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: "task_not_found", message: "No task abc.", details: { id: "abc" } });
  });

  it("reports an answer without our error shape by its HTTP status", async () => {
    const { fetch } = recorder(new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    const error = await createApi({ fetch, baseUrl: "http://orchestra.test" }).listAgents().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: "http_error" });
  });

  it("reports an unreachable orchestrator as a network error", async () => {
    const { fetch } = recorder(() => Promise.reject(new TypeError("Failed to fetch")));
    const error = await createApi({ fetch, baseUrl: "http://orchestra.test" }).listAgents().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: "network" });
    expect((error as Error).message).toMatch(/Cannot reach the orchestrator/);
  });

  it("registers, lists and removes agents", async () => {
    const agent = makeAgent();
    const responses = [jsonResponse(agent, 201), jsonResponse({ items: [agent] }), new Response(null, { status: 204 })];
    const requests: Request[] = [];
    const fetch = (async (input: Request) => {
      requests.push(input);
      return responses.shift()!;
    }) as unknown as typeof globalThis.fetch;
    const api = createApi({ fetch, baseUrl: "http://orchestra.test" });
    expect((await api.registerAgent("http://127.0.0.1:8003")).name).toBe("Analyst Agent");
    expect(await api.listAgents()).toHaveLength(1);
    await expect(api.removeAgent("agent-1")).resolves.toBeUndefined();
    expect(await requests[0]!.json()).toEqual({ card_url: "http://127.0.0.1:8003" });
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "POST /api/agents",
      "GET /api/agents",
      "DELETE /api/agents/agent-1",
    ]);
  });

  it("cancels a task and reads a session's messages", async () => {
    const { fetch, requests } = recorder(jsonResponse(makeTask({ status: "canceled" })));
    const api = createApi({ fetch, baseUrl: "http://orchestra.test" });
    expect((await api.cancelTask("t 1")).status).toBe("canceled");
    expect(new URL(requests[0]!.url).pathname).toBe("/api/tasks/t%201/cancel");
  });

  it("lists the caller's sessions a page at a time", async () => {
    const { fetch, requests } = recorder(jsonResponse({ items: [], total: 0, limit: 20, offset: 40 }));
    await createApi({ fetch, baseUrl: "http://orchestra.test" }).listSessions({ limit: 20, offset: 40 });
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe("/api/sessions");
    expect(Object.fromEntries(url.searchParams)).toEqual({ limit: "20", offset: "40" });
  });
});

describe("api client with auth", () => {
  it("sends no Authorization header without a key", async () => {
    const { fetch, requests } = recorder(jsonResponse({ items: [] }));
    await createApi({ fetch, baseUrl: "http://orchestra.test" }).listAgents();
    expect(requests[0]!.headers.has("authorization")).toBe(false);
  });

  it("sends the signed-in key as a Bearer header on every request", async () => {
    signIn("orc_abc123");
    const { fetch, requests } = recorder(jsonResponse(makeTask()));
    const api = createApi({ fetch, baseUrl: "http://orchestra.test" });
    await api.getTask("t1");
    await api.createTask({ description: "x" });
    expect(requests.map((r) => r.headers.get("authorization"))).toEqual(["Bearer orc_abc123", "Bearer orc_abc123"]);
    expect(sessionStorage.getItem("orchestra.apiKey")).toBe("orc_abc123");
    expect(localStorage.length).toBe(0);
  });

  it("asks for a key on a 401", async () => {
    const body = { error: { code: "unauthorized", message: "Send an API key as 'Authorization: Bearer <key>'." } };
    const { fetch } = recorder(jsonResponse(body, 401));
    const error = await createApi({ fetch, baseUrl: "http://orchestra.test" }).listTasks().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: "unauthorized" });
    expect(authState().prompt).toEqual({ reason: "required", message: body.error.message });
  });

  it("forgets a key the API refuses", async () => {
    signIn("orc_revoked");
    const body = { error: { code: "unauthorized", message: "The API key is not valid (unknown or revoked)." } };
    const { fetch } = recorder(jsonResponse(body, 401));
    await createApi({ fetch, baseUrl: "http://orchestra.test" }).listTasks().catch(() => undefined);
    expect(authState()).toMatchObject({ key: undefined, prompt: { reason: "refused", message: body.error.message } });
    expect(sessionStorage.getItem("orchestra.apiKey")).toBeNull();
  });

  it("does not ask for a key on a 403", async () => {
    signIn("orc_user");
    const { fetch } = recorder(jsonResponse({ error: { code: "forbidden", message: "This needs an admin key." } }, 403));
    const error = await createApi({ fetch, baseUrl: "http://orchestra.test" }).registerAgent("http://x").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: "forbidden" });
    expect(authState()).toMatchObject({ key: "orc_user", prompt: undefined });
  });
});
