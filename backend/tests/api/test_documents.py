"""Documents users upload: stored with their text, searched, read by research steps, deleted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.stack import wait_for_task

EXAMPLE = Path(__file__).parents[3] / "examples" / "documents" / "remote-work.md"
# The README's first example: offline, its research step has nothing to read until a
# document about the subject is uploaded.
README_TASK = (
    "Summarize the main arguments for and against remote work and compute the average of "
    "3, 5 and 10"
)


@pytest.fixture
def document(api: httpx.Client) -> Iterator[dict[str, object]]:
    with EXAMPLE.open("rb") as file:
        response = api.post("/api/documents", files={"file": ("remote-work.md", file)})
    assert response.status_code == 201, response.text
    uploaded: dict[str, object] = response.json()
    yield uploaded
    # The stack is shared: no other test's research step may find this document.
    api.delete(f"/api/documents/{uploaded['id']}")


def test_an_uploaded_document_is_listed_read_and_searched(
    api: httpx.Client, document: dict[str, object]
) -> None:
    assert document["name"] == "remote-work.md" and document["format"] == "markdown"
    assert document["size"] == EXAMPLE.stat().st_size and document["shared"] is False
    assert isinstance(document["passages"], int) and document["passages"] >= 4
    listed = api.get("/api/documents").json()["items"]
    assert document["id"] in {d["id"] for d in listed}
    assert all("text" not in d for d in listed)
    full = api.get(f"/api/documents/{document['id']}").json()
    assert "loneliness" in full["text"]
    found = api.get("/api/documents/search", params={"q": "isolation and loneliness"}).json()
    assert found["items"], "the passage on isolation was not found"
    best = found["items"][0]
    assert best["document"] == "remote-work.md" and "loneliness" in best["text"]
    assert api.get("/api/documents/search", params={"q": "volcanic eruptions"}).json() == {
        "items": []
    }


def test_the_readme_example_is_answered_from_an_uploaded_document(
    api: httpx.Client, document: dict[str, object]
) -> None:
    task = api.post("/api/tasks", json={"description": README_TASK}).json()
    done = wait_for_task(api, task["id"], ("completed", "failed"))
    assert done["status"] == "completed", done
    research = next(s for s in done["steps"] if s["capability"] == "research")  # type: ignore[attr-defined]
    answer = research["output"]
    # Quoted from the document, and cited by document and passage.
    assert "improves their focus" in answer and "isolation and loneliness" in answer, answer
    assert "remote-work.md, passage" in answer and "uploaded document" in answer, answer
    assert "No source material" not in answer
    assert "6" in str(done["result"])


def test_a_deleted_document_is_no_longer_read(api: httpx.Client) -> None:
    with EXAMPLE.open("rb") as file:
        uploaded = api.post("/api/documents", files={"file": ("notes.md", file)}).json()
    assert api.delete(f"/api/documents/{uploaded['id']}").status_code == 204
    assert api.get(f"/api/documents/{uploaded['id']}").status_code == 404
    assert api.get("/api/documents/search", params={"q": "commute"}).json() == {"items": []}
    again = api.delete(f"/api/documents/{uploaded['id']}")
    assert again.status_code == 404 and again.json()["error"]["code"] == "document_not_found"


def test_an_unreadable_upload_is_refused_and_nothing_is_stored(api: httpx.Client) -> None:
    before = api.get("/api/documents").json()["total"]
    refused = api.post(
        "/api/documents", files={"file": ("report.pdf", b"%PDF-1.4 not really", "application/pdf")}
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "document_damaged"
    assert "report.pdf" in refused.json()["error"]["message"]
    unsupported = api.post("/api/documents", files={"file": ("tool.exe", b"MZ")})
    assert unsupported.json()["error"]["code"] == "document_format_unsupported"
    missing = api.post("/api/documents", data={"shared": "false"})
    assert missing.status_code == 422
    assert api.get("/api/documents").json()["total"] == before
