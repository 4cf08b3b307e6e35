/** Gantt-like bars: when each step started and ended on the task's clock, with its attempts. */
import type { StepPublic, TaskEvent } from "../api/types";
import { formatDuration } from "../lib/format";

function ms(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const value = new Date(iso).getTime();
  return Number.isNaN(value) ? undefined : value;
}

/** A step's sends to its agent in order, each marked as a reply (it follows the person's
 * answer to the agent's question) or a retry (it follows a failed attempt). */
function sendsOf(events: TaskEvent[], stepId: string) {
  const attempts: { event: TaskEvent; reply: boolean }[] = [];
  let replied = false;
  for (const event of events) {
    if (event.step_id !== stepId) continue;
    if (event.type === "step.replied") replied = true;
    if (event.type === "step.attempt") {
      attempts.push({ event, reply: attempts.length > 0 && replied });
      replied = false;
    }
  }
  const replies = attempts.filter((a) => a.reply).length;
  return { attempts, replies, retries: Math.max(attempts.length - 1 - replies, 0) };
}

export interface TimelineProps {
  steps: StepPublic[];
  events: TaskEvent[];
  taskStartedAt: string | null;
  now: number;
}

export function Timeline({ steps, events, taskStartedAt, now }: TimelineProps) {
  const starts = steps.map((s) => ms(s.started_at)).filter((v): v is number => v !== undefined);
  if (starts.length === 0) {
    return <p className="muted">No step has started yet.</p>;
  }
  const origin = Math.min(ms(taskStartedAt) ?? Infinity, ...starts);
  const ends = steps.map((s) => ms(s.finished_at) ?? (s.status === "running" ? now : ms(s.started_at)) ?? origin);
  const span = Math.max(Math.max(...ends) - origin, 1);
  const pct = (value: number) => `${(((value - origin) / span) * 100).toFixed(2)}%`;

  return (
    <div className="timeline" role="list" aria-label="Step timeline">
      {steps.map((step, index) => {
        const start = ms(step.started_at);
        const end = ends[index] ?? now;
        const { attempts, retries, replies } = sendsOf(events, step.id);
        const label =
          start === undefined
            ? `${step.id} ${step.status}`
            : `${step.id} ${step.status}, started ${formatDuration(start - origin)} in, ` +
              `took ${formatDuration(end - start)}, ${step.attempts} attempt${step.attempts === 1 ? "" : "s"}`;
        return (
          <div className="timeline-row" role="listitem" key={step.id} aria-label={label}>
            <span className="timeline-label" title={step.title}>
              <span className="step-id">{step.id}</span> {step.title}
            </span>
            <span className="timeline-track">
              {start === undefined ? (
                <span className="timeline-waiting">{step.status}</span>
              ) : (
                <span
                  className={`timeline-bar status-${step.status}`}
                  style={{ left: pct(start), width: `max(${(((end - start) / span) * 100).toFixed(2)}%, 3px)` }}
                  title={label}
                >
                  {attempts.slice(1).map(({ event, reply }) => {
                    const at = ms(event.created_at) ?? start;
                    return (
                      <span
                        key={event.id}
                        className={reply ? "timeline-reply" : "timeline-retry"}
                        style={{ left: `${(((at - start) / Math.max(end - start, 1)) * 100).toFixed(2)}%` }}
                        title={`${reply ? "reply sent" : "retry"} at ${formatDuration(at - origin)}`}
                      />
                    );
                  })}
                </span>
              )}
            </span>
            <span className="timeline-figure">
              {start === undefined ? "" : formatDuration(end - start)}
              {retries > 0 ? <span className="retries"> ×{retries + 1}</span> : null}
              {replies > 0 ? <span className="replies"> ↩{replies}</span> : null}
            </span>
          </div>
        );
      })}
      <div className="timeline-axis" aria-hidden="true">
        <span>0</span>
        <span>{formatDuration(span / 2)}</span>
        <span>{formatDuration(span)}</span>
      </div>
    </div>
  );
}
