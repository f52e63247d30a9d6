"""Uploaded files, served only to readers who may see the record each file belongs to.

Each app that stores files registers the folder its uploads go to (the field's
``upload_to``) and a rule that finds the owning record and asks its ``can_view_*``
permission. A file no rule claims is served to nobody.
"""

import mimetypes
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse

# Types a browser may show in the page; anything else is offered as a download.
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"}

FileRule = Callable[[Any, str], bool]
_rules: dict[str, FileRule] = {}


def register_file_rule(folder: str, can_read: FileRule) -> None:
    """``can_read(user, name)`` says whether ``user`` may read the stored file ``name``."""
    _rules[folder.rstrip("/") + "/"] = can_read


def can_read_file(user, name: str) -> bool:
    for folder, can_read in _rules.items():
        if name.startswith(folder):
            return bool(can_read(user, name))
    return False


def clean_name(name: str) -> str:
    """The stored name, refused when it climbs out of the media folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise Http404
    return str(path)


def file_response(name: str) -> HttpResponse:
    """The file itself, or a header telling the front web server to send it."""
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    disposition = "inline" if content_type in INLINE_TYPES else "attachment"
    filename = PurePosixPath(name).name
    offload = settings.INTERCITY_FILE_OFFLOAD
    if offload in ("x-accel", "x-sendfile"):
        if not default_storage.exists(name):
            raise Http404
        response = HttpResponse(content_type=content_type)
        if offload == "x-accel":
            response["X-Accel-Redirect"] = settings.INTERCITY_FILE_OFFLOAD_PREFIX + name
        else:
            response["X-Sendfile"] = default_storage.path(name)
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    else:
        try:
            handle = default_storage.open(name, "rb")
        except FileNotFoundError as missing:
            raise Http404 from missing
        response = FileResponse(
            handle,
            content_type=content_type,
            as_attachment=disposition == "attachment",
            filename=filename,
        )
    response["Cache-Control"] = "private"
    return response
