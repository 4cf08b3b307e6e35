import { describe, expect, it } from "vitest";

import { makeConsensusData, makeParticipant, makeTieData } from "../test/fixtures";
import { countVotes, describeAggregator, readConsensus, tiedValues, type Participant } from "./consensus";

function participants(data: Record<string, unknown>): Participant[] {
  return readConsensus(data)!.participants;
}

describe("readConsensus", () => {
  it("reads a consensus step's output data", () => {
    const consensus = readConsensus(makeConsensusData())!;
    expect(consensus.aggregator).toBe("vote");
    expect(consensus.answer).toBe("The mean is **6**.");
    expect(consensus.value).toBe(6);
    expect(consensus.agreement).toEqual({
      score: 0.55,
      vote_share: 0.6667,
      labels: ["fast", "smart", "local"],
      similarity: [
        [1, 0.4, 0.7],
        [0.4, 1, 0.5],
        [0.7, 0.5, 1],
      ],
    });
    expect(consensus.participants.map((p) => [p.label, p.status])).toEqual([
      ["fast", "completed"],
      ["smart", "completed"],
      ["local", "completed"],
      ["large", "failed"],
    ]);
    expect(consensus.participants[3]).toMatchObject({ error: "agent timed out after 120 s", answer: null, sentiment: null });
    expect(consensus.participants[1]!.sentiment).toEqual({ label: "neutral", score: 0 });
  });

  it("is undefined for output data without a consensus", () => {
    expect(readConsensus({ mean: 6 })).toBeUndefined();
    expect(readConsensus(null)).toBeUndefined();
    expect(readConsensus({ consensus: "yes" })).toBeUndefined();
  });

  it("drops a similarity matrix that does not match the labels, and sentiments it does not know", () => {
    const data = makeConsensusData({
      agreement: { score: 0.5, vote_share: null, labels: ["a", "b"], similarity: [[1, 0.5]] },
      participants: [makeParticipant("a", { sentiment: { label: "ecstatic", score: 1 } })],
    });
    const consensus = readConsensus(data)!;
    expect(consensus.agreement.similarity).toEqual([]);
    expect(consensus.agreement.vote_share).toBeNull();
    expect(consensus.participants[0]!.sentiment).toBeNull();
  });
});

describe("votes", () => {
  it("counts the values of the participants that answered, most votes first", () => {
    const votes = countVotes(
      participants(
        makeConsensusData({
          participants: [
            makeParticipant("a", { value: "yes" }),
            makeParticipant("b", { value: "no" }),
            makeParticipant("c", { value: "no" }),
            makeParticipant("d", { value: "yes", status: "failed" }),
          ],
        }),
      ),
    );
    expect(votes).toEqual([
      { value: "no", labels: ["b", "c"] },
      { value: "yes", labels: ["a"] },
    ]);
  });

  it("finds a tie between the values with the most votes", () => {
    expect(tiedValues(participants(makeTieData()))).toEqual([
      { value: 6, labels: ["fast", "local"] },
      { value: 7, labels: ["smart", "large"] },
    ]);
  });

  it("finds no tie when one value has the most votes", () => {
    expect(tiedValues(participants(makeConsensusData()))).toEqual([]);
  });

  it("says what each aggregator does", () => {
    expect(describeAggregator("central")).toMatch(/closest to all the others/);
    expect(describeAggregator("median")).toBe("median");
  });
});
