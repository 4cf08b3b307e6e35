/**
 * A consensus step's result as the dashboard reads it: the `consensus` field of the step's
 * `output_data` (one answer aggregated from several participants), checked field by field, since
 * `output_data` is free-form JSON in the API's schema.
 */

export type Aggregator = "vote" | "central" | "llm";
export type SentimentLabel = "positive" | "negative" | "neutral" | "mixed";
export type Value = number | string | null;

export interface Sentiment {
  label: SentimentLabel;
  score: number;
}

export interface Participant {
  label: string;
  step_id: string;
  agent: string | null;
  profile: string | null;
  model: string | null;
  status: "completed" | "failed";
  answer: string | null;
  value: Value;
  error: string | null;
  sentiment: Sentiment | null;
}

export interface Agreement {
  /** 0 to 1: how much the participants agree, whatever the aggregator. */
  score: number;
  /** 0 to 1: the winning value's share of the votes (the `vote` aggregator), else null. */
  vote_share: number | null;
  labels: string[];
  /** Pairwise similarity of the answers, in the order of `labels`. */
  similarity: number[][];
}

export interface Consensus {
  aggregator: Aggregator;
  answer: string;
  value: Value;
  agreement: Agreement;
  participants: Participant[];
}

const AGGREGATORS: Record<Aggregator, string> = {
  vote: "Vote: the value most participants gave",
  central: "Central: the answer closest to all the others",
  llm: "LLM: a model wrote one answer from all of them",
};

const SENTIMENTS: Record<SentimentLabel, true> = { positive: true, negative: true, neutral: true, mixed: true };

/** What an aggregator does, in words (an unknown one is named as it is). */
export function describeAggregator(aggregator: string): string {
  return Object.hasOwn(AGGREGATORS, aggregator) ? AGGREGATORS[aggregator as Aggregator] : aggregator;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function number(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function scalar(value: unknown): Value {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value)) ? value : null;
}

function readSentiment(value: unknown): Sentiment | null {
  if (!isRecord(value)) return null;
  const label = value.label;
  const score = number(value.score);
  if (typeof label !== "string" || !Object.hasOwn(SENTIMENTS, label) || score === null) return null;
  return { label: label as SentimentLabel, score };
}

function readParticipant(value: unknown): Participant | null {
  if (!isRecord(value)) return null;
  const label = text(value.label);
  if (label === null) return null;
  return {
    label,
    step_id: text(value.step_id) ?? "",
    agent: text(value.agent),
    profile: text(value.profile),
    model: text(value.model),
    status: value.status === "completed" ? "completed" : "failed",
    answer: text(value.answer),
    value: scalar(value.value),
    error: text(value.error),
    sentiment: readSentiment(value.sentiment),
  };
}

/** The similarity matrix if it is square over the labels with numbers in it, else an empty one. */
function readSimilarity(value: unknown, size: number): number[][] {
  if (!Array.isArray(value) || value.length !== size) return [];
  const rows = value.map((row) => (Array.isArray(row) && row.length === size ? row.map(number) : null));
  if (rows.some((row) => row === null || row.some((cell) => cell === null))) return [];
  return rows as number[][];
}

/** The consensus in a step's `output_data`, or undefined when it has none (or not in this shape). */
export function readConsensus(outputData: unknown): Consensus | undefined {
  if (!isRecord(outputData) || !isRecord(outputData.consensus)) return undefined;
  const raw = outputData.consensus;
  const agreement = isRecord(raw.agreement) ? raw.agreement : {};
  const participants = Array.isArray(raw.participants)
    ? raw.participants.map(readParticipant).filter((p): p is Participant => p !== null)
    : [];
  const labels = Array.isArray(agreement.labels) ? agreement.labels.filter((l): l is string => typeof l === "string") : [];
  return {
    aggregator: (text(raw.aggregator) ?? "vote") as Aggregator,
    answer: text(raw.answer) ?? "",
    value: scalar(raw.value),
    agreement: {
      score: number(agreement.score) ?? 0,
      vote_share: number(agreement.vote_share),
      labels,
      similarity: readSimilarity(agreement.similarity, labels.length),
    },
    participants,
  };
}

export interface VoteCount {
  value: string | number;
  labels: string[];
}

/** The values the completed participants gave, most votes first (ties in order of first vote). */
export function countVotes(participants: Participant[]): VoteCount[] {
  const counts = new Map<string, VoteCount>();
  for (const participant of participants) {
    if (participant.status !== "completed" || participant.value === null) continue;
    // 2 and "2" are one vote for the same value.
    const key = String(participant.value);
    const count = counts.get(key) ?? { value: participant.value, labels: [] };
    count.labels.push(participant.label);
    counts.set(key, count);
  }
  return [...counts.values()].sort((a, b) => b.labels.length - a.labels.length);
}

/** The values that share the most votes, when more than one does (a tie), else an empty list. */
export function tiedValues(participants: Participant[]): VoteCount[] {
  const votes = countVotes(participants);
  const top = votes[0]?.labels.length ?? 0;
  const tied = votes.filter((vote) => vote.labels.length === top);
  return tied.length > 1 ? tied : [];
}

export function formatValue(value: Value): string {
  if (value === null) return "—";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return value;
}
