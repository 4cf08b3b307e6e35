/** New task: a description in plain language, optionally in a session; then its page. */
import { useCallback, useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";

import { api, ApiError } from "../api/client";
import { useResource } from "../hooks/useResource";
import { recentSessions, sessionLabel } from "../lib/sessions";

const EXAMPLES = [
  "Summarize the main arguments for and against remote work and compute the average of 3, 5 and 10",
  "Compute the median of 4, 8, 15 and 16, then write a short report based on it",
  "Extract the keywords and the sentiment of: The new release is fast, friendly and a joy to use.",
];
const NEW_SESSION = "__new__";
const MAX_DESCRIPTION = 20000;

export function NewTaskPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [description, setDescription] = useState("");
  const [session, setSession] = useState(params.get("session") ?? "");
  const [sessionTitle, setSessionTitle] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const sessions = useResource(useCallback((signal: AbortSignal) => recentSessions(api, signal), []), "sessions");

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!description.trim()) {
      setError("Describe the task first.");
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      let sessionId = session || undefined;
      if (session === NEW_SESSION) {
        const created = await api.createSession(sessionTitle.trim());
        sessionId = created.id;
      }
      const task = await api.createTask({ description: description.trim(), sessionId });
      navigate(`/tasks/${task.id}`);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
      setSubmitting(false);
    }
  }

  const known = sessions.data ?? [];
  const preselected = session && session !== NEW_SESSION && !known.some((s) => s.id === session);

  return (
    <section aria-labelledby="new-task-title" className="narrow">
      <h1 id="new-task-title">New task</h1>
      <p className="lead">
        Say what you need in plain language. Orchestra plans it into steps, gives each step to an agent
        with the right capability, and runs independent steps in parallel.
      </p>
      <form className="stack" onSubmit={submit} noValidate>
        <label htmlFor="description">Task</label>
        <textarea
          id="description"
          name="description"
          rows={6}
          maxLength={MAX_DESCRIPTION}
          value={description}
          placeholder={EXAMPLES[0]}
          onChange={(event) => setDescription(event.target.value)}
          aria-invalid={error !== undefined && !description.trim()}
          aria-describedby="description-help"
          required
        />
        <div id="description-help" className="examples">
          <span className="muted small">Examples:</span>
          {EXAMPLES.map((example) => (
            <button type="button" className="chip" key={example} onClick={() => setDescription(example)}>
              {example}
            </button>
          ))}
        </div>
        <label htmlFor="session">Session (optional)</label>
        <select id="session" value={session} onChange={(event) => setSession(event.target.value)}>
          <option value="">No session</option>
          {preselected ? <option value={session}>Session {session.slice(0, 8)}</option> : null}
          {known.map((s) => (
            <option key={s.id} value={s.id}>
              {sessionLabel(s)}
            </option>
          ))}
          <option value={NEW_SESSION}>New session…</option>
        </select>
        {sessions.error ? <p className="muted small">Could not load sessions: {sessions.error.message}</p> : null}
        <p className="muted small">In a session, the earlier tasks and results inform the plan.</p>
        {session === NEW_SESSION ? (
          <>
            <label htmlFor="session-title">Title of the new session</label>
            <input
              id="session-title"
              value={sessionTitle}
              maxLength={200}
              onChange={(event) => setSessionTitle(event.target.value)}
              placeholder="e.g. Quarterly report"
            />
          </>
        ) : null}
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
        <div>
          <button type="submit" className="primary" disabled={submitting}>
            {submitting ? "Starting…" : "Run task"}
          </button>
        </div>
      </form>
    </section>
  );
}
