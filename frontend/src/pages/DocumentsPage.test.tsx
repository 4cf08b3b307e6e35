import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { api, ApiError } from "../api/client";
import type { DocumentPublic } from "../api/types";
import { renderAt } from "../test/render";
import { DocumentsPage } from "./DocumentsPage";

function makeDocument(overrides: Partial<DocumentPublic> = {}): DocumentPublic {
  return {
    id: "doc1",
    name: "remote-work.md",
    format: "markdown",
    size: 1361,
    shared: false,
    passages: 9,
    owner: "local",
    created_at: "2026-01-01T00:00:00Z",
    ...overrides,
  };
}

const page = (items: DocumentPublic[]) => ({ items, total: items.length, limit: 20, offset: 0 });

describe("DocumentsPage", () => {
  it("lists the documents with their size and passages", async () => {
    vi.spyOn(api, "listDocuments").mockResolvedValue(page([makeDocument(), makeDocument({ id: "d2", name: "grid.pdf", format: "pdf", size: 2_400_000, shared: true })]));
    renderAt("/documents", "/documents", <DocumentsPage />);
    const row = await screen.findByRole("row", { name: /remote-work\.md/ });
    expect(row).toHaveTextContent("markdown");
    expect(row).toHaveTextContent("1.3 KB");
    expect(screen.getByRole("row", { name: /grid\.pdf/ })).toHaveTextContent("shared");
    expect(screen.getByRole("row", { name: /grid\.pdf/ })).toHaveTextContent("2.3 MB");
  });

  it("says what to do when there is no document", async () => {
    vi.spyOn(api, "listDocuments").mockResolvedValue(page([]));
    renderAt("/documents", "/documents", <DocumentsPage />);
    expect(await screen.findByText("No documents yet.")).toBeInTheDocument();
  });

  it("uploads dropped files, one by one, and says how each went", async () => {
    const list = vi.spyOn(api, "listDocuments").mockResolvedValue(page([]));
    const upload = vi
      .spyOn(api, "uploadDocument")
      .mockResolvedValueOnce(makeDocument({ passages: 1 }))
      .mockRejectedValueOnce(new ApiError(422, "document_damaged", "'scan.pdf': the PDF is damaged."));
    renderAt("/documents", "/documents", <DocumentsPage />);
    await screen.findByText("No documents yet.");
    const good = new File(["Tides rise twice a day."], "tides.txt", { type: "text/plain" });
    const bad = new File(["%PDF"], "scan.pdf", { type: "application/pdf" });
    fireEvent.drop(screen.getByTestId("drop-zone"), { dataTransfer: { files: [good, bad] } });
    expect(await screen.findByRole("alert")).toHaveTextContent("'scan.pdf': the PDF is damaged.");
    expect(screen.getByRole("list", { name: "Uploads" })).toHaveTextContent("tides.txt 1 passage to search");
    expect(upload).toHaveBeenNthCalledWith(1, good, false);
    expect(upload).toHaveBeenNthCalledWith(2, bad, false);
    await waitFor(() => expect(list.mock.calls.length).toBeGreaterThan(1)); // the list is read again
  });

  it("uploads chosen files, shared when asked", async () => {
    vi.spyOn(api, "listDocuments").mockResolvedValue(page([]));
    const upload = vi.spyOn(api, "uploadDocument").mockResolvedValue(makeDocument({ shared: true }));
    renderAt("/documents", "/documents", <DocumentsPage />);
    await screen.findByText("No documents yet.");
    await userEvent.click(screen.getByRole("checkbox", { name: /Share with everyone/ }));
    const file = new File(["Some words to read here."], "notes.md", { type: "text/markdown" });
    await userEvent.upload(screen.getByLabelText("Files to upload"), file);
    await waitFor(() => expect(upload).toHaveBeenCalledWith(file, true));
  });

  it("searches what a research step would read", async () => {
    vi.spyOn(api, "listDocuments").mockResolvedValue(page([makeDocument()]));
    const search = vi.spyOn(api, "searchDocuments").mockResolvedValueOnce([
      { document_id: "doc1", document: "remote-work.md", passage: 4, text: "Remote work can lead to isolation.", score: 2.5 },
    ]).mockResolvedValueOnce([]);
    renderAt("/documents", "/documents", <DocumentsPage />);
    await userEvent.type(await screen.findByLabelText("What to look for"), "isolation");
    await userEvent.click(screen.getByRole("button", { name: "Search" }));
    const found = await screen.findByRole("list", { name: "Passages found" });
    expect(found).toHaveTextContent("remote-work.md, passage 4");
    expect(found).toHaveTextContent("Remote work can lead to isolation.");
    expect(search).toHaveBeenCalledWith("isolation");
    await userEvent.clear(screen.getByLabelText("What to look for"));
    await userEvent.type(screen.getByLabelText("What to look for"), "volcanoes");
    await userEvent.click(screen.getByRole("button", { name: "Search" }));
    expect(await screen.findByText("No passage matches.")).toBeInTheDocument();
  });

  it("deletes a document after a confirmation", async () => {
    vi.spyOn(api, "listDocuments").mockResolvedValueOnce(page([makeDocument()])).mockResolvedValue(page([]));
    const remove = vi.spyOn(api, "deleteDocument").mockResolvedValue(undefined);
    renderAt("/documents", "/documents", <DocumentsPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Delete document…" }));
    await userEvent.click(screen.getByRole("button", { name: "Delete document" }));
    expect(remove).toHaveBeenCalledWith("doc1");
    expect(await screen.findByText("No documents yet.")).toBeInTheDocument();
  });
});
