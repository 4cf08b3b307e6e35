/**
 * The dashboard's one way to follow a task's event stream (Server-Sent Events). The browser's
 * EventSource reconnects by itself and sends `Last-Event-ID`, so no event is lost or repeated;
 * the stream is closed here once the task has ended, which stops those reconnects.
 */
import { TASK_EVENT_TYPES, type TaskEvent } from "./types";

export type StreamState = "connecting" | "open" | "reconnecting" | "closed";

export interface FollowOptions {
  onEvent: (event: TaskEvent) => void;
  onState?: (state: StreamState) => void;
  /** Resume after this event id (the events up to it are already known). */
  after?: number;
  baseUrl?: string;
  /** For tests: a stand-in for the browser's EventSource. */
  EventSourceImpl?: typeof EventSource;
}

const ENDINGS = new Set(["task.completed", "task.failed", "task.canceled"]);

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
    return { ...event, data: event.data ?? {}, step: event.step ?? null } as TaskEvent;
  } catch {
    return null;
  }
}

/** Follow a task's events until it ends or the returned function is called. */
export function followTask(taskId: string, options: FollowOptions): () => void {
  const Impl = options.EventSourceImpl ?? globalThis.EventSource;
  const source = new Impl(eventsUrl(taskId, options.after ?? 0, options.baseUrl));
  let closed = false;
  const setState = (state: StreamState) => options.onState?.(state);
  const close = () => {
    if (closed) return;
    closed = true;
    source.close();
    setState("closed");
  };

  setState("connecting");
  source.onopen = () => setState("open");
  source.onerror = () => {
    if (closed) return;
    // CLOSED means the browser gave up (an HTTP error such as 404); otherwise it retries.
    if (source.readyState === 2) close();
    else setState("reconnecting");
  };
  const listener = (message: MessageEvent<string>) => {
    const event = parseEvent(message.data);
    if (event === null || closed) return;
    options.onEvent(event);
    if (ENDINGS.has(event.type)) close();
  };
  for (const type of TASK_EVENT_TYPES) source.addEventListener(type, listener as EventListener);
  return close;
}
