/**
 * Which sessions exist. The API has no "list sessions" endpoint, so they are gathered from the
 * newest tasks' `session_id` plus the sessions this browser created (remembered locally).
 */
import { ApiError, type Api } from "../api/client";
import type { SessionPublic } from "../api/types";

const STORAGE_KEY = "orchestra.sessions";
const TASK_WINDOW = 200;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function rememberedSessions(): string[] {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

export function rememberSession(id: string): void {
  const ids = rememberedSessions().filter((known) => known !== id);
  storage()?.setItem(STORAGE_KEY, JSON.stringify([id, ...ids].slice(0, 100)));
}

export function forgetSession(id: string): void {
  storage()?.setItem(STORAGE_KEY, JSON.stringify(rememberedSessions().filter((known) => known !== id)));
}

/** Known sessions, newest first. */
export async function listSessions(api: Api, signal?: AbortSignal): Promise<SessionPublic[]> {
  const tasks = await api.listTasks({ limit: TASK_WINDOW }, signal);
  const ids = new Set(rememberedSessions());
  for (const task of tasks.items) if (task.session_id) ids.add(task.session_id);
  const sessions = await Promise.all(
    [...ids].map((id) =>
      api.getSession(id, signal).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) {
          forgetSession(id);
          return null;
        }
        throw error;
      }),
    ),
  );
  return sessions
    .filter((session): session is SessionPublic => session !== null)
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
}

export function sessionLabel(session: Pick<SessionPublic, "id" | "title">): string {
  return session.title.trim() || `Session ${session.id.slice(0, 8)}`;
}
