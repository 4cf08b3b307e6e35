import { afterEach, describe, expect, it, vi } from "vitest";

import { FakeEventServer, jsonResponse, makeEvent } from "../test/fixtures";
import { authState, signIn } from "./auth";
import type { TaskEvent } from "./types";
import { eventsUrl, followTask, parseEvent, SseParser, type StepDelta, type StreamState } from "./events";

/** Let the reader's promises (fetch, stream reads) run. */
async function settle(times = 10) {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

function follow(server: FakeEventServer, extra: Partial<Parameters<typeof followTask>[1]> = {}) {
  const seen: TaskEvent[] = [];
  const states: StreamState[] = [];
  const stop = followTask("t1", {
    onEvent: (e) => seen.push(e),
    onState: (s) => states.push(s),
    fetch: server.fetch,
    retryMs: 5,
    ...extra,
  });
  return { seen, states, stop };
}

describe("SSE parser", () => {
  it("parses events split anywhere, with comments, CRLF and multi-line data", () => {
    const parser = new SseParser();
    const text = ": ping\r\nid: 4\r\nevent: task.running\r\ndata: {\"a\":\r\ndata: 1}\r\n\r\nretry: 3000\nid: 5\ndata: x\n\n";
    const messages = [...text].flatMap((char) => parser.push(char));
    expect(messages).toEqual([
      { event: "task.running", data: '{"a":\n1}', id: "4", retry: undefined },
      { event: "message", data: "x", id: "5", retry: 3000 },
    ]);
  });
});

describe("task event stream", () => {
  afterEach(() => vi.useRealTimers());

  it("builds the stream's URL, resuming after an event id", () => {
    expect(eventsUrl("abc")).toBe("/api/tasks/abc/events");
    expect(eventsUrl("abc", 7)).toBe("/api/tasks/abc/events?after=7");
  });

  it("delivers events in order and closes when the task ends", async () => {
    const server = new FakeEventServer();
    const { seen, states } = follow(server);
    await settle();
    const stream = server.streams[0]!;
    expect(stream.url).toBe("/api/tasks/t1/events");
    expect(stream.headers.get("accept")).toBe("text/event-stream");
    stream.write(": ping\n\n");
    stream.emit(makeEvent("task.running", null, { status: "running" }));
    stream.emit(makeEvent("step.completed", "s1", { status: "completed" }));
    stream.emit(makeEvent("task.completed", null, { status: "completed" }));
    await settle();
    expect(seen.map((e) => e.type)).toEqual(["task.running", "step.completed", "task.completed"]);
    expect(stream.ended).toBe(true);
    expect(states).toEqual(["connecting", "open", "closed"]);
  });

  it("sends the API key as a Bearer header", async () => {
    signIn("orc_secret");
    const server = new FakeEventServer();
    follow(server);
    await settle();
    expect(server.requests[0]!.headers.get("authorization")).toBe("Bearer orc_secret");
  });

  it("sends no Authorization header without a key", async () => {
    const server = new FakeEventServer();
    follow(server);
    await settle();
    expect(server.requests[0]!.headers.has("authorization")).toBe(false);
  });

  it("reconnects after a dropped stream with Last-Event-ID, without losing or repeating events", async () => {
    const server = new FakeEventServer();
    const { seen, states } = follow(server, { key: () => "k1" });
    await settle();
    const first = makeEvent("task.running", null);
    const second = makeEvent("step.running", "s1");
    server.streams[0]!.emit(first);
    server.streams[0]!.emit(second);
    await settle();
    server.streams[0]!.end();
    await settle();
    expect(states).toContain("reconnecting");
    await vi.waitFor(() => expect(server.streams).toHaveLength(2));
    const retry = server.requests[1]!;
    expect(retry.headers.get("last-event-id")).toBe(String(second.id));
    expect(retry.headers.get("authorization")).toBe("Bearer k1");
    server.streams[1]!.emit(makeEvent("task.completed", null));
    await settle();
    expect(seen.map((e) => e.type)).toEqual(["task.running", "step.running", "task.completed"]);
    expect(states.at(-1)).toBe("closed");
  });

  it("hands step.delta events to onDelta, and resumes after the last stored event, not a delta", async () => {
    const server = new FakeEventServer();
    const deltas: StepDelta[] = [];
    const { seen } = follow(server, { onDelta: (d) => deltas.push(d) });
    await settle();
    const running = makeEvent("step.running", "s1");
    server.streams[0]!.emit(running);
    const delta = (offset: number, text: string) =>
      `event: step.delta\ndata: ${JSON.stringify({ task_id: "t1", step_id: "s1", type: "step.delta", data: { text, offset } })}\n\n`;
    server.streams[0]!.write(delta(0, "Tides "));
    server.streams[0]!.write(delta(6, "come"));
    await settle();
    expect(deltas).toEqual([
      { step_id: "s1", offset: 0, text: "Tides " },
      { step_id: "s1", offset: 6, text: "come" },
    ]);
    expect(seen.map((e) => e.type)).toEqual(["step.running"]);
    server.streams[0]!.end();
    await vi.waitFor(() => expect(server.streams).toHaveLength(2));
    expect(server.requests[1]!.headers.get("last-event-id")).toBe(String(running.id));
  });

  it("reconnects after a network error and a 503", async () => {
    const server = new FakeEventServer();
    const failing = vi.fn(server.fetch);
    failing.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    server.answerNext(jsonResponse({ error: { code: "unavailable", message: "busy" } }, 503));
    const { states } = follow(server, { fetch: failing as unknown as typeof fetch });
    await vi.waitFor(() => expect(server.streams).toHaveLength(1), { timeout: 2000 });
    await settle();
    expect(failing).toHaveBeenCalledTimes(3);
    expect(states.at(-1)).toBe("open");
  });

  it("resumes after a given event id", async () => {
    const server = new FakeEventServer();
    follow(server, { after: 12 });
    await settle();
    expect(server.requests[0]!.headers.get("last-event-id")).toBe("12");
  });

  it("asks for a key on a 401 and stops", async () => {
    signIn("orc_revoked");
    const server = new FakeEventServer();
    server.answerNext(jsonResponse({ error: { code: "unauthorized", message: "The API key is not valid." } }, 401));
    const onError = vi.fn();
    const { states } = follow(server, { onError });
    await settle();
    expect(states.at(-1)).toBe("closed");
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 401, code: "unauthorized" }));
    expect(authState().prompt).toEqual({ reason: "refused", message: "The API key is not valid." });
    expect(authState().key).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it("gives up on a 404 without asking for a key", async () => {
    const server = new FakeEventServer();
    server.answerNext(jsonResponse({ error: { code: "task_not_found", message: "No task t1." } }, 404));
    const { states } = follow(server);
    await settle();
    expect(states).toEqual(["connecting", "closed"]);
    expect(authState().prompt).toBeUndefined();
  });

  it("stops delivering once closed by the caller", async () => {
    const server = new FakeEventServer();
    const { seen, stop } = follow(server);
    await settle();
    stop();
    server.streams[0]!.emit(makeEvent("task.running", null));
    await settle();
    expect(seen).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("ignores data that is not an event", () => {
    expect(parseEvent("not json")).toBeNull();
    expect(parseEvent('{"id": "x"}')).toBeNull();
    expect(parseEvent('{"id": 3, "type": "task.running", "task_id": "t"}')).toMatchObject({ id: 3, data: {}, step_id: null });
  });
});
