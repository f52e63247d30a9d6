"""Keeps the index in step with registered models, re-indexing in the saving transaction."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from intercity.core.backup import restored
from intercity.searchindex import indexing
from intercity.searchindex.registry import SearchSource, on_register


def connect(source: SearchSource) -> None:
    """Connect the handlers that re-index ``source``'s records; safe to call twice."""

    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            indexing.index_pk(source, instance.pk)

    def deleted(sender, instance, **kwargs):
        indexing.remove_object(source, instance.pk)

    def m2m(sender, instance, action, reverse=False, **kwargs):
        if action in ("post_add", "post_remove", "post_clear") and not reverse:
            indexing.index_pk(source, instance.pk)

    uid = f"searchindex:{source.type}"
    # weak=False: the handlers are closures that nothing else holds on to.
    post_save.connect(saved, sender=source.model, weak=False, dispatch_uid=f"{uid}:save")
    post_delete.connect(deleted, sender=source.model, weak=False, dispatch_uid=f"{uid}:delete")
    for name in source.m2m_fields:
        through = source.model._meta.get_field(name).remote_field.through
        m2m_changed.connect(m2m, sender=through, weak=False, dispatch_uid=f"{uid}:m2m:{name}")
    for index, watch in enumerate(source.watch):

        def related(sender, instance, raw=False, _watch=watch, **kwargs):
            if raw:
                return
            parent = _watch.parent(instance)
            if parent is not None:
                indexing.index_pk(source, parent)

        for signal, name in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                related, sender=watch.model, weak=False, dispatch_uid=f"{uid}:watch{index}:{name}"
            )


# Every source, registered before this module was imported or after, keeps its index current.
on_register(connect)


@receiver(restored, dispatch_uid="searchindex:restored")
def rebuild_after_restore(sender, **kwargs) -> None:
    """A backup holds no search documents: build them from the restored records.

    The vector index names documents by id, and restored ids may differ: it is
    dropped, to be built again from the vectors by the next update.
    """
    from intercity.searchindex.passage_search import discard_vector_index

    discard_vector_index()
    indexing.rebuild()
