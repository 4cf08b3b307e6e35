/**
 * A workflow's cron schedules: each with its next times, its last run and error, pause or
 * resume and delete; and the form that makes one (cron, time zone, fixed inputs, policies).
 * The server checks the cron, the zone and the inputs; its answer is shown by field.
 */
import { useCallback, useId, useState, type FormEvent } from "react";
import { Link } from "react-router";

import { api, ApiError, problemsOf, type Problem } from "../api/client";
import type { ScheduleCreate, SchedulePublic, WorkflowPublic } from "../api/types";
import { ErrorState, Loading } from "../components/States";
import { useResource } from "../hooks/useResource";
import { formatRelative, formatTime, shortId } from "../lib/format";

const REFRESH_MS = 10000;

/** The zones the browser knows, for the time zone field's suggestions. */
function zones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  try {
    return ["UTC", ...(intl.supportedValuesOf?.("timeZone") ?? [])];
  } catch {
    return ["UTC"];
  }
}

function When({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <>—</>;
  return (
    <time dateTime={iso} title={formatTime(iso)}>
      {formatTime(iso)}
    </time>
  );
}

function ScheduleRow({
  workflowId,
  schedule,
  onChanged,
}: {
  workflowId: string;
  schedule: SchedulePublic;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const what = `schedule ${schedule.cron}`;

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onChanged();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <li className="schedule" data-schedule-id={schedule.id} aria-label={what}>
      <div className="schedule-head">
        <code className="schedule-cron">{schedule.cron}</code>
        <span className="muted small">{schedule.timezone}</span>
        <span className={`badge ${schedule.paused ? "status-skipped" : "status-completed"}`}>{schedule.paused ? "Paused" : "Active"}</span>
        <span className="schedule-actions">
          {schedule.paused ? (
            <button type="button" disabled={busy} onClick={() => act(() => api.resumeSchedule(workflowId, schedule.id))}>
              Resume
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => act(() => api.pauseSchedule(workflowId, schedule.id))}>
              Pause
            </button>
          )}
          {confirming ? (
            <span role="group" aria-label="Confirm deletion">
              <button type="button" className="danger" disabled={busy} onClick={() => act(() => api.deleteSchedule(workflowId, schedule.id))}>
                Delete schedule
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)} aria-label={`Delete ${what}…`}>
              Delete…
            </button>
          )}
        </span>
      </div>
      <dl className="facts schedule-facts">
        <div>
          <dt>Next run</dt>
          <dd>{schedule.paused ? "— (paused)" : <When iso={schedule.next_fire_at} />}</dd>
        </div>
        <div>
          <dt>Last run</dt>
          <dd>
            {schedule.last_task_id ? (
              <Link to={`/tasks/${schedule.last_task_id}`}>
                {shortId(schedule.last_task_id)}, {formatRelative(schedule.last_fire_at)}
              </Link>
            ) : (
              "none yet"
            )}
          </dd>
        </div>
        <div>
          <dt>Inputs</dt>
          <dd>
            <code>{JSON.stringify(schedule.inputs)}</code>
          </dd>
        </div>
        <div>
          <dt>Missed times</dt>
          <dd>{schedule.catch_up === "run_once" ? "one run for all" : "skipped"}</dd>
        </div>
        <div>
          <dt>While a run goes on</dt>
          <dd>{schedule.overlap === "queue" ? "run anyway" : "skip the time"}</dd>
        </div>
        <div>
          <dt>Times skipped</dt>
          <dd>{schedule.skipped}</dd>
        </div>
      </dl>
      {schedule.last_error ? (
        <p className="warning small" role="status">
          Last time started no run: {schedule.last_error}
        </p>
      ) : null}
      {!schedule.paused && schedule.preview.length > 0 ? (
        <details className="schedule-preview">
          <summary>Next {schedule.preview.length} runs</summary>
          <ol aria-label={`Next runs of ${what}`}>
            {schedule.preview.map((time) => (
              <li key={time}>
                <When iso={time} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function NewSchedule({ workflow, onMade }: { workflow: WorkflowPublic; onMade: (made: SchedulePublic) => void }) {
  const id = useId();
  const [cron, setCron] = useState("");
  const [timezone, setTimezone] = useState("UTC");
  const [inputs, setInputs] = useState("{}");
  const [catchUp, setCatchUp] = useState<ScheduleCreate["catch_up"]>("skip");
  const [overlap, setOverlap] = useState<ScheduleCreate["overlap"]>("skip");
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<string>();
  const [zoneList] = useState(zones);
  const properties = Object.keys((workflow.input_schema.properties as Record<string, unknown> | undefined) ?? {});
  const required = new Set((workflow.input_schema.required as string[] | undefined) ?? []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setProblems([]);
    let parsed: unknown;
    try {
      parsed = JSON.parse(inputs || "{}");
    } catch (cause) {
      setProblems([{ field: "inputs", problem: `not JSON: ${(cause as Error).message}` }]);
      return;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      setProblems([{ field: "inputs", problem: "must be a JSON object of the inputs by name" }]);
      return;
    }
    setBusy(true);
    try {
      const made = await api.createSchedule(workflow.id, {
        cron: cron.trim(),
        timezone: timezone.trim() || "UTC",
        inputs: parsed as Record<string, unknown>,
        catch_up: catchUp,
        overlap,
      });
      setCron("");
      onMade(made);
    } catch (cause) {
      const listed = problemsOf(cause);
      if (listed.length > 0) setProblems(listed);
      else setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  }

  /** The problems of one field: `cron`, `timezone`, `inputs` (and `inputs.<name>...`). */
  const of = (field: string) =>
    problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`));
  const others = problems.filter((p) => !["cron", "timezone", "inputs"].some((f) => of(f).includes(p)));

  function Problems({ field }: { field: string }) {
    const found = of(field);
    if (found.length === 0) return null;
    return (
      <ul id={`${id}-${field}-problems`} className="field-error error-text small">
        {found.map((p) => (
          <li key={p.field + p.problem}>
            {p.field !== field ? <code>{p.field}</code> : null} {p.problem}
          </li>
        ))}
      </ul>
    );
  }
  const invalid = (field: string) => (of(field).length > 0 ? { "aria-invalid": true, "aria-describedby": `${id}-${field}-problems` } : {});

  return (
    <form className="schedule-form" onSubmit={submit} aria-label="New schedule">
      <h3>New schedule</h3>
      <div className="run-field">
        <label htmlFor={`${id}-cron`}>Cron</label>
        <input
          id={`${id}-cron`}
          value={cron}
          required
          placeholder="30 9 * * 1-5"
          onChange={(event) => setCron(event.target.value)}
          {...invalid("cron")}
        />
        <p className="muted small">
          minute hour day month weekday (<code>30 9 * * 1-5</code>: 9:30 on weekdays), six fields with seconds first, or{" "}
          <code>@daily</code>, <code>@hourly</code>…
        </p>
        <Problems field="cron" />
      </div>
      <div className="run-field">
        <label htmlFor={`${id}-timezone`}>Time zone</label>
        <input
          id={`${id}-timezone`}
          value={timezone}
          list={`${id}-zones`}
          onChange={(event) => setTimezone(event.target.value)}
          {...invalid("timezone")}
        />
        <datalist id={`${id}-zones`}>
          {zoneList.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <Problems field="timezone" />
      </div>
      <div className="run-field">
        <label htmlFor={`${id}-inputs`}>Inputs (JSON)</label>
        <textarea id={`${id}-inputs`} rows={3} value={inputs} onChange={(event) => setInputs(event.target.value)} {...invalid("inputs")} />
        {properties.length > 0 ? (
          <p className="muted small">
            Every run's inputs:{" "}
            {properties.map((name, index) => (
              <span key={name}>
                {index > 0 ? ", " : ""}
                <code>{name}</code>
                {required.has(name) ? " (required)" : ""}
              </span>
            ))}
            ; those left out take their defaults.
          </p>
        ) : null}
        <Problems field="inputs" />
      </div>
      <div className="field-row">
        <div className="run-field">
          <label htmlFor={`${id}-catch-up`}>Times missed while stopped</label>
          <select id={`${id}-catch-up`} value={catchUp} onChange={(event) => setCatchUp(event.target.value as ScheduleCreate["catch_up"])}>
            <option value="skip">Skip them</option>
            <option value="run_once">One run for all of them</option>
          </select>
        </div>
        <div className="run-field">
          <label htmlFor={`${id}-overlap`}>A time while the last run goes on</label>
          <select id={`${id}-overlap`} value={overlap} onChange={(event) => setOverlap(event.target.value as ScheduleCreate["overlap"])}>
            <option value="skip">Skip it</option>
            <option value="queue">Run anyway</option>
          </select>
        </div>
      </div>
      {others.length > 0 ? (
        <ul className="field-error error-text small" role="alert">
          {others.map((p) => (
            <li key={p.field + p.problem}>
              <code>{p.field}</code> {p.problem}
            </li>
          ))}
        </ul>
      ) : null}
      {problems.length > 0 && others.length === 0 ? (
        <p className="error-text" role="alert">
          The schedule was not made: see the fields above.
        </p>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy || !cron.trim()}>
        {busy ? "Making…" : "Make schedule"}
      </button>
    </form>
  );
}

export function Schedules({ workflow }: { workflow: WorkflowPublic }) {
  const schedules = useResource(
    useCallback((signal: AbortSignal) => api.listSchedules(workflow.id, signal), [workflow.id]),
    `schedules|${workflow.id}`,
    REFRESH_MS,
  );
  const [made, setMade] = useState<SchedulePublic>();

  return (
    <div className="schedules">
      {schedules.error && !schedules.data ? <ErrorState error={schedules.error} onRetry={schedules.reload} /> : null}
      {schedules.loading ? <Loading label="Loading schedules…" /> : null}
      {schedules.data && schedules.data.items.length === 0 ? <p className="muted">No schedules: it runs when started.</p> : null}
      {schedules.data && schedules.data.items.length > 0 ? (
        <ul className="schedule-list" aria-label="Schedules">
          {schedules.data.items.map((schedule) => (
            <ScheduleRow key={schedule.id} workflowId={workflow.id} schedule={schedule} onChanged={schedules.reload} />
          ))}
        </ul>
      ) : null}
      {made ? (
        <p className="success-text small" role="status">
          Schedule <code>{made.cron}</code> made; it next runs {made.next_fire_at ? formatTime(made.next_fire_at) : "—"}.
        </p>
      ) : null}
      <NewSchedule
        workflow={workflow}
        onMade={(schedule) => {
          setMade(schedule);
          schedules.reload();
        }}
      />
    </div>
  );
}
