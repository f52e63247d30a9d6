"""Recognising attachment types by their content (magic bytes), never by name or declared type."""

from __future__ import annotations

import io
import zipfile

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"

ALLOWED_TYPES = (PDF, DOCX, PNG, JPEG, GIF, WEBP)
EXTENSIONS = {PDF: "pdf", DOCX: "docx", PNG: "png", JPEG: "jpg", GIF: "gif", WEBP: "webp"}


def _is_docx(data: bytes) -> bool:
    # A DOCX is a ZIP holding the Word main part; other ZIPs (XLSX, JAR, plain
    # archives) are not accepted as documents.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "[Content_Types].xml" in names and "word/document.xml" in names


def detect_type(data: bytes) -> str | None:
    """The MIME type of an allowed file from its bytes, or None for anything else."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return DOCX
    return None
