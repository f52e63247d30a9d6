"""The accent model of Vietnamese search queries, learnt from what the platform holds."""

from __future__ import annotations

import threading
import time

from django.db.models import Count, Max
from django.utils import translation

from intercity.search import thesaurus
from intercity.search.accents import AccentModel
from intercity.searchindex.models import SearchDocument

# The most recent Vietnamese documents read into the model; enough for the
# network's own vocabulary, bounded for memory and rebuild time.
DOCUMENTS_READ = 5000

# New Vietnamese documents reach the model within this many seconds; searches
# in between ask the database nothing.
RECHECK_SECONDS = 30.0

_lock = threading.Lock()
_cached: tuple[tuple, AccentModel] | None = None
_checked_at = float("-inf")


def _shipped_texts() -> list[str]:
    # The Vietnamese interface catalogue, as Django has already loaded it.
    catalogue = translation.trans_real.translation("vi")._catalog
    texts = [value for _, value in catalogue.items() if isinstance(value, str)]
    texts += [entry.text for entry in thesaurus.entries() if entry.language == "vi"]
    return texts


def accent_model() -> AccentModel:
    """The model for the index as it is now; rebuilt when Vietnamese documents change."""
    global _cached, _checked_at
    if _cached is not None and time.monotonic() - _checked_at < RECHECK_SECONDS:
        return _cached[1]
    documents = SearchDocument.objects.filter(language__iexact="vi")
    signature = tuple(documents.aggregate(count=Count("id"), top=Max("id")).values())
    with _lock:
        _checked_at = time.monotonic()
        if _cached is not None and _cached[0] == signature:
            return _cached[1]
        texts = _shipped_texts()
        for title, body in documents.order_by("-id").values_list("title", "body")[:DOCUMENTS_READ]:
            texts.append(f"{title}\n{body}")
        model = AccentModel().learn(texts)
        _cached = (signature, model)
        return model


def forget() -> None:
    """Make the next search look at the index again (tests, after a restore)."""
    global _checked_at
    _checked_at = float("-inf")
