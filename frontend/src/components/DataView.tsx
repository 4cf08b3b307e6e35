/**
 * Structured output (an agent's data part) as tables: an object as field/value rows, a list of
 * objects as a table with one column per field, anything deeper nested the same way.
 */
type Json = unknown;

const MAX_ROWS = 200;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isScalar(value: Json): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function scalarText(value: Json): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  return String(value);
}

function Value({ value, depth }: { value: Json; depth: number }) {
  if (isScalar(value)) return <>{scalarText(value)}</>;
  if (Array.isArray(value) && value.every(isScalar)) {
    return value.length ? <>{value.map(scalarText).join(", ")}</> : <span className="muted">empty</span>;
  }
  if (depth >= 3) return <code className="json-inline">{JSON.stringify(value)}</code>;
  return <DataView value={value} depth={depth + 1} />;
}

function RecordsTable({ rows, depth }: { rows: Record<string, Json>[]; depth: number }) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const shown = rows.slice(0, MAX_ROWS);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column}>
                  <Value value={row[column] ?? null} depth={depth} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_ROWS ? <p className="muted">First {MAX_ROWS} of {rows.length} rows.</p> : null}
    </div>
  );
}

export function DataView({ value, depth = 0 }: { value: Json; depth?: number }) {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isRecord)) return <RecordsTable rows={value} depth={depth} />;
    return (
      <ol className="data-list">
        {value.map((item, index) => (
          <li key={index}>
            <Value value={item} depth={depth} />
          </li>
        ))}
      </ol>
    );
  }
  if (!isRecord(value)) return <Value value={value} depth={depth} />;
  const entries = Object.entries(value);
  if (entries.length === 0) return <span className="muted">empty</span>;
  return (
    <div className="table-scroll">
      <table className="data-table kv">
        <tbody>
          {entries.map(([key, item]) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td>
                <Value value={item} depth={depth} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
