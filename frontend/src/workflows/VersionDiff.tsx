/** A workflow's versions, and the differences between the definitions of two of them (jsdiff, by line). */
import { diffLines } from "diff";
import { useMemo, useState } from "react";

import type { WorkflowVersionPublic } from "../api/types";
import { formatRelative, formatTime } from "../lib/format";
import { compact, definitionText } from "./definitionText";

interface DiffLine {
  kind: "added" | "removed" | "same";
  text: string;
}

/** The lines of `after` against `before`, each marked added, removed or the same. */
export function diffDefinitions(before: WorkflowVersionPublic, after: WorkflowVersionPublic): DiffLine[] {
  const text = (version: WorkflowVersionPublic) => definitionText(compact(version.definition), "yaml");
  const parts = diffLines(text(before), text(after));
  return parts.flatMap((part) => {
    const kind = part.added ? "added" : part.removed ? "removed" : "same";
    return part.value.replace(/\n$/, "").split("\n").map((text) => ({ kind, text }) as DiffLine);
  });
}

const SIGN = { added: "+", removed: "-", same: " " } as const;

export function VersionDiff({ versions }: { versions: WorkflowVersionPublic[] }) {
  // Newest first: compare the one before the newest with the newest.
  const [to, setTo] = useState(versions[0]?.version ?? 0);
  const [from, setFrom] = useState(versions[1]?.version ?? versions[0]?.version ?? 0);
  const before = versions.find((v) => v.version === from);
  const after = versions.find((v) => v.version === to);
  const lines = useMemo(() => (before && after ? diffDefinitions(before, after) : []), [before, after]);
  const changed = lines.filter((line) => line.kind !== "same").length;

  return (
    <>
      <table className="list-table versions-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.version}>
              <td data-label="Version">{version.version}</td>
              <td data-label="Saved">
                <time dateTime={version.created_at} title={formatTime(version.created_at)}>
                  {formatRelative(version.created_at)}
                </time>
              </td>
              <td data-label="By">
                <code>{version.created_by}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length < 2 ? (
        <p className="muted">One version so far: saving the definition again makes the next, and you can compare them here.</p>
      ) : (
        <div className="version-compare">
          <div className="filters" role="group" aria-label="Versions to compare">
            <label>
              From version
              <select value={from} onChange={(event) => setFrom(Number(event.target.value))}>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {v.version}
                  </option>
                ))}
              </select>
            </label>
            <label>
              To version
              <select value={to} onChange={(event) => setTo(Number(event.target.value))}>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {v.version}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="muted small" aria-live="polite">
            {from === to ? "The same version." : changed === 0 ? "The definitions are the same." : `${changed} lines differ.`}
          </p>
          <pre className="diff" aria-label={`Differences from version ${from} to version ${to}`}>
            {lines.map((line, index) => (
              <div key={index} className={`diff-line diff-${line.kind}`}>
                <span className="diff-sign" aria-label={line.kind === "same" ? undefined : line.kind}>
                  {SIGN[line.kind]}
                </span>
                {line.text}
              </div>
            ))}
          </pre>
        </div>
      )}
    </>
  );
}
