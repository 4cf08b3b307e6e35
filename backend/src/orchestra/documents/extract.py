"""The text of an uploaded document: .txt, .md, .pdf, .html or .docx.

Each format is read by a well-kept library (pypdf, python-docx, Beautiful Soup); this
module only picks the reader and says clearly why a file gives no text. Reading is
blocking and CPU-bound: call `extract_text` in a worker thread.
"""

from __future__ import annotations

import io
import re
from pathlib import PurePath

from bs4 import BeautifulSoup
from docx import Document as DocxDocument
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from orchestra.errors import InvalidInputError

__all__ = ["FORMATS", "UnreadableDocument", "document_format", "extract_text"]

#: Suffix -> the format it names; content types map onto the same names.
FORMATS = {".txt": "text", ".md": "markdown", ".pdf": "pdf", ".html": "html", ".htm": "html",
           ".docx": "docx"}  # fmt: skip
CONTENT_TYPES = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "application/pdf": "pdf",
    "text/html": "html",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
# HTML elements whose text is not the document's (code, styling, navigation chrome).
_NOT_TEXT = ("script", "style", "noscript", "template", "nav", "header", "footer", "svg")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "blockquote",
           "pre", "section", "article", "dd", "dt", "title")  # fmt: skip
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


class UnreadableDocument(InvalidInputError):
    """The upload is not a document we can read, or has no text."""

    code = "document_unreadable"


def document_format(filename: str, content_type: str | None) -> str:
    """The format of an upload, by its file name's suffix, else its content type.

    Raises:
        UnreadableDocument: neither names a format we read.
    """
    found = FORMATS.get(PurePath(filename).suffix.lower())
    if found is None and content_type:
        found = CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
    if found is None:
        raise UnreadableDocument(
            f"{filename!r} is not a format Orchestra reads: upload .txt, .md, .pdf, .html or "
            ".docx.",
            code="document_format_unsupported",
        )
    return found


def extract_text(filename: str, content_type: str | None, data: bytes) -> tuple[str, str]:
    """The document's format and its text, paragraphs separated by blank lines.

    Raises:
        UnreadableDocument: an unsupported format, a damaged file, or no text in it (a
            scanned PDF has only pictures of text).
    """
    kind = document_format(filename, content_type)
    try:
        text = _READERS[kind](data)
    except UnreadableDocument as exc:
        raise UnreadableDocument(f"{filename!r}: {exc.message}", code=exc.code) from exc
    except Exception as exc:  # each library raises its own errors for a damaged file
        raise UnreadableDocument(
            f"{filename!r} could not be read as {kind}: {_reason(exc)}",
            code="document_damaged",
        ) from exc
    text = _BLANK_LINES.sub("\n\n", text.replace("\r\n", "\n")).strip()
    if not text:
        hint = " (a scanned PDF holds pictures of text, not text)" if kind == "pdf" else ""
        raise UnreadableDocument(
            f"{filename!r} has no text to search{hint}.", code="document_empty"
        )
    return kind, text


def _plain(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            f"not UTF-8 text (byte {exc.start} is not): save it as UTF-8 and upload it again.",
            code="document_encoding",
        ) from exc


def _pdf(data: bytes) -> str:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableDocument(
                "the PDF is encrypted: upload a copy without a password.",
                code="document_encrypted",
            )
        return "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except PdfReadError as exc:
        raise UnreadableDocument(f"the PDF is damaged: {exc}", code="document_damaged") from exc


def _html(data: bytes) -> str:
    soup = BeautifulSoup(data, "html.parser")
    for element in soup(_NOT_TEXT):
        element.decompose()
    # A block element ends a paragraph; inline ones (<b>, <a>) run on within the sentence.
    for element in soup(_BLOCKS):
        element.append("\n\n")
    return soup.get_text()


def _docx(data: bytes) -> str:
    document = DocxDocument(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append(" | ".join(cell.text for cell in row.cells))
    return "\n\n".join(paragraphs)


def _reason(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


_READERS = {"text": _plain, "markdown": _plain, "pdf": _pdf, "html": _html, "docx": _docx}
