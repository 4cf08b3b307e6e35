/**
 * A consensus step's result: the consensus answer and how it was reached (aggregator, agreement,
 * vote share, a tie), the participants' answers side by side, and how alike the answers are (a
 * heatmap, with a table for screen readers) and how they feel (a sentiment chart).
 */
import type { MouseEvent } from "react";

import { Markdown } from "../components/Markdown";
import { formatPercent } from "../lib/format";
import { formatScore, formatSimilarity, sentiments } from "./chartOptions";
import { describeAggregator, formatValue, tiedValues, type Consensus, type Participant, type Sentiment } from "./consensus";
import { LazySentimentChart, LazySimilarityHeatmap } from "./LazyCharts";

export function SentimentBadge({ sentiment }: { sentiment: Sentiment }) {
  return (
    <span className={`badge sentiment-${sentiment.label}`} data-sentiment={sentiment.label}>
      {sentiment.label} {formatScore(sentiment.score)}
    </span>
  );
}

function ParticipantCard({ participant }: { participant: Participant }) {
  const p = participant;
  return (
    <li className={`participant-card status-${p.status}`} data-participant={p.label}>
      <div className="participant-head">
        <h5>{p.label}</h5>
        <span className={`badge status-${p.status}`} data-status={p.status}>
          {p.status}
        </span>
        {p.sentiment ? <SentimentBadge sentiment={p.sentiment} /> : null}
      </div>
      <p className="muted small">
        {p.model ?? "model not reported"}
        {p.profile ? ` · profile ${p.profile}` : ""}
        {p.agent ? ` · ${p.agent}` : ""}
        {p.step_id ? (
          <>
            {" · "}
            <a href={`#step-${p.step_id}`} onClick={(event) => jumpTo(event, p.step_id)}>
              step {p.step_id}
            </a>
          </>
        ) : null}
      </p>
      {p.status === "failed" ? (
        <p className="participant-error" role="note">
          <strong>Failed:</strong> {p.error ?? "no reason given"}
        </p>
      ) : (
        <>
          {p.value !== null ? (
            <p className="participant-value">
              Value: <strong>{formatValue(p.value)}</strong>
            </p>
          ) : null}
          {p.answer ? <Markdown text={p.answer} /> : <p className="muted">No answer.</p>}
        </>
      )}
    </li>
  );
}

/** Hash routes own the URL's fragment: scroll to the step's card instead of following the link. */
function jumpTo(event: MouseEvent, stepId: string) {
  const card = document.getElementById(`step-${stepId}`);
  if (!card) return;
  event.preventDefault();
  if (card instanceof HTMLDetailsElement) card.open = true;
  card.scrollIntoView?.({ block: "start", behavior: "smooth" });
}

/** The similarity matrix as a table: what the heatmap shows, for screen readers. */
export function SimilarityTable({ consensus, className }: { consensus: Consensus; className?: string }) {
  const { labels, similarity } = consensus.agreement;
  return (
    <table className={className}>
      <caption>Similarity of the answers (0 unlike, 1 the same)</caption>
      <thead>
        <tr>
          <td />
          {labels.map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {similarity.map((row, y) => (
          <tr key={labels[y]}>
            <th scope="row">{labels[y]}</th>
            {row.map((value, x) => (
              <td key={labels[x]}>{formatSimilarity(value)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Tie({ consensus }: { consensus: Consensus }) {
  const tied = tiedValues(consensus.participants);
  if (consensus.aggregator !== "vote" || tied.length === 0) return null;
  const each = tied[0]!.labels.length;
  return (
    <p className="warning consensus-tie" role="note">
      <strong>Tie:</strong>{" "}
      {tied.map((vote) => `${formatValue(vote.value)} (${vote.labels.join(", ")})`).join(" and ")} got {each}{" "}
      {each === 1 ? "vote" : "votes"} each.{" "}
      {consensus.value === null ? "No value won." : `The consensus took ${formatValue(consensus.value)}.`}
    </p>
  );
}

export function ConsensusView({ consensus, stepId }: { consensus: Consensus; stepId: string }) {
  const { agreement, participants } = consensus;
  const answered = participants.filter((p) => p.status === "completed").length;
  const hasMatrix = agreement.labels.length > 0 && agreement.similarity.length === agreement.labels.length;
  const hasSentiment = sentiments(consensus).length > 0;
  return (
    <section className="consensus" aria-label={`Consensus of step ${stepId}`} data-consensus={stepId}>
      <h4>Consensus</h4>
      <div className="consensus-answer">
        {consensus.answer ? <Markdown text={consensus.answer} /> : <p className="muted">No consensus answer.</p>}
      </div>
      <dl className="facts consensus-facts">
        <div>
          <dt>Aggregator</dt>
          <dd title={describeAggregator(consensus.aggregator)}>
            {consensus.aggregator}
            <span className="muted small"> · {describeAggregator(consensus.aggregator)}</span>
          </dd>
        </div>
        <div>
          <dt>Value</dt>
          <dd>{formatValue(consensus.value)}</dd>
        </div>
        <div>
          <dt>Agreement</dt>
          <dd>
            <meter min={0} max={1} value={agreement.score} aria-label="Agreement score" /> {formatPercent(agreement.score)}
          </dd>
        </div>
        <div>
          <dt>Vote share</dt>
          <dd>{agreement.vote_share === null ? "—" : formatPercent(agreement.vote_share)}</dd>
        </div>
        <div>
          <dt>Answered</dt>
          <dd>
            {answered} of {participants.length}
          </dd>
        </div>
      </dl>
      <Tie consensus={consensus} />

      <h4>Answers</h4>
      <ul className="participant-cards" aria-label="Answers side by side">
        {participants.map((participant) => (
          <ParticipantCard key={participant.label} participant={participant} />
        ))}
      </ul>

      <div className="consensus-charts">
        {hasMatrix ? (
          <figure className="consensus-chart">
            <figcaption>How alike the answers are</figcaption>
            <LazySimilarityHeatmap consensus={consensus} />
            <SimilarityTable consensus={consensus} className="visually-hidden" />
          </figure>
        ) : null}
        {hasSentiment ? (
          <figure className="consensus-chart">
            <figcaption>Sentiment of each answer</figcaption>
            <LazySentimentChart consensus={consensus} />
          </figure>
        ) : null}
      </div>
    </section>
  );
}
