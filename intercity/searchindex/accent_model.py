"""The accent model of Vietnamese search queries, learnt from what the platform holds."""

from __future__ import annotations

import threading

from django.db.models import Count, Max
from django.utils import translation

from intercity.search import thesaurus
from intercity.search.accents import AccentModel
from intercity.searchindex.models import SearchDocument

# The most recent Vietnamese documents read into the model; enough for the
# network's own vocabulary, bounded for memory and rebuild time.
DOCUMENTS_READ = 5000

_lock = threading.Lock()
_cached: tuple[tuple, AccentModel] | None = None


def _shipped_texts() -> list[str]:
    # The Vietnamese interface catalogue, as Django has already loaded it.
    catalogue = translation.trans_real.translation("vi")._catalog
    texts = [value for _, value in catalogue.items() if isinstance(value, str)]
    texts += [entry.text for entry in thesaurus.entries() if entry.language == "vi"]
    return texts


def accent_model() -> AccentModel:
    """The model for the index as it is now; rebuilt when Vietnamese documents change."""
    global _cached
    documents = SearchDocument.objects.filter(language__iexact="vi")
    signature = tuple(documents.aggregate(count=Count("id"), top=Max("id")).values())
    with _lock:
        if _cached is not None and _cached[0] == signature:
            return _cached[1]
        texts = _shipped_texts()
        for title, body in documents.order_by("-id").values_list("title", "body")[:DOCUMENTS_READ]:
            texts.append(f"{title}\n{body}")
        model = AccentModel().learn(texts)
        _cached = (signature, model)
        return model
