"""Text from each format users upload, and a clear refusal for what cannot be read."""

from __future__ import annotations

import io

import docx
import pytest

from orchestra.documents import UnreadableDocument, extract_text


def _pdf(text: str) -> bytes:
    """A one-page PDF whose page shows `text`, written out object by object."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    size = len(objects) + 1
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return out.getvalue()


def _docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Tides"
    table.rows[0].cells[1].text = "twice a day"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_each_format_gives_its_text() -> None:
    assert extract_text("notes.txt", None, b"Tides rise twice a day.") == (
        "text",
        "Tides rise twice a day.",
    )
    assert extract_text("notes.md", None, b"# Tides\n\nThey rise.")[0] == "markdown"
    kind, text = extract_text("tides.pdf", None, _pdf("The Moon pulls the oceans."))
    assert (kind, text) == ("pdf", "The Moon pulls the oceans.")
    kind, text = extract_text("tides.docx", None, _docx("First paragraph.", "Second one."))
    assert kind == "docx"
    assert text == "First paragraph.\n\nSecond one.\n\nTides | twice a day"
    page = (
        b"<html><head><title>Tides</title><style>p{color:red}</style></head><body>"
        b"<nav>Home | About</nav><p>The Moon <b>pulls</b> the oceans.</p>"
        b"<p>Tides rise twice a day.</p><script>alert(1)</script></body></html>"
    )
    kind, text = extract_text("tides.html", None, page)
    assert kind == "html"
    # Inline tags run on within their sentence; scripts, styles and navigation are dropped.
    assert text == "Tides\n\nThe Moon pulls the oceans.\n\nTides rise twice a day."


def test_the_content_type_names_the_format_when_the_name_does_not() -> None:
    assert extract_text("upload", "text/plain; charset=utf-8", b"Plain words here.")[0] == "text"
    assert extract_text("upload", "application/pdf", _pdf("A page of text."))[0] == "pdf"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("program.exe", b"MZ\x90\x00", "document_format_unsupported"),
        ("broken.pdf", b"%PDF-1.4 this is not a PDF at all", "document_damaged"),
        ("broken.docx", b"PK not really a zip", "document_damaged"),
        ("latin1.txt", "Café crème".encode("latin-1"), "document_encoding"),
        ("blank.txt", b"  \n\n \n", "document_empty"),
        ("blank.pdf", _pdf(""), "document_empty"),
    ],
)
def test_what_cannot_be_read_is_refused_with_the_reason(name: str, data: bytes, code: str) -> None:
    with pytest.raises(UnreadableDocument) as refused:
        extract_text(name, None, data)
    assert refused.value.code == code
    assert refused.value.status_code == 422
    assert name in refused.value.message
