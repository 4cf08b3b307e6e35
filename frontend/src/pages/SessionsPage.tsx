/** Sessions: tasks given in a row, whose history informs the planner, newest first, paged; start a new one. */
import { useCallback, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";

import { api, ApiError } from "../api/client";
import { Pagination } from "../components/Pagination";
import { Empty, ErrorState, Loading } from "../components/States";
import { useResource } from "../hooks/useResource";
import { formatRelative, formatTime, shortId } from "../lib/format";
import { sessionLabel } from "../lib/sessions";

export const SESSIONS_PAGE_SIZE = 20;
const REFRESH_MS = 5000;

export function SessionsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const sessions = useResource(
    useCallback((signal: AbortSignal) => api.listSessions({ limit: SESSIONS_PAGE_SIZE, offset }, signal), [offset]),
    `sessions|${offset}`,
    REFRESH_MS,
  );
  const items = sessions.data?.items;
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string>();

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const session = await api.createSession(title.trim());
      navigate(`/sessions/${session.id}`);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    }
  }

  return (
    <section aria-labelledby="sessions-title">
      <div className="page-head">
        <h1 id="sessions-title">Sessions</h1>
      </div>
      <form className="inline-form panel" onSubmit={create} aria-label="New session">
        <label htmlFor="new-session-title" className="visually-hidden">
          Title of the new session
        </label>
        <input
          id="new-session-title"
          placeholder="Title of a new session, e.g. Quarterly report"
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <button type="submit" className="primary">
          New session
        </button>
      </form>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {sessions.error && !sessions.data ? <ErrorState error={sessions.error} onRetry={sessions.reload} /> : null}
      {sessions.loading ? <Loading label="Loading sessions…" /> : null}
      {sessions.error && sessions.data ? (
        <p className="warning" role="status">
          Live updates paused: {sessions.error.message}
        </p>
      ) : null}
      {items && items.length === 0 && offset === 0 ? (
        <Empty title="No sessions yet.">
          <p>
            A session holds tasks given in a row: tasks in it see the earlier tasks and results. Start one above, or pick
            one when you <Link to="/tasks/new">start a task</Link>.
          </p>
        </Empty>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="session-list">
          {items.map((session) => (
            <li key={session.id} className="panel session-item">
              <Link to={`/sessions/${session.id}`} className="session-link">
                {sessionLabel(session)}
              </Link>
              <span className="muted small">
                <code>{shortId(session.id)}</code> · started{" "}
                <time dateTime={session.created_at} title={formatTime(session.created_at)}>
                  {formatRelative(session.created_at)}
                </time>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {sessions.data ? (
        <Pagination
          offset={offset}
          limit={SESSIONS_PAGE_SIZE}
          total={sessions.data.total}
          onOffset={(next) => setParams(next > 0 ? { offset: String(next) } : {}, { replace: true })}
        />
      ) : null}
    </section>
  );
}
