/**
 * The dashboard's one way to the orchestrator's REST API: typed by the paths generated from
 * `openapi.json`, every failure turned into an `ApiError` with the API's stable error code.
 * Every request carries the API key, if there is one (`Authorization: Bearer`); a 401 asks for one.
 */
import createClient from "openapi-fetch";

import { apiKey, authHeaders, reportUnauthorized } from "./auth";
import type { paths } from "./schema";
import type {
  AgentPublic,
  Balancing,
  DocumentList,
  DocumentPublic,
  MessageList,
  ModelList,
  PassagePublic,
  Plan,
  PlanVersionList,
  SessionList,
  SessionPublic,
  TaskList,
  TaskPublic,
  TaskStatus,
  HookPublic,
  HookSecret,
  ScheduleCreate,
  ScheduleList,
  SchedulePublic,
  WorkflowDefinition,
  WorkflowList,
  WorkflowPublic,
  WorkflowVersionList,
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

export interface PageQuery {
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface NewTask {
  description: string;
  sessionId?: string | undefined;
  metadata?: Record<string, unknown> | undefined;
  plan?: Plan | undefined;
}

export interface NewRun {
  inputs: Record<string, unknown>;
  sessionId?: string | undefined;
}

/** One problem of a refused request (422): where (`steps.1.capability`, `inputs.numbers.1`) and what. */
export interface Problem {
  field: string;
  problem: string;
}

/** The problems a 422 lists in `details.errors`, each with the field it names. */
export function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [];
  const errors = error.details.errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { field, problem } = entry as Record<string, unknown>;
    return typeof problem === "string" ? [{ field: typeof field === "string" ? field : "", problem }] : [];
  });
}

type Outcome<T> = { data?: T; error?: unknown; response: Response };

/** The API refused the key (or wanted one): 401. */
export function isUnauthorized(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 401;
}

/** The key is valid but may not do this (e.g. a `user` key managing agents): 403. */
export function isForbidden(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 403;
}

export function errorOf(response: Response, body: unknown): ApiError {
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

export interface ApiOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The key to send (default: the one signed in, see auth.ts). */
  key?: () => string | undefined;
  /** Called on every 401 (default: show the key prompt). */
  onUnauthorized?: (error: ApiError) => void;
}

export function createApi(options: ApiOptions = {}) {
  const key = options.key ?? apiKey;
  const onUnauthorized = options.onUnauthorized ?? ((error: ApiError) => reportUnauthorized(error.message));
  const client = createClient<paths>({
    // The origin that served the dashboard (absolute, so Request works outside browsers too).
    baseUrl: options.baseUrl ?? globalThis.location?.origin ?? "",
    // Looked up per call, so tests (and polyfills) may replace the global fetch.
    fetch: (request: Request) => {
      for (const [name, value] of Object.entries(authHeaders(key()))) request.headers.set(name, value);
      return (options.fetch ?? globalThis.fetch)(request);
    },
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
    if (!outcome.response.ok) {
      const error = errorOf(outcome.response, outcome.error);
      if (error.status === 401) onUnauthorized(error);
      throw error;
    }
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
    /**
     * The task once it differs from the copy whose ETag is `etag` (or has ended), after
     * `seconds` at the latest: `null` when it has not changed (304). One request per change
     * instead of polling; without an ETag it answers at once with the task as it is.
     */
    async waitTask(
      id: string,
      etag: string | undefined,
      seconds: number,
      signal?: AbortSignal,
    ): Promise<{ task: TaskPublic; etag: string } | null> {
      let response: Response | undefined;
      const task = await call(async () => {
        const outcome = await client.GET("/api/tasks/{task_id}", {
          params: {
            path: { task_id: id },
            query: { wait: etag ? seconds : 0 },
            header: etag ? { "if-none-match": etag } : {},
          },
          signal,
          // The ETag is ours to send: the browser's cache must not answer (or revalidate) it.
          cache: "no-store",
        });
        response = outcome.response;
        // 304 is not an error here: the task is as the caller has it.
        return outcome.response.status === 304 ? { data: undefined, response: new Response(null) } : outcome;
      });
      if (response === undefined || response.status === 304 || task === undefined) return null;
      return { task, etag: response.headers.get("etag") ?? "" };
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
    /** The versions of the task's plan (empty until it is replanned), oldest first. */
    getPlanVersions(id: string, signal?: AbortSignal): Promise<PlanVersionList> {
      return call(() => client.GET("/api/tasks/{task_id}/plans", { params: { path: { task_id: id } }, signal }));
    },
    /** Runs the plan of a task awaiting approval. */
    approvePlan(id: string, comment = ""): Promise<TaskPublic> {
      return call(() =>
        client.POST("/api/tasks/{task_id}/approve", { params: { path: { task_id: id } }, body: { comment } }),
      );
    },
    /** Cancels a task awaiting approval, with the comment as its error. */
    rejectPlan(id: string, comment = ""): Promise<TaskPublic> {
      return call(() =>
        client.POST("/api/tasks/{task_id}/reject", { params: { path: { task_id: id } }, body: { comment } }),
      );
    },
    /** Replaces the plan of a task awaiting approval (checked as a submitted plan). */
    replacePlan(id: string, plan: Plan): Promise<TaskPublic> {
      return call(() => client.POST("/api/tasks/{task_id}/plan", { params: { path: { task_id: id } }, body: plan }));
    },
    /** Approves an approval step waiting in input_required: the steps after it run. */
    approveStep(id: string, step: string, comment = ""): Promise<TaskPublic> {
      return call(() =>
        client.POST("/api/tasks/{task_id}/steps/{step_id}/approve", {
          params: { path: { task_id: id, step_id: step } },
          body: { comment },
        }),
      );
    },
    /** Rejects an approval step waiting in input_required (the comment says why): the task fails. */
    rejectStep(id: string, step: string, comment: string): Promise<TaskPublic> {
      return call(() =>
        client.POST("/api/tasks/{task_id}/steps/{step_id}/reject", {
          params: { path: { task_id: id, step_id: step } },
          body: { comment },
        }),
      );
    },
    /** Replies to the question of a step in input_required; its agent goes on with the reply. */
    replyToStep(id: string, step: string, text: string, data?: Record<string, unknown>): Promise<TaskPublic> {
      return call(() =>
        client.POST("/api/tasks/{task_id}/input", {
          params: { path: { task_id: id } },
          body: { step, text, data: data ?? null },
        }),
      );
    },
    cancelTask(id: string): Promise<TaskPublic> {
      return call(() => client.POST("/api/tasks/{task_id}/cancel", { params: { path: { task_id: id } } }));
    },
    /** Deletes the task with its steps, events and messages (a running one is canceled first). */
    async deleteTask(id: string): Promise<void> {
      await call(() => client.DELETE("/api/tasks/{task_id}", { params: { path: { task_id: id } } }));
    },
    /** Deletes the session with its messages and tasks. */
    async deleteSession(id: string): Promise<void> {
      await call(() => client.DELETE("/api/sessions/{session_id}", { params: { path: { session_id: id } } }));
    },
    listAgents(signal?: AbortSignal): Promise<AgentPublic[]> {
      return call(() => client.GET("/api/agents", { signal })).then((list) => list.items);
    },
    listModels(signal?: AbortSignal): Promise<ModelList> {
      return call(() => client.GET("/api/models", { signal }));
    },
    registerAgent(cardUrl: string): Promise<AgentPublic> {
      return call(() => client.POST("/api/agents", { body: { card_url: cardUrl } }));
    },
    setBalancing(id: string, balancing: Balancing | null): Promise<AgentPublic> {
      return call(() =>
        client.PATCH("/api/agents/{agent_id}", { params: { path: { agent_id: id } }, body: { balancing } }),
      );
    },
    async removeAgent(id: string): Promise<void> {
      await call(() => client.DELETE("/api/agents/{agent_id}", { params: { path: { agent_id: id } } }));
    },
    /** The caller's documents and the shared ones, newest first. */
    listDocuments(query: PageQuery = {}, signal?: AbortSignal): Promise<DocumentList> {
      return call(() =>
        client.GET("/api/documents", { params: { query: { limit: query.limit, offset: query.offset } }, signal }),
      );
    },
    /** Uploads a file; its text is extracted and cut into passages research steps read. */
    uploadDocument(file: File, shared = false): Promise<DocumentPublic> {
      const form = new FormData();
      form.append("file", file, file.name);
      if (shared) form.append("shared", "true");
      return call(() =>
        client.POST("/api/documents", {
          // The schema types the file as a string; the browser sends it as a multipart part.
          body: form as unknown as { file: string; shared: boolean },
          bodySerializer: (body) => body as unknown as FormData,
        }),
      );
    },
    /** The passages a research step of the caller's would read for `q`, best first. */
    searchDocuments(q: string, signal?: AbortSignal): Promise<PassagePublic[]> {
      return call(() => client.GET("/api/documents/search", { params: { query: { q } }, signal })).then(
        (found) => found.items,
      );
    },
    async deleteDocument(id: string): Promise<void> {
      await call(() => client.DELETE("/api/documents/{document_id}", { params: { path: { document_id: id } } }));
    },
    createSession(title: string): Promise<SessionPublic> {
      return call(() => client.POST("/api/sessions", { body: { title } }));
    },
    /** The caller's sessions, newest first. */
    listSessions(query: PageQuery = {}, signal?: AbortSignal): Promise<SessionList> {
      return call(() =>
        client.GET("/api/sessions", { params: { query: { limit: query.limit, offset: query.offset } }, signal }),
      );
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
    /** The caller's workflows, newest first. */
    listWorkflows(query: PageQuery = {}, signal?: AbortSignal): Promise<WorkflowList> {
      return call(() =>
        client.GET("/api/workflows", { params: { query: { limit: query.limit, offset: query.offset } }, signal }),
      );
    },
    getWorkflow(id: string, signal?: AbortSignal): Promise<WorkflowPublic> {
      return call(() =>
        client.GET("/api/workflows/{workflow_id}", { params: { path: { workflow_id: id } }, signal }),
      );
    },
    /** Save a new workflow (version 1); 422 `invalid_workflow` lists every problem. */
    createWorkflow(definition: WorkflowDefinition): Promise<WorkflowPublic> {
      return call(() => client.POST("/api/workflows", { body: definition }));
    },
    /** Save the whole definition as the workflow's next version. */
    updateWorkflow(id: string, definition: WorkflowDefinition): Promise<WorkflowPublic> {
      return call(() =>
        client.PUT("/api/workflows/{workflow_id}", { params: { path: { workflow_id: id } }, body: definition }),
      );
    },
    async deleteWorkflow(id: string): Promise<void> {
      await call(() => client.DELETE("/api/workflows/{workflow_id}", { params: { path: { workflow_id: id } } }));
    },
    /** Every version of the workflow, newest first. */
    listWorkflowVersions(id: string, query: PageQuery = {}, signal?: AbortSignal): Promise<WorkflowVersionList> {
      return call(() =>
        client.GET("/api/workflows/{workflow_id}/versions", {
          params: { path: { workflow_id: id }, query: { limit: query.limit, offset: query.offset } },
          signal,
        }),
      );
    },
    /** The workflow's runs (tasks), newest first. */
    listWorkflowRuns(id: string, query: PageQuery = {}, signal?: AbortSignal): Promise<TaskList> {
      return call(() =>
        client.GET("/api/workflows/{workflow_id}/runs", {
          params: { path: { workflow_id: id }, query: { limit: query.limit, offset: query.offset } },
          signal,
        }),
      );
    },
    /** Start a run of the newest version; 422 `invalid_inputs` names each wrong input. */
    runWorkflow(id: string, run: NewRun): Promise<TaskPublic> {
      return call(() =>
        client.POST("/api/workflows/{workflow_id}/runs", {
          params: { path: { workflow_id: id } },
          body: { inputs: run.inputs, session_id: run.sessionId ?? null },
        }),
      );
    },
    /** Save a task that has ended as a new workflow; its description's values become inputs. */
    saveTaskAsWorkflow(taskId: string, name: string): Promise<WorkflowPublic> {
      return call(() =>
        client.POST("/api/tasks/{task_id}/save-as-workflow", { params: { path: { task_id: taskId } }, body: { name } }),
      );
    },
    /** The workflow's cron schedules. */
    listSchedules(workflowId: string, signal?: AbortSignal): Promise<ScheduleList> {
      return call(() =>
        client.GET("/api/workflows/{workflow_id}/schedules", { params: { path: { workflow_id: workflowId } }, signal }),
      );
    },
    /** Make a schedule, active at once; 422 `invalid_schedule` / `invalid_inputs` say which field is wrong. */
    createSchedule(workflowId: string, schedule: ScheduleCreate): Promise<SchedulePublic> {
      return call(() =>
        client.POST("/api/workflows/{workflow_id}/schedules", {
          params: { path: { workflow_id: workflowId } },
          body: schedule,
        }),
      );
    },
    pauseSchedule(workflowId: string, scheduleId: string): Promise<SchedulePublic> {
      return call(() =>
        client.POST("/api/workflows/{workflow_id}/schedules/{schedule_id}/pause", {
          params: { path: { workflow_id: workflowId, schedule_id: scheduleId } },
        }),
      );
    },
    resumeSchedule(workflowId: string, scheduleId: string): Promise<SchedulePublic> {
      return call(() =>
        client.POST("/api/workflows/{workflow_id}/schedules/{schedule_id}/resume", {
          params: { path: { workflow_id: workflowId, schedule_id: scheduleId } },
        }),
      );
    },
    async deleteSchedule(workflowId: string, scheduleId: string): Promise<void> {
      await call(() =>
        client.DELETE("/api/workflows/{workflow_id}/schedules/{schedule_id}", {
          params: { path: { workflow_id: workflowId, schedule_id: scheduleId } },
        }),
      );
    },
    /** The workflow's webhook without its secrets; null when it has none. */
    async getHook(workflowId: string, signal?: AbortSignal): Promise<HookPublic | null> {
      try {
        return await call(() =>
          client.GET("/api/workflows/{workflow_id}/hooks", { params: { path: { workflow_id: workflowId } }, signal }),
        );
      } catch (cause) {
        if (cause instanceof ApiError && cause.code === "hook_not_found") return null;
        throw cause;
      }
    },
    /** Make the webhook, or rotate it (the old URL stops at once): its token and secret, shown this once. */
    rotateHook(workflowId: string, signed: boolean): Promise<HookSecret> {
      return call(() =>
        client.POST("/api/workflows/{workflow_id}/hooks", {
          params: { path: { workflow_id: workflowId } },
          body: { signed },
        }),
      );
    },
    async deleteHook(workflowId: string): Promise<void> {
      await call(() =>
        client.DELETE("/api/workflows/{workflow_id}/hooks", { params: { path: { workflow_id: workflowId } } }),
      );
    },
  };
}

export type Api = ReturnType<typeof createApi>;

/** The dashboard's API, on the origin that served it. */
export const api: Api = createApi();
