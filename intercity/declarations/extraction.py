"""Plain text out of an uploaded declaration: .txt, .docx or .pdf with a text layer."""

from __future__ import annotations

import io
from pathlib import PurePath

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text", ".md")


class ExtractionError(ValueError):
    """The file could not be read as a declaration's text; the message says why."""


def extract_text(name: str, content: bytes) -> str:
    """The file's text, decoded; raises ExtractionError for what cannot be read."""
    if len(content) > MAX_UPLOAD_BYTES:
        raise ExtractionError("too large")
    suffix = PurePath(name or "").suffix.lower()
    if suffix in TEXT_SUFFIXES or not suffix:
        return _decode(content)
    if suffix == ".docx":
        return _docx_text(content)
    if suffix == ".pdf":
        return _pdf_text(content)
    raise ExtractionError("unsupported type")


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        return text
    return content.decode("latin-1")


def _docx_text(content: bytes) -> str:
    import docx  # python-docx; imported here so plain-text imports do not pay for it

    try:
        document = docx.Document(io.BytesIO(content))
    except Exception as error:  # noqa: BLE001 - any unreadable file is the same to the user
        raise ExtractionError("unreadable docx") from error
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append(" | ".join(cell.text for cell in row.cells))
    # A blank line between paragraphs is how the parser tells paragraphs apart.
    return "\n\n".join(text for text in paragraphs if text.strip())


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(content))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds on broken files
        raise ExtractionError("unreadable pdf") from error
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text.strip():
        raise ExtractionError("no text layer")
    return text
