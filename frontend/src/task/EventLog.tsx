/** The task's event stream as it arrived: what changed, when. */
import type { TaskEvent } from "../api/types";
import { formatTime } from "../lib/format";

function describe(event: TaskEvent): string {
  const data = event.data;
  const parts: string[] = [];
  if (typeof data.agent === "string") parts.push(data.agent);
  if (typeof data.attempt === "number") parts.push(`attempt ${data.attempt}`);
  if (typeof data.url === "string") parts.push(data.url);
  if (typeof data.planner === "string") parts.push(`planner ${data.planner}`);
  if (typeof data.error === "string" && data.error) parts.push(data.error);
  // Why a step was skipped (a workflow step's condition, or a step it needs was skipped).
  if (event.type === "step.skipped" && typeof data.reason === "string") parts.push(data.reason);
  return parts.join(" · ");
}

export function EventLog({ events }: { events: TaskEvent[] }) {
  if (events.length === 0) return <p className="muted">No events yet.</p>;
  return (
    <ol className="event-log">
      {events.map((event) => (
        <li key={event.id}>
          <time dateTime={event.created_at}>{formatTime(event.created_at)}</time>
          <code>{event.type}</code>
          {event.step_id ? <span className="step-id">{event.step_id}</span> : null}
          <span className="muted">{describe(event)}</span>
        </li>
      ))}
    </ol>
  );
}
