"""Documents users upload for research steps to read: text extraction, passages, search."""

from orchestra.documents.extract import UnreadableDocument, extract_text
from orchestra.documents.service import Documents, Found

__all__ = ["Documents", "Found", "UnreadableDocument", "extract_text"]
