/**
 * The dashboard's one way to follow a task's event stream (Server-Sent Events).
 *
 * The stream is read with `fetch`, not the browser's EventSource, because EventSource cannot
 * send headers and the API wants `Authorization: Bearer <key>` when auth is on. This reader does
 * what EventSource did: it parses the `text/event-stream` format, reconnects after a dropped
 * connection (waiting the server's `retry:` or 2 s, longer after repeated failures) and sends
 * `Last-Event-ID` with the id of the last event seen, so no event is lost or repeated. It gives up
 * on answers that retrying cannot fix (404, 403, …); a 401 also asks for a key (auth.ts). The
 * stream is closed here once the task has ended, which stops the reconnects.
 *
 * `step.delta` events (a running step's answer as its agent writes it) have no id and are not in
 * the event log: they go to `onDelta`, and a reconnect does not bring them again.
 */
import { apiKey, authHeaders, reportUnauthorized } from "./auth";
import { ApiError, errorOf } from "./client";
import { endsTask, isTaskEventType, type TaskEvent } from "./types";

export type StreamState = "connecting" | "open" | "reconnecting" | "closed";

/** Text a running step's answer grew by: `text` goes at `offset` (0: the answer starts again). */
export interface StepDelta {
  step_id: string;
  offset: number;
  text: string;
}

export const DELTA_EVENT = "step.delta";

export function parseDelta(raw: string): StepDelta | null {
  try {
    const value = JSON.parse(raw) as { step_id?: unknown; data?: { text?: unknown; offset?: unknown } };
    const { step_id: stepId, data } = value;
    if (typeof stepId !== "string" || typeof data?.text !== "string" || typeof data.offset !== "number") return null;
    return { step_id: stepId, offset: data.offset, text: data.text };
  } catch {
    return null;
  }
}

export interface FollowOptions {
  onEvent: (event: TaskEvent) => void;
  /** A running step's live text (`step.delta`). */
  onDelta?: (delta: StepDelta) => void;
  onState?: (state: StreamState) => void;
  /** Called when the stream stops for good because of an error answer (not when the task ends). */
  onError?: (error: ApiError) => void;
  /** Resume after this event id (the events up to it are already known). */
  after?: number;
  baseUrl?: string;
  /** For tests: a stand-in for the global fetch. */
  fetch?: typeof fetch;
  /** The key to send (default: the one signed in). */
  key?: () => string | undefined;
  /** Called on a 401 (default: show the key prompt). */
  onUnauthorized?: (error: ApiError) => void;
  /** Wait before the first reconnect, until the server says otherwise with `retry:` (ms). */
  retryMs?: number;
}

const DEFAULT_RETRY_MS = 2000;
const MAX_RETRY_MS = 30_000;

export function eventsUrl(taskId: string, after = 0, baseUrl = ""): string {
  const path = `${baseUrl}/api/tasks/${encodeURIComponent(taskId)}/events`;
  return after > 0 ? `${path}?after=${after}` : path;
}

export function parseEvent(raw: string): TaskEvent | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const event = value as Partial<TaskEvent>;
    if (typeof event.id !== "number" || typeof event.type !== "string") return null;
    return { ...event, data: event.data ?? {}, step_id: event.step_id ?? null } as TaskEvent;
  } catch {
    return null;
  }
}

/** One dispatched Server-Sent Event. */
export interface SseMessage {
  event: string;
  data: string;
  id: string | undefined;
  retry: number | undefined;
}

/**
 * Incremental `text/event-stream` parser (the WHATWG rules): feed it text as it arrives, it
 * returns the events completed so far. Comments (`: ping`) and unknown fields are skipped.
 */
export class SseParser {
  private buffer = "";
  private data: string[] = [];
  private event = "";
  private id: string | undefined;
  private retry: number | undefined;

  push(text: string): SseMessage[] {
    this.buffer += text;
    const out: SseMessage[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      // A lone "\r" at the end may be the first half of "\r\n": wait for more.
      if (match[0] === "\r" && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const message = this.line(line);
      if (message) out.push(message);
    }
    return out;
  }

  private line(line: string): SseMessage | undefined {
    if (line === "") {
      const message =
        this.data.length > 0
          ? { event: this.event || "message", data: this.data.join("\n"), id: this.id, retry: this.retry }
          : undefined;
      this.data = [];
      this.event = "";
      this.retry = undefined;
      return message;
    }
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field === "id" && !value.includes("\0")) this.id = value;
    else if (field === "retry" && /^\d+$/.test(value)) this.retry = Number(value);
    return undefined;
  }
}

/** Answers after which a reconnect may help (the server is busy, restarting or overloaded). */
function retryable(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504 || status === 500;
}

/** Follow a task's events until it ends or the returned function is called. */
export function followTask(taskId: string, options: FollowOptions): () => void {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const key = options.key ?? apiKey;
  const onUnauthorized = options.onUnauthorized ?? ((error: ApiError) => reportUnauthorized(error.message));
  const url = eventsUrl(taskId, 0, options.baseUrl);
  const controller = new AbortController();
  let lastId = options.after && options.after > 0 ? String(options.after) : "";
  let retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const setState = (state: StreamState) => {
    if (!closed) options.onState?.(state);
  };

  const close = () => {
    if (closed) return;
    options.onState?.("closed");
    closed = true;
    clearTimeout(timer);
    controller.abort();
  };

  const fail = (error: ApiError) => {
    if (closed) return;
    if (error.status === 401) onUnauthorized(error);
    options.onError?.(error);
    close();
  };

  const reconnect = (waitMs?: number) => {
    if (closed) return;
    setState("reconnecting");
    const delay = waitMs ?? Math.min(retryMs * 2 ** Math.min(failures, 4), MAX_RETRY_MS);
    failures += 1;
    timer = setTimeout(() => void connect(), delay);
  };

  const deliver = (message: SseMessage): void => {
    if (message.id !== undefined) lastId = message.id;
    if (message.retry !== undefined) retryMs = message.retry;
    if (message.event === DELTA_EVENT) {
      const delta = parseDelta(message.data);
      if (delta !== null && !closed) options.onDelta?.(delta);
      return;
    }
    if (!isTaskEventType(message.event)) return;
    const event = parseEvent(message.data);
    if (event === null || closed) return;
    options.onEvent(event);
    if (endsTask(event.type)) close();
  };

  async function connect(): Promise<void> {
    const headers: Record<string, string> = { Accept: "text/event-stream", ...authHeaders(key()) };
    if (lastId) headers["Last-Event-ID"] = lastId;
    let response: Response;
    try {
      response = await doFetch(url, { headers, signal: controller.signal, cache: "no-store" });
    } catch {
      reconnect(); // network error, or aborted by close()
      return;
    }
    if (closed) return;
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => undefined);
      const error = errorOf(response, body);
      if (retryable(response.status)) {
        const after = Number(response.headers.get("retry-after"));
        reconnect(Number.isFinite(after) && after > 0 ? after * 1000 : undefined);
      } else fail(error);
      return;
    }
    if (!response.body || !(response.headers.get("content-type") ?? "").includes("text/event-stream")) {
      fail(new ApiError(response.status, "bad_response", "The event stream is not text/event-stream."));
      return;
    }
    setState("open");
    let delivered = 0;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || closed) break;
        for (const message of parser.push(decoder.decode(value, { stream: true }))) {
          deliver(message);
          delivered += 1;
          if (closed) break;
        }
        if (closed) break;
      }
    } catch {
      // the connection dropped (or close() aborted it)
    } finally {
      if (closed) void reader.cancel().catch(() => {});
    }
    // The stream ended before the task's end reached us: resume where we were (after `retry`
    // if it brought events, backing off if it keeps ending empty).
    if (delivered > 0) failures = 0;
    reconnect(delivered > 0 ? retryMs : undefined);
  }

  setState("connecting");
  void connect();
  return close;
}
