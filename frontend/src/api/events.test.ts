import { beforeEach, describe, expect, it } from "vitest";

import { FakeEventSource, makeEvent } from "../test/fixtures";
import type { TaskEvent } from "./types";
import { eventsUrl, followTask, parseEvent, type StreamState } from "./events";

const Impl = FakeEventSource as unknown as typeof EventSource;

describe("task event stream", () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
  });

  it("builds the stream's URL, resuming after an event id", () => {
    expect(eventsUrl("abc")).toBe("/api/tasks/abc/events");
    expect(eventsUrl("abc", 7)).toBe("/api/tasks/abc/events?after=7");
  });

  it("delivers events in order and closes when the task ends", () => {
    const seen: TaskEvent[] = [];
    const states: StreamState[] = [];
    followTask("t1", { onEvent: (e) => seen.push(e), onState: (s) => states.push(s), EventSourceImpl: Impl });
    const source = FakeEventSource.instances[0]!;
    source.open();
    source.emit(makeEvent("task.running", null, { status: "running" }));
    source.emit(makeEvent("step.completed", "s1", { status: "completed" }));
    source.emit(makeEvent("task.completed", null, { status: "completed" }));
    expect(seen.map((e) => e.type)).toEqual(["task.running", "step.completed", "task.completed"]);
    expect(source.closed).toBe(true);
    expect(states).toEqual(["connecting", "open", "closed"]);
  });

  it("says it is reconnecting while the browser retries, and stops when it gives up", () => {
    const states: StreamState[] = [];
    followTask("t1", { onEvent: () => {}, onState: (s) => states.push(s), EventSourceImpl: Impl });
    const source = FakeEventSource.instances[0]!;
    source.fail(0);
    expect(states.at(-1)).toBe("reconnecting");
    source.fail(2);
    expect(states.at(-1)).toBe("closed");
  });

  it("stops delivering once closed by the caller", () => {
    const seen: TaskEvent[] = [];
    const stop = followTask("t1", { onEvent: (e) => seen.push(e), EventSourceImpl: Impl });
    stop();
    FakeEventSource.instances[0]!.emit(makeEvent("task.running", null));
    expect(seen).toEqual([]);
  });

  it("ignores data that is not an event", () => {
    expect(parseEvent("not json")).toBeNull();
    expect(parseEvent('{"id": "x"}')).toBeNull();
    expect(parseEvent('{"id": 3, "type": "task.running", "task_id": "t"}')).toMatchObject({ id: 3, data: {}, step: null });
  });
});
