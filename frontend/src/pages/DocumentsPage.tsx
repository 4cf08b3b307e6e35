/** Documents: upload files (drop them or pick them) for research steps to read, search what they would find, delete. */
import { useCallback, useRef, useState, type DragEvent, type FormEvent } from "react";
import { useSearchParams } from "react-router";

import { api, ApiError } from "../api/client";
import type { PassagePublic } from "../api/types";
import { DeleteButton } from "../components/DeleteButton";
import { Pagination } from "../components/Pagination";
import { Empty, ErrorState, Loading } from "../components/States";
import { useResource } from "../hooks/useResource";
import { count, formatRelative, formatTime } from "../lib/format";

export const DOCUMENTS_PAGE_SIZE = 20;
const ACCEPT = ".txt,.md,.pdf,.html,.htm,.docx";
const REFRESH_MS = 10000;

/** One file sent (or being sent), with how it went. */
interface Upload {
  name: string;
  state: "sending" | "done" | "refused";
  message: string;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function DocumentsPage() {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const documents = useResource(
    useCallback((signal: AbortSignal) => api.listDocuments({ limit: DOCUMENTS_PAGE_SIZE, offset }, signal), [offset]),
    `documents|${offset}`,
    REFRESH_MS,
  );
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [shared, setShared] = useState(false);
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  async function send(files: File[]) {
    for (const file of files) {
      setUploads((now) => [{ name: file.name, state: "sending", message: "Reading…" }, ...now]);
      const settle = (state: Upload["state"], message: string) =>
        setUploads((now) => {
          const index = now.findIndex((u) => u.name === file.name && u.state === "sending");
          return index < 0 ? now : now.map((u, i) => (i === index ? { ...u, state, message } : u));
        });
      try {
        const document = await api.uploadDocument(file, shared);
        settle("done", `${count(document.passages, "passage")} to search`);
      } catch (cause) {
        settle("refused", cause instanceof ApiError ? cause.message : String(cause));
      }
    }
    documents.reload();
  }

  function dropped(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void send(Array.from(event.dataTransfer.files));
  }

  const items = documents.data?.items;
  return (
    <section aria-labelledby="documents-title">
      <div className="page-head">
        <h1 id="documents-title">Documents</h1>
      </div>
      <p className="muted">
        Research steps of your tasks read the passages of your documents that match what they are asked, and cite
        them by document and passage. Only you (and admins) see your documents, unless an admin shares one.
      </p>
      <div
        className={`drop-zone panel${dragging ? " dragging" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={dropped}
        data-testid="drop-zone"
      >
        <p>
          Drop .txt, .md, .pdf, .html or .docx files here, or{" "}
          <button type="button" className="link-button" onClick={() => picker.current?.click()}>
            choose files
          </button>
          .
        </p>
        <input
          ref={picker}
          type="file"
          accept={ACCEPT}
          multiple
          className="visually-hidden"
          aria-label="Files to upload"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = "";
            void send(files);
          }}
        />
        <label className="small">
          <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} /> Share with
          everyone (admins only)
        </label>
      </div>
      {uploads.length > 0 ? (
        <ul className="uploads" aria-label="Uploads">
          {uploads.map((upload, index) => (
            <li key={`${upload.name}-${index}`} className={`upload upload-${upload.state}`}>
              <strong>{upload.name}</strong>{" "}
              <span role={upload.state === "refused" ? "alert" : undefined}>{upload.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <DocumentSearch />
      {documents.error && !documents.data ? <ErrorState error={documents.error} onRetry={documents.reload} /> : null}
      {documents.loading ? <Loading label="Loading documents…" /> : null}
      {items && items.length === 0 && offset === 0 ? (
        <Empty title="No documents yet.">
          <p>Upload one above: the research agent reads nothing else offline besides what a task brings.</p>
        </Empty>
      ) : null}
      {items && items.length > 0 ? (
        <div className="table-scroll">
        <table className="list-table documents-table">
          <caption className="visually-hidden">Documents</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Format</th>
              <th scope="col">Size</th>
              <th scope="col">Passages</th>
              <th scope="col">Uploaded</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((document) => (
              <tr key={document.id} data-document={document.name}>
                <td data-label="Name">
                  {document.name} {document.shared ? <span className="chip">shared</span> : null}
                </td>
                <td data-label="Format">{document.format}</td>
                <td data-label="Size">{formatSize(document.size)}</td>
                <td data-label="Passages">{document.passages}</td>
                <td data-label="Uploaded" title={formatTime(document.created_at)}>
                  {formatRelative(document.created_at)}
                </td>
                <td data-label="">
                  <DeleteButton
                    what="document"
                    warning="Research steps will no longer read it."
                    onDelete={() => api.deleteDocument(document.id)}
                    onDeleted={documents.reload}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
      {documents.data ? (
        <Pagination
          total={documents.data.total}
          offset={offset}
          limit={DOCUMENTS_PAGE_SIZE}
          onOffset={(next) => setParams(next > 0 ? { offset: String(next) } : {}, { replace: true })}
        />
      ) : null}
    </section>
  );
}

/** What a research step would read: the passages found for a question. */
function DocumentSearch() {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<PassagePublic[]>();
  const [error, setError] = useState<string>();

  async function search(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      setFound(await api.searchDocuments(query.trim()));
    } catch (cause) {
      setFound(undefined);
      setError(cause instanceof ApiError ? cause.message : String(cause));
    }
  }

  return (
    <section aria-labelledby="document-search-title" className="panel">
      <h2 id="document-search-title">Search</h2>
      <form className="inline-form" onSubmit={search} role="search" aria-label="Search the documents">
        <label htmlFor="document-query" className="visually-hidden">
          What to look for
        </label>
        <input
          id="document-query"
          placeholder="What would a research step read about…"
          value={query}
          maxLength={1000}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" disabled={!query.trim()}>
          Search
        </button>
      </form>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {found && found.length === 0 ? <p className="muted">No passage matches.</p> : null}
      {found && found.length > 0 ? (
        <ol className="passages" aria-label="Passages found">
          {found.map((passage) => (
            <li key={`${passage.document_id}-${passage.passage}`}>
              <p className="muted small">
                {passage.document}, passage {passage.passage}
              </p>
              <blockquote>{passage.text}</blockquote>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
