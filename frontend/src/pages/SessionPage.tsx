/** One session: its messages (tasks asked, results given) and the tasks it produced. */
import { useCallback } from "react";
import { Link, useNavigate, useParams } from "react-router";

import { api, ApiError } from "../api/client";
import { DeleteButton } from "../components/DeleteButton";
import { Markdown } from "../components/Markdown";
import { Empty, ErrorState, Loading } from "../components/States";
import { TaskTable } from "../components/TaskTable";
import { useResource } from "../hooks/useResource";
import { count, formatTime, shortId } from "../lib/format";
import { sessionLabel } from "../lib/sessions";

const REFRESH_MS = 3000;

export function SessionPage() {
  const { sessionId = "" } = useParams();
  const navigate = useNavigate();
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [session, messages, tasks] = await Promise.all([
        api.getSession(sessionId, signal),
        api.listMessages(sessionId, signal),
        api.listTasks({ sessionId, limit: 200 }, signal),
      ]);
      return { session, messages: messages.items, tasks: tasks.items };
    },
    [sessionId],
  );
  const view = useResource(load, sessionId, REFRESH_MS);

  if (!view.data) {
    if (view.error instanceof ApiError && view.error.status === 404) {
      return (
        <Empty title="There is no such session.">
          <p>
            <Link to="/sessions">All sessions</Link>
          </p>
        </Empty>
      );
    }
    if (view.error) return <ErrorState error={view.error} onRetry={view.reload} />;
    return <Loading label="Loading the session…" />;
  }
  const { session, messages, tasks } = view.data;

  return (
    <article aria-labelledby="session-title">
      <p className="breadcrumbs">
        <Link to="/sessions">Sessions</Link> / <code>{shortId(session.id)}</code>
      </p>
      <div className="page-head">
        <h1 id="session-title">{sessionLabel(session)}</h1>
        <div className="page-actions">
          <Link className="button primary" to={`/tasks/new?session=${session.id}`}>
            New task in this session
          </Link>
          <DeleteButton
            what="session"
            warning={`Its ${count(session.messages, "message")} and ${count(session.tasks, "task")} go too; running ones are canceled.`}
            onDelete={() => api.deleteSession(session.id)}
            onDeleted={() => navigate("/sessions", { replace: true })}
          />
        </div>
      </div>
      <p className="muted">
        Started {formatTime(session.created_at)} · {session.tasks} tasks · {session.messages} messages
      </p>
      <section aria-labelledby="messages-title" className="panel">
        <h2 id="messages-title">Messages</h2>
        {messages.length === 0 ? (
          <p className="muted">No messages yet: start a task in this session.</p>
        ) : (
          <ol className="messages">
            {messages.map((message) => (
              <li key={message.id} className={`message message-${message.role}`}>
                <div className="message-meta">
                  <strong>{message.role === "user" ? "You" : message.role}</strong>
                  <time dateTime={message.created_at}>{formatTime(message.created_at)}</time>
                  {message.task_id ? <Link to={`/tasks/${message.task_id}`}>task {shortId(message.task_id)}</Link> : null}
                </div>
                {message.role === "user" ? <p>{message.content}</p> : <Markdown text={message.content} />}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="session-tasks-title" className="panel">
        <h2 id="session-tasks-title">Tasks</h2>
        {tasks.length === 0 ? <p className="muted">No task in this session yet.</p> : <TaskTable tasks={tasks} />}
      </section>
    </article>
  );
}
