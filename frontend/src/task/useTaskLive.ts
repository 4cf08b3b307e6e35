/**
 * A task kept current: read once, then followed two ways. Its event stream fills the event log
 * and applies each event at once; waits on the task's ETag (`?wait=`, one request per change)
 * bring the full task (outputs, timings, tokens) as soon as it changes, until it ends. A running
 * step's answer, as its agent writes it, is kept apart (`liveText`), until the step's output
 * replaces it.
 */
import { useCallback, useEffect, useState } from "react";

import { api } from "../api/client";
import { followTask, type StepDelta, type StreamState } from "../api/events";
import { isTerminal, type TaskEvent, type TaskPublic } from "../api/types";
import { applyEvent } from "./applyEvent";

/** How long one read waits for a change (the API allows up to a minute). */
const WAIT_SECONDS = 30;
/** Pause after a failed read before the next (the orchestrator may be restarting). */
const RETRY_MS = 2000;

export interface LiveTask {
  task: TaskPublic | undefined;
  events: TaskEvent[];
  stream: StreamState;
  /** The text each running step's agent has streamed so far, by step id. */
  liveText: Record<string, string>;
  error: Error | undefined;
  reload: () => void;
  /** Replace the task with a fresher copy (e.g. the answer of a cancel). */
  replace: (task: TaskPublic) => void;
}

export function useTaskLive(taskId: string): LiveTask {
  const [task, setTask] = useState<TaskPublic>();
  const [events, setEvents] = useState<TaskEvent[]>([]);
  const [stream, setStream] = useState<StreamState>("connecting");
  const [liveText, setLiveText] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error>();
  const [attempt, setAttempt] = useState(0);

  const fetchTask = useCallback(
    (signal?: AbortSignal): Promise<TaskPublic | undefined> =>
      api
        .getTask(taskId, signal)
        .then((fresh) => {
          setTask(fresh);
          setError(undefined);
          return fresh;
        })
        .catch((cause: unknown) => {
          if (!signal?.aborted) setError(cause instanceof Error ? cause : new Error(String(cause)));
          return undefined;
        }),
    [taskId],
  );

  /** Read the task again each time it changes, until it has ended or `signal` aborts. */
  const follow = useCallback(
    async (signal: AbortSignal) => {
      let etag: string | undefined;
      while (!signal.aborted) {
        try {
          const changed = await api.waitTask(taskId, etag, WAIT_SECONDS, signal);
          if (signal.aborted) return;
          if (changed) {
            etag = changed.etag;
            setTask(changed.task);
            setError(undefined);
            if (isTerminal(changed.task.status)) return;
          }
        } catch {
          if (signal.aborted) return;
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
    },
    [taskId],
  );

  useEffect(() => {
    const controller = new AbortController();
    let stop: (() => void) | undefined;
    setTask(undefined);
    setEvents([]);
    setLiveText({});
    setError(undefined);
    void fetchTask(controller.signal).then((fresh) => {
      if (controller.signal.aborted || fresh === undefined) return;
      stop = followTask(taskId, {
        onState: setStream,
        onDelta: (delta) => setLiveText((known) => grow(known, delta)),
        onEvent: (event) => {
          setEvents((known) => (known.some((e) => e.id === event.id) ? known : [...known, event]));
          setTask((current) => (current ? applyEvent(current, event) : current));
        },
      });
      if (!isTerminal(fresh.status)) void follow(controller.signal);
    });
    return () => {
      controller.abort();
      stop?.();
    };
  }, [taskId, attempt, fetchTask, follow]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { task, events, stream, liveText, error, reload, replace: setTask };
}

/** The live texts with `delta` added; a piece that does not follow on (one was missed) is
 * dropped, as the step's output comes in full at its end anyway. */
export function grow(known: Record<string, string>, delta: StepDelta): Record<string, string> {
  const current = delta.offset === 0 ? "" : known[delta.step_id];
  if (current === undefined || current.length !== delta.offset) return known;
  return { ...known, [delta.step_id]: current + delta.text };
}
