/** A workflow's inputs at a glance: name, type, required, default, description, from its input schema. */
import { inputFields, optionLabel, type InputField } from "./inputFields";

function typeOf(schema: Record<string, unknown>, field: InputField): string {
  const property = (schema.properties as Record<string, Record<string, unknown>> | undefined)?.[field.name] ?? {};
  if (field.kind === "choice") return `one of ${field.options.map(optionLabel).join(", ")}`;
  const type = property.type;
  if (type === "array") {
    const items = (property.items ?? {}) as Record<string, unknown>;
    return `list of ${typeof items.type === "string" ? items.type : "values"}`;
  }
  return Array.isArray(type) ? type.join(" or ") : typeof type === "string" ? type : "any";
}

export function InputSchemaSummary({ schema }: { schema: Record<string, unknown> }) {
  const fields = inputFields(schema);
  if (fields.length === 0) return <p className="muted">No inputs: every run is the same.</p>;
  return (
    <div className="table-scroll">
      <table className="list-table inputs-table">
        <thead>
          <tr>
            <th scope="col">Input</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Default</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.name}>
              <td data-label="Input">
                <code>{field.name}</code>
              </td>
              <td data-label="Type">{typeOf(schema, field)}</td>
              <td data-label="Required">{field.required ? "yes" : "no"}</td>
              <td data-label="Default">{field.default === undefined ? "—" : <code>{JSON.stringify(field.default)}</code>}</td>
              <td data-label="Description">{field.description ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
