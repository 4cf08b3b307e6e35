/** Sessions as the dashboard names and lists them. */
import type { Api } from "../api/client";
import type { SessionPublic } from "../api/types";

/** The most sessions one request returns (the API's maximum `limit`). */
export const MAX_SESSIONS = 200;

/** The caller's newest sessions (up to 200), for pickers. */
export async function recentSessions(api: Api, signal?: AbortSignal): Promise<SessionPublic[]> {
  return (await api.listSessions({ limit: MAX_SESSIONS }, signal)).items;
}

export function sessionLabel(session: Pick<SessionPublic, "id" | "title">): string {
  return session.title.trim() || `Session ${session.id.slice(0, 8)}`;
}
