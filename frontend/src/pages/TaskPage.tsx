/** One task, live: header, plan graph, result, timeline, steps in full, event log. */
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";

import { ApiError } from "../api/client";
import { isTerminal, STEP_STATUSES } from "../api/types";
import { DataView } from "../components/DataView";
import { Markdown } from "../components/Markdown";
import { Empty, ErrorState, Loading } from "../components/States";
import { useMediaQuery } from "../hooks/useMediaQuery";
import { useNow } from "../hooks/useNow";
import { EventLog } from "../task/EventLog";
import { StepCard } from "../task/StepCard";
import { StepApproval } from "../task/StepApproval";
import { StepQuestion } from "../task/StepQuestion";
import { TaskGraph } from "../task/TaskGraph";
import { PlanReview } from "../task/PlanReview";
import { PlanVersions } from "../task/PlanVersions";
import { TaskHeader } from "../task/TaskHeader";
import { Timeline } from "../task/Timeline";
import { useTaskLive } from "../task/useTaskLive";

export function TaskPage() {
  const { taskId = "" } = useParams();
  const live = useTaskLive(taskId);
  const navigate = useNavigate();
  const [selected, setSelected] = useState<string>();
  const phone = useMediaQuery("(max-width: 700px)");
  const task = live.task;
  const now = useNow(task !== undefined && !isTerminal(task.status));

  if (!task) {
    if (live.error instanceof ApiError && live.error.status === 404) {
      return (
        <Empty title="There is no such task.">
          <p>
            It may have been deleted, or created on another orchestrator. <Link to="/tasks">All tasks</Link>
          </p>
        </Empty>
      );
    }
    if (live.error) return <ErrorState error={live.error} onRetry={live.reload} />;
    return <Loading label="Loading the task…" />;
  }

  const hasResultData = task.result_data !== null && Object.keys(task.result_data).length > 0;
  return (
    <article className="task-page" aria-labelledby="task-title">
      <TaskHeader
        task={task}
        stream={live.stream}
        now={now}
        onCanceled={live.replace}
        onDeleted={() => navigate("/tasks", { replace: true })}
      />
      {live.error ? <p className="warning" role="status">Could not refresh: {live.error.message}</p> : null}
      {task.status === "awaiting_approval" ? <PlanReview task={task} onChanged={live.replace} /> : null}
      {task.steps
        .filter((step) => step.status === "input_required")
        .map((step) =>
          step.kind === "approval" ? (
            <StepApproval key={step.id} task={task} step={step} onChanged={live.replace} />
          ) : (
            <StepQuestion key={step.id} task={task} step={step} onChanged={live.replace} />
          ),
        )}
      {task.error ? (
        <div className="error-box" role="alert">
          <h2>Why it {task.status === "canceled" ? "stopped" : "failed"}</h2>
          <p>{task.error}</p>
        </div>
      ) : null}

      <section aria-labelledby="plan-title" className="panel">
        <h2 id="plan-title">Plan</h2>
        {task.steps.length === 0 ? (
          isTerminal(task.status) ? (
            <p className="muted">This task has no plan.</p>
          ) : (
            <Loading label="Planning…" />
          )
        ) : (
          <TaskGraph steps={task.steps} selected={selected} onSelect={setSelected} vertical={phone} />
        )}
        <Legend />
      </section>

      <PlanVersions taskId={task.id} replans={live.events.filter((event) => event.type === "task.replanned").length} />

      {task.steps.length > 0 ? (
        <section aria-labelledby="timeline-title" className="panel">
          <h2 id="timeline-title">Timeline</h2>
          <Timeline steps={task.steps} events={live.events} taskStartedAt={task.started_at} now={now} />
        </section>
      ) : null}

      {task.result || hasResultData ? (
        <section aria-labelledby="result-title" className="panel result">
          <h2 id="result-title">Result</h2>
          {task.result ? <Markdown text={task.result} /> : null}
          {hasResultData ? (
            <details className="data-part">
              <summary>Result data</summary>
              <DataView value={task.result_data} />
            </details>
          ) : null}
        </section>
      ) : null}

      {task.steps.length > 0 ? (
        <section aria-labelledby="steps-title" className="panel">
          <h2 id="steps-title">Steps</h2>
          <div className="step-list">
            {task.steps.map((step) => (
              <StepCard
                key={step.id}
                step={step}
                events={live.events}
                selected={step.id === selected}
                liveText={live.liveText[step.id]}
              />
            ))}
          </div>
        </section>
      ) : null}

      <details className="panel events-panel">
        <summary>
          <h2>Events ({live.events.length})</h2>
        </summary>
        <EventLog events={live.events} />
      </details>
    </article>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label="Colors">
      {STEP_STATUSES.map((state) => (
        <li key={state}>
          <span className={`legend-swatch status-${state}`} aria-hidden="true" /> {state.replace(/_/g, " ")}
        </li>
      ))}
    </ul>
  );
}
