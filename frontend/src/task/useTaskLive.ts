/**
 * A task kept current: read once, then followed over its event stream; each event is applied
 * at once and the full task (outputs, timings, tokens) is read again shortly after.
 */
import { useCallback, useEffect, useRef, useState } from "react";

import { api } from "../api/client";
import { followTask, type StreamState } from "../api/events";
import { isTerminal, type TaskEvent, type TaskPublic } from "../api/types";
import { applyEvent } from "./applyEvent";

const REFRESH_DELAY_MS = 250;

export interface LiveTask {
  task: TaskPublic | undefined;
  events: TaskEvent[];
  stream: StreamState;
  error: Error | undefined;
  reload: () => void;
  /** Replace the task with a fresher copy (e.g. the answer of a cancel). */
  replace: (task: TaskPublic) => void;
}

export function useTaskLive(taskId: string): LiveTask {
  const [task, setTask] = useState<TaskPublic>();
  const [events, setEvents] = useState<TaskEvent[]>([]);
  const [stream, setStream] = useState<StreamState>("connecting");
  const [error, setError] = useState<Error>();
  const [attempt, setAttempt] = useState(0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const fetchTask = useCallback(
    (signal?: AbortSignal) =>
      api
        .getTask(taskId, signal)
        .then((fresh) => {
          setTask(fresh);
          setError(undefined);
        })
        .catch((cause: unknown) => {
          if (signal?.aborted) return;
          setError(cause instanceof Error ? cause : new Error(String(cause)));
        }),
    [taskId],
  );

  useEffect(() => {
    const controller = new AbortController();
    let stop: (() => void) | undefined;
    setTask(undefined);
    setEvents([]);
    setError(undefined);
    void fetchTask(controller.signal).then(() => {
      if (controller.signal.aborted) return;
      stop = followTask(taskId, {
        onState: setStream,
        onEvent: (event) => {
          setEvents((known) => (known.some((e) => e.id === event.id) ? known : [...known, event]));
          setTask((current) => (current ? applyEvent(current, event) : current));
          clearTimeout(refreshTimer.current);
          refreshTimer.current = setTimeout(() => void fetchTask(), REFRESH_DELAY_MS);
        },
      });
    });
    return () => {
      controller.abort();
      stop?.();
      clearTimeout(refreshTimer.current);
    };
  }, [taskId, attempt, fetchTask]);

  // A stream that ended before the task did (the browser gave up): read it now and then.
  useEffect(() => {
    if (stream !== "closed" || !task || isTerminal(task.status)) return;
    const timer = setInterval(() => void fetchTask(), 2000);
    return () => clearInterval(timer);
  }, [stream, task, fetchTask]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { task, events, stream, error, reload, replace: setTask };
}
