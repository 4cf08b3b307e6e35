/** Tasks: newest first, filtered by status, searched by text, paged, refreshed live. */
import { useCallback } from "react";
import { Link, useSearchParams } from "react-router";

import { api } from "../api/client";
import { TASK_STATUSES, type TaskList, type TaskStatus } from "../api/types";
import { Pagination } from "../components/Pagination";
import { Empty, ErrorState, Loading } from "../components/States";
import { TaskTable } from "../components/TaskTable";
import { useResource } from "../hooks/useResource";

export const PAGE_SIZE = 20;
/** The API has no text search: a search looks through this many newest tasks (the API's most). */
export const SEARCH_WINDOW = 200;
const REFRESH_MS = 2000;

function matches(description: string, id: string, search: string): boolean {
  const needle = search.toLowerCase();
  return description.toLowerCase().includes(needle) || id.startsWith(needle);
}

export function TasksPage() {
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") ?? "") as TaskStatus | "";
  const search = params.get("q") ?? "";
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };

  const load = useCallback(
    async (signal: AbortSignal): Promise<TaskList> => {
      const filter = status || undefined;
      if (!search) return api.listTasks({ status: filter, limit: PAGE_SIZE, offset }, signal);
      const window = await api.listTasks({ status: filter, limit: SEARCH_WINDOW }, signal);
      const found = window.items.filter((task) => matches(task.description, task.id, search));
      return { items: found.slice(offset, offset + PAGE_SIZE), total: found.length, limit: PAGE_SIZE, offset };
    },
    [status, search, offset],
  );
  const tasks = useResource(load, `${status}|${search}|${offset}`, REFRESH_MS);

  return (
    <section aria-labelledby="tasks-title">
      <div className="page-head">
        <h1 id="tasks-title">Tasks</h1>
        <Link className="button primary" to="/tasks/new">
          New task
        </Link>
      </div>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Status
          <select value={status} onChange={(event) => update({ status: event.target.value, offset: "" })}>
            <option value="">All</option>
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Search
          <input
            type="search"
            placeholder="Description words or task id"
            value={search}
            onChange={(event) => update({ q: event.target.value, offset: "" })}
          />
        </label>
      </form>
      {tasks.error && !tasks.data ? <ErrorState error={tasks.error} onRetry={tasks.reload} /> : null}
      {tasks.loading ? <Loading label="Loading tasks…" /> : null}
      {tasks.data && tasks.data.total === 0 ? (
        status || search ? (
          <Empty title="No task matches these filters.">
            <button type="button" onClick={() => update({ status: "", q: "", offset: "" })}>
              Clear filters
            </button>
          </Empty>
        ) : (
          <Empty title="No tasks yet.">
            <p>
              Describe what you need in plain language: <Link to="/tasks/new">start a task</Link>.
            </p>
          </Empty>
        )
      ) : null}
      {tasks.data && tasks.data.total > 0 ? (
        <>
          {tasks.error ? <p className="warning" role="status">Live updates paused: {tasks.error.message}</p> : null}
          <TaskTable tasks={tasks.data.items} />
          <Pagination
            offset={offset}
            limit={PAGE_SIZE}
            total={tasks.data.total}
            onOffset={(next) => update({ offset: next ? String(next) : "" })}
          />
          {search ? <p className="muted small">Search looks through the {SEARCH_WINDOW} newest tasks.</p> : null}
        </>
      ) : null}
    </section>
  );
}
