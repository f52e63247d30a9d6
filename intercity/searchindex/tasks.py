"""Background tasks of the search index."""

from huey.contrib.djhuey import db_task

from intercity.searchindex.indexing import refresh_keys
from intercity.searchindex.vectors import run_embedding


@db_task()
def embed_documents(run_id: int) -> None:
    """Embed the documents that have no up-to-date vector, recording progress in the run."""
    run_embedding(run_id)


@db_task()
def refresh_index(keys: list[tuple[str, object]]) -> None:
    """Bring the index rows of the records written by one transaction up to date."""
    refresh_keys(keys)
