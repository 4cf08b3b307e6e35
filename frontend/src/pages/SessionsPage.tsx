/** Sessions: conversations whose history informs the planner; start a new one. */
import { useCallback, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";

import { api, ApiError } from "../api/client";
import { Empty, ErrorState, Loading } from "../components/States";
import { useResource } from "../hooks/useResource";
import { formatRelative, formatTime, shortId } from "../lib/format";
import { listSessions, rememberSession, sessionLabel } from "../lib/sessions";

export function SessionsPage() {
  const navigate = useNavigate();
  const sessions = useResource(useCallback((signal: AbortSignal) => listSessions(api, signal), []), "sessions", 5000);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string>();

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const session = await api.createSession(title.trim());
      rememberSession(session.id);
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
      {sessions.data && sessions.data.length === 0 ? (
        <Empty title="No sessions yet.">
          <p>
            A session is a conversation: tasks in it see the earlier tasks and results. Start one above, or pick
            one when you <Link to="/tasks/new">start a task</Link>.
          </p>
        </Empty>
      ) : null}
      {sessions.data && sessions.data.length > 0 ? (
        <ul className="session-list">
          {sessions.data.map((session) => (
            <li key={session.id} className="panel session-item">
              <Link to={`/sessions/${session.id}`} className="session-link">
                {sessionLabel(session)}
              </Link>
              <span className="muted small">
                <code>{shortId(session.id)}</code> · {session.tasks} tasks · {session.messages} messages ·{" "}
                <time dateTime={session.created_at} title={formatTime(session.created_at)}>
                  {formatRelative(session.created_at)}
                </time>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted small">
        Listed: sessions of the 200 newest tasks and the sessions started in this browser.
      </p>
    </section>
  );
}
