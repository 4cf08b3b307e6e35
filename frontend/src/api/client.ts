/**
 * The dashboard's one way to the orchestrator's REST API: typed by the paths generated from
 * `openapi.json`, every failure turned into an `ApiError` with the API's stable error code.
 */
import createClient from "openapi-fetch";

import type { paths } from "./schema";
import type {
  AgentPublic,
  MessageList,
  Plan,
  SessionPublic,
  TaskList,
  TaskPublic,
  TaskStatus,
} from "./types";

/** A failed API call: `code` is the API's error code, or `network` / `bad_response`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface TaskQuery {
  status?: TaskStatus | undefined;
  sessionId?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface NewTask {
  description: string;
  sessionId?: string | undefined;
  metadata?: Record<string, unknown> | undefined;
  plan?: Plan | undefined;
}

type Outcome<T> = { data?: T; error?: unknown; response: Response };

function errorOf(response: Response, body: unknown): ApiError {
  if (typeof body === "object" && body !== null && "error" in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === "object" && error !== null) {
      const { code, message, details } = error as Record<string, unknown>;
      return new ApiError(
        response.status,
        typeof code === "string" ? code : "http_error",
        typeof message === "string" ? message : `HTTP ${response.status}`,
        typeof details === "object" && details !== null ? (details as Record<string, unknown>) : {},
      );
    }
  }
  return new ApiError(
    response.status,
    "http_error",
    `The orchestrator answered HTTP ${response.status} ${response.statusText}`.trim(),
  );
}

export function createApi(options: { baseUrl?: string; fetch?: typeof fetch } = {}) {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? "",
    // Looked up per call, so tests (and polyfills) may replace the global fetch.
    fetch: (request: Request) => (options.fetch ?? globalThis.fetch)(request),
  });

  async function call<T>(send: () => Promise<Outcome<T>>): Promise<T> {
    let outcome: Outcome<T>;
    try {
      outcome = await send();
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
      throw new ApiError(
        0,
        "network",
        "Cannot reach the orchestrator. Is it running? Check the address and try again.",
      );
    }
    if (!outcome.response.ok) throw errorOf(outcome.response, outcome.error);
    return outcome.data as T;
  }

  return {
    listTasks(query: TaskQuery = {}, signal?: AbortSignal): Promise<TaskList> {
      return call(() =>
        client.GET("/api/tasks", {
          params: {
            query: {
              status: query.status,
              session_id: query.sessionId,
              limit: query.limit,
              offset: query.offset,
            },
          },
          signal,
        }),
      );
    },
    getTask(id: string, signal?: AbortSignal): Promise<TaskPublic> {
      return call(() => client.GET("/api/tasks/{task_id}", { params: { path: { task_id: id } }, signal }));
    },
    createTask(task: NewTask): Promise<TaskPublic> {
      return call(() =>
        client.POST("/api/tasks", {
          body: {
            description: task.description,
            session_id: task.sessionId ?? null,
            metadata: task.metadata ?? {},
            plan: task.plan ?? null,
          },
        }),
      );
    },
    cancelTask(id: string): Promise<TaskPublic> {
      return call(() => client.POST("/api/tasks/{task_id}/cancel", { params: { path: { task_id: id } } }));
    },
    listAgents(signal?: AbortSignal): Promise<AgentPublic[]> {
      return call(() => client.GET("/api/agents", { signal })).then((list) => list.items);
    },
    registerAgent(cardUrl: string): Promise<AgentPublic> {
      return call(() => client.POST("/api/agents", { body: { card_url: cardUrl } }));
    },
    async removeAgent(id: string): Promise<void> {
      await call(() => client.DELETE("/api/agents/{agent_id}", { params: { path: { agent_id: id } } }));
    },
    createSession(title: string): Promise<SessionPublic> {
      return call(() => client.POST("/api/sessions", { body: { title } }));
    },
    getSession(id: string, signal?: AbortSignal): Promise<SessionPublic> {
      return call(() =>
        client.GET("/api/sessions/{session_id}", { params: { path: { session_id: id } }, signal }),
      );
    },
    listMessages(id: string, signal?: AbortSignal): Promise<MessageList> {
      return call(() =>
        client.GET("/api/sessions/{session_id}/messages", {
          params: { path: { session_id: id }, query: { limit: 500 } },
          signal,
        }),
      );
    },
  };
}

export type Api = ReturnType<typeof createApi>;

/** The dashboard's API, on the origin that served it. */
export const api: Api = createApi();
