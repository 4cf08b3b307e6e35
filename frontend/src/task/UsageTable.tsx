/** A task's LLM use by model profile: tokens and cost of its steps and its own calls. */
import type { UsagePublic } from "../api/types";
import { formatCost, formatNumber } from "../lib/format";

export function UsageTable({ usage }: { usage: UsagePublic[] }) {
  return (
    <div className="table-scroll">
      <table className="list-table usage-table" aria-label="Usage by model profile">
        <thead>
          <tr>
            <th scope="col">Profile</th>
            <th scope="col">Model</th>
            <th scope="col">Tokens in</th>
            <th scope="col">Tokens out</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          {usage.map((entry) => (
            <tr key={`${entry.profile ?? ""}/${entry.model ?? ""}`}>
              <td data-label="Profile">{entry.profile ?? "unnamed"}</td>
              <td data-label="Model">{entry.model ?? "—"}</td>
              <td data-label="Tokens in">{formatNumber(entry.tokens_in)}</td>
              <td data-label="Tokens out">{formatNumber(entry.tokens_out)}</td>
              <td data-label="Cost">{formatCost(entry.cost_usd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
