/**
 * The API key, when the orchestrator runs with AUTH_ENABLED=true. It is kept in sessionStorage
 * (this tab only, forgotten when the tab closes; see docs/dashboard.md) and sent as
 * `Authorization: Bearer <key>` by the API client and the event stream reader.
 *
 * Any 401 from the API calls `reportUnauthorized`, which asks the layout to show the key prompt
 * in place of the page; with auth off no 401 ever comes and nothing here shows.
 */
import { useSyncExternalStore } from "react";

const STORAGE_KEY = "orchestra.apiKey";

/** Why the key prompt is showing: the API asked for a key, refused the one we had, or the user wants another. */
export type PromptReason = "required" | "refused" | "change";

export interface AuthState {
  /** The key in use, if any. */
  key: string | undefined;
  /** Show the key prompt instead of the page (undefined: show the page). */
  prompt: { reason: PromptReason; message?: string | undefined } | undefined;
  /** Bumped whenever the key changes, so the page is loaded again with the new one. */
  generation: number;
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function stored(): string | undefined {
  try {
    return storage()?.getItem(STORAGE_KEY) || undefined;
  } catch {
    return undefined;
  }
}

let state: AuthState = { key: stored(), prompt: undefined, generation: 0 };
const listeners = new Set<() => void>();

function update(next: AuthState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function authState(): AuthState {
  return state;
}

export function subscribeAuth(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The key to send, if any. */
export function apiKey(): string | undefined {
  return state.key;
}

/** The `Authorization` header for a key (none without one). */
export function authHeaders(key: string | undefined = apiKey()): Record<string, string> {
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** Use this (already checked) key from now on, in this tab, and show the page again. */
export function signIn(key: string): void {
  try {
    storage()?.setItem(STORAGE_KEY, key);
  } catch {
    // Storage refused (e.g. disabled): the key still works until the page is reloaded.
  }
  update({ key, prompt: undefined, generation: state.generation + 1 });
}

/** Forget the key. The page is shown again; if the API needs a key, its 401 brings the prompt back. */
export function signOut(): void {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
  update({ key: undefined, prompt: undefined, generation: state.generation + 1 });
}

/** Show the prompt to enter another key, keeping the current one until a new one is accepted. */
export function changeKey(): void {
  update({ ...state, prompt: { reason: "change" } });
}

/** Close the "change key" prompt without changing anything. */
export function cancelPrompt(): void {
  if (state.prompt?.reason === "change") update({ ...state, prompt: undefined });
}

/** The API answered 401: ask for a key (a key we sent was refused, so it is forgotten). */
export function reportUnauthorized(message?: string): void {
  if (state.prompt && state.prompt.reason !== "change") return; // already asking
  const refused = state.key !== undefined;
  if (refused) {
    try {
      storage()?.removeItem(STORAGE_KEY);
    } catch {
      // nothing stored
    }
  }
  update({ ...state, key: undefined, prompt: { reason: refused ? "refused" : "required", message } });
}

/** For tests: start again from what sessionStorage holds. */
export function resetAuth(): void {
  update({ key: stored(), prompt: undefined, generation: 0 });
}

/** The auth state, kept current, for components. */
export function useAuth(): AuthState {
  return useSyncExternalStore(subscribeAuth, authState, authState);
}
