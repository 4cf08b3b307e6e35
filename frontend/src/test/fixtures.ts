/** Builders of API objects for tests, valid against the generated types. */
import type {
  AgentPublic,
  ModelList,
  StepPublic,
  TaskEvent,
  TaskPublic,
  TaskSummary,
  HookPublic,
  SchedulePublic,
  WorkflowDefinition,
  WorkflowPublic,
  WorkflowVersionPublic,
} from "../api/types";

export function makeStep(overrides: Partial<StepPublic> = {}): StepPublic {
  return {
    id: "s1",
    title: "Compute the average",
    instruction: "Compute the average of 3, 5 and 10.",
    capability: "statistics",
    depends_on: [],
    expected_output: "The average",
    kind: "agent",
    profile: null,
    consensus: null,
    participant: null,
    status: "completed",
    agent_id: "a1",
    agent: "Analyst Agent",
    instance_id: "i1234567890",
    remote_task_id: "r1",
    attempts: 1,
    output: "**Mean (average): 6**\n\n| Figure | Value |\n|---|---:|\n| Count | 3 |",
    output_data: { mean: 6, values: [3, 5, 10] },
    error: null,
    reasoning: null,
    progress: ["Running statistics"],
    tokens_in: 12,
    tokens_out: 34,
    llm_profile: null,
    llm_model: null,
    cost_usd: null,
    started_at: "2026-01-01T10:00:00.000Z",
    finished_at: "2026-01-01T10:00:00.500Z",
    duration_ms: 500,
    ...overrides,
  };
}

export function makeSummary(overrides: Partial<TaskSummary> = {}): TaskSummary {
  return {
    id: "t1aaaaaaaaaaaaaaaa",
    description: "Compute the average of 3, 5 and 10",
    status: "completed",
    session_id: null,
    planner: "offline",
    workflow_id: null,
    workflow_version: null,
    error: null,
    steps_total: 2,
    steps_completed: 2,
    tokens_in: 10,
    tokens_out: 20,
    cost_usd: null,
    cost_complete: false,
    created_at: "2026-01-01T10:00:00.000Z",
    started_at: "2026-01-01T10:00:00.000Z",
    finished_at: "2026-01-01T10:00:01.000Z",
    duration_ms: 1000,
    ...overrides,
  };
}

export function makeTask(overrides: Partial<TaskPublic> = {}): TaskPublic {
  const steps = overrides.steps ?? [
    makeStep(),
    makeStep({ id: "s2", title: "Write a report", capability: "writing", agent: "Research Agent", depends_on: ["s1"] }),
  ];
  return {
    ...makeSummary(),
    planner_reason: "no LLM provider is configured",
    metadata: {},
    steps,
    usage: [],
    result: "## Report\n\nThe mean is 6.",
    result_data: null,
    callback_url: null,
    ...overrides,
  };
}

export function makeAgent(overrides: Partial<AgentPublic> = {}): AgentPublic {
  return {
    id: "agent-1",
    name: "Analyst Agent",
    description: "Deterministic data and text operations.",
    version: "1.0.0",
    capabilities: ["statistics", "calculation"],
    skills: [
      { id: "statistics", name: "Statistics", description: "Means and medians", tags: [], examples: [] },
      { id: "calculation", name: "Calculation", description: "Arithmetic", tags: [], examples: [] },
    ],
    balancing: "least_loaded",
    balancing_default: true,
    usable: true,
    unusable_reason: null,
    has_credential: false,
    instances: [
      {
        id: "inst-1",
        card_url: "http://127.0.0.1:8002/.well-known/agent-card.json",
        url: "http://127.0.0.1:8002/",
        protocol_binding: "JSONRPC",
        model: null,
        health: "healthy",
        in_flight: 2,
        calls: 40,
        share: 1,
        errors: 2,
        error_rate: 0.05,
        latency_ms: 170,
        last_error: null,
        last_seen_at: "2026-01-01T10:00:00.000Z",
      },
    ],
    created_at: "2026-01-01T09:00:00.000Z",
    ...overrides,
  };
}

/** One participant of a consensus step, as the consensus step's `output_data` lists it. */
export function makeParticipant(label: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    label,
    step_id: `s2@${label}`,
    agent: "research",
    profile: label,
    model: `model-${label}`,
    status: "completed",
    answer: `The answer of ${label}: the mean is 6.`,
    value: 6,
    error: null,
    sentiment: { label: "positive", score: 0.6 },
    ...overrides,
  };
}

/** A consensus step's `output_data`: four participants, of which three answered (fast, smart,
 * local: the agreement's labels and similarity cover them only) and one failed (large). */
export function makeConsensusData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    consensus: {
      aggregator: "vote",
      answer: "The mean is **6**.",
      value: 6,
      agreement: {
        score: 0.55,
        vote_share: 0.6667,
        labels: ["fast", "smart", "local"],
        similarity: [
          [1.0, 0.4, 0.7],
          [0.4, 1.0, 0.5],
          [0.7, 0.5, 1.0],
        ],
      },
      participants: [
        makeParticipant("fast"),
        makeParticipant("smart", { sentiment: { label: "neutral", score: 0 } }),
        makeParticipant("local", { value: 7, answer: "It is about 7.", sentiment: { label: "negative", score: -0.2 } }),
        makeParticipant("large", {
          status: "failed",
          answer: null,
          value: null,
          model: null,
          sentiment: null,
          error: "agent timed out after 120 s",
        }),
      ],
      ...overrides,
    },
  };
}

/** A vote tie: two participants say 6, two say 7, so no value has more votes. */
export function makeTieData(): Record<string, unknown> {
  const labels = ["fast", "smart", "local", "large"];
  return makeConsensusData({
    answer: "No majority: 6 and 7 got two votes each.",
    value: null,
    agreement: {
      score: 0.5,
      vote_share: 0.5,
      labels,
      similarity: labels.map((_, y) => labels.map((__, x) => (x === y ? 1 : 0.5))),
    },
    participants: [
      makeParticipant("fast", { value: 6 }),
      makeParticipant("smart", { value: 7, sentiment: { label: "negative", score: -0.4 } }),
      makeParticipant("local", { value: 6, sentiment: null }),
      makeParticipant("large", { value: 7, sentiment: { label: "mixed", score: 0.1 } }),
    ],
  });
}

/** A task with a consensus step s2 over the participants s2@fast, s2@smart, s2@local and
 * s2@large (which depend on s1; large failed), and a step s3 after it. */
export function makeConsensusTask(outputData: Record<string, unknown> = makeConsensusData()): TaskPublic {
  const labels = ["fast", "smart", "local", "large"];
  const participant = (label: string, overrides: Partial<StepPublic> = {}) =>
    makeStep({
      id: `s2@${label}`,
      title: `Answer (${label})`,
      capability: "research",
      agent: "Research Agent",
      depends_on: ["s1"],
      kind: "participant",
      profile: label,
      participant: { of: "s2", label },
      ...overrides,
    });
  return makeTask({
    steps: [
      makeStep(),
      participant("fast"),
      participant("smart"),
      participant("local"),
      participant("large", { status: "failed", error: "agent timed out after 120 s", output: null, output_data: null }),
      makeStep({
        id: "s2",
        title: "Agree on the mean",
        capability: "consensus",
        agent: null,
        depends_on: labels.map((label) => `s2@${label}`),
        kind: "consensus",
        consensus: {
          participants: { profiles: labels, agents: null },
          aggregator: "vote",
          aggregator_profile: null,
          quorum: 1,
          steps: labels.map((label) => `s2@${label}`),
        },
        output: "The mean is **6**.",
        output_data: outputData,
      }),
      makeStep({ id: "s3", title: "Write a report", capability: "writing", depends_on: ["s2"] }),
    ],
  });
}

let nextEventId = 1;
export function makeEvent(type: TaskEvent["type"], stepId: string | null, data: Record<string, unknown> = {}): TaskEvent {
  return { id: nextEventId++, task_id: "t1", step_id: stepId, type, data, created_at: "2026-01-01T10:00:00.250Z" };
}

/** One connection to the fake event stream: the test writes Server-Sent Events into it. */
export class FakeStream {
  readonly url: string;
  readonly headers: Headers;
  ended = false;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private encoder = new TextEncoder();
  readonly response: Response;

  constructor(url: string, headers: Headers) {
    this.url = url;
    this.headers = headers;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller;
      },
      cancel: () => {
        this.ended = true;
      },
    });
    this.response = new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } });
  }
  /** Raw text, as it would come off the wire. */
  write(text: string) {
    if (!this.ended) this.controller.enqueue(this.encoder.encode(text));
  }
  emit(event: TaskEvent) {
    this.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  }
  /** The server ends the response (the client should reconnect). */
  end() {
    if (this.ended) return;
    this.ended = true;
    this.controller.close();
  }
}

/**
 * A stand-in for the orchestrator's event stream endpoint: its `fetch` answers each request with
 * a new `FakeStream` (or with the next queued answer, e.g. a 401), and records what was asked.
 */
export class FakeEventServer {
  readonly streams: FakeStream[] = [];
  readonly requests: { url: string; headers: Headers }[] = [];
  private answers: Response[] = [];

  /** Answer the next request with this instead of a stream. */
  answerNext(response: Response) {
    this.answers.push(response);
  }

  readonly fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    this.requests.push({ url, headers });
    const queued = this.answers.shift();
    if (queued) return queued;
    const stream = new FakeStream(url, headers);
    this.streams.push(stream);
    return stream.response;
  }) as typeof globalThis.fetch;
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

export function makeWorkflow(overrides: Partial<WorkflowPublic> = {}): WorkflowPublic {
  return {
    id: "w1bbbbbbbbbbbbbbbb",
    owner: "local",
    version: 2,
    name: "Numbers report",
    description: "The mean of some numbers, doubled when it is large.",
    input_schema: {
      type: "object",
      properties: {
        numbers: { type: "array", items: { type: "number" }, minItems: 2, description: "The numbers to average." },
        threshold: { type: "number", default: 10 },
        unit: { type: "string", enum: ["m", "km"], description: "The unit of the numbers." },
        rounded: { type: "boolean", default: true },
        label: { type: "string", title: "Label of the report" },
      },
      required: ["numbers", "unit"],
    },
    steps: [
      { id: "s1", title: "Statistics", capability: "statistics", instruction: "Compute the mean of {{ inputs.numbers | join(', ') }}", depends_on: [], when_skipped: "skip", expected_output: "", kind: "agent" },
      {
        id: "s2",
        title: "Double the mean",
        capability: "calculation",
        instruction: "Compute {{ steps.s1.data.mean }} * 2",
        depends_on: ["s1"],
        condition: "steps.s1.data.mean > inputs.threshold",
        when_skipped: "skip",
        expected_output: "",
        kind: "agent",
      },
    ],
    outputs: { mean: "steps.s1.data.mean", doubled: "steps.s2.data.result" },
    replan: false,
    created_at: "2026-01-01T09:00:00.000Z",
    updated_at: "2026-01-01T10:00:00.000Z",
    runs: 3,
    ...overrides,
  };
}

export function makeSchedule(overrides: Partial<SchedulePublic> = {}): SchedulePublic {
  return {
    id: "sch1cccccccccccccccc",
    workflow_id: "w1bbbbbbbbbbbbbbbb",
    cron: "30 9 * * 1-5",
    timezone: "Europe/Paris",
    inputs: { numbers: [3, 5, 10] },
    catch_up: "skip",
    overlap: "skip",
    paused: false,
    next_fire_at: "2026-01-05T08:30:00.000Z",
    last_fire_at: null,
    last_task_id: null,
    last_error: null,
    skipped: 0,
    preview: [
      "2026-01-05T08:30:00.000Z",
      "2026-01-06T08:30:00.000Z",
      "2026-01-07T08:30:00.000Z",
      "2026-01-08T08:30:00.000Z",
      "2026-01-09T08:30:00.000Z",
    ],
    created_by: "local",
    created_at: "2026-01-01T09:00:00.000Z",
    updated_at: "2026-01-01T09:00:00.000Z",
    ...overrides,
  };
}

export function makeHook(overrides: Partial<HookPublic> = {}): HookPublic {
  return {
    id: "hook1ddddddddddddddd",
    workflow_id: "w1bbbbbbbbbbbbbbbb",
    token_prefix: "whk_ab12",
    signed: false,
    created_by: "local",
    created_at: "2026-01-01T09:00:00.000Z",
    rotated_at: "2026-01-02T09:00:00.000Z",
    ...overrides,
  };
}

export function makeVersion(version: number, definition: Partial<WorkflowDefinition> = {}): WorkflowVersionPublic {
  const { name, description, input_schema, steps, outputs, replan } = makeWorkflow();
  return {
    workflow_id: "w1bbbbbbbbbbbbbbbb",
    version,
    definition: { name, description, input_schema, steps, outputs, replan, ...definition },
    created_by: "local",
    created_at: `2026-01-0${version}T10:00:00.000Z`,
  };
}

export function makeModels(overrides: Partial<ModelList> = {}): ModelList {
  const base = {
    provider: "openai",
    base_url_host: null,
    temperature: 0,
    max_tokens: 4096,
    key_set: true,
    hosts: [],
    input_price: null,
    output_price: null,
    usage: { tokens_in: 0, tokens_out: 0, cost_usd: null },
  };
  return {
    items: [
      { ...base, name: "default", provider: "offline", model: "", key_set: false },
      {
        ...base,
        name: "smart",
        model: "gpt-4o",
        input_price: 2.5,
        output_price: 10,
        usage: { tokens_in: 1200, tokens_out: 300, cost_usd: 0.006 },
      },
      {
        ...base,
        name: "local",
        provider: "ollama",
        model: "llama3.1",
        hosts: [
          { host: "gpu1:11434", health: "healthy", latency_ms: 120, calls: 4, errors: 0, last_error: null,
            last_seen_at: "2026-01-01T10:00:00.000Z" },
          { host: "gpu2:11434", health: "unhealthy", latency_ms: null, calls: 2, errors: 2,
            last_error: "connection refused", last_seen_at: null },
        ],
        usage: { tokens_in: 50, tokens_out: 5, cost_usd: null },
      },
    ],
    planner: "smart",
    synthesis: "default",
    ...overrides,
  };
}
