"""Saving a form through its service, with every error the submission earns shown at once.

A form with a wrong field still has its other fields tried on the service, inside a
transaction that is always rolled back, so the rules only the service knows (a closing date
before the opening one, more than is left, a duplicate) are reported beside the field errors
rather than after the user has fixed them. A form sent with a file is tried too: no file is
stored during a trial (``intercity.core.trial_storage``). On an edit form, an error is shown
only if it holds without the stored values of the refused fields (``trial_record``).
"""

import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files import File
from django.db import models, transaction

from intercity.core.forms import apply_validation_error, error_targets
from intercity.core.trial_record import (
    CANNOT_EMPTY,
    empty_values,
    errors_in_both,
    record_kept,
    set_aside,
    stored_record,
)
from intercity.core.trial_storage import discarding_file_saves, saves_can_be_discarded

logger = logging.getLogger(__name__)

# What a missing value earns: the form has already said why the value is missing.
MISSING_VALUE_CODES = frozenset({"required", "blank", "null"})


def save_form(form, save: Callable[[dict[str, Any]], Any]) -> tuple[bool, Any]:
    """Call ``save(cleaned_data)`` on a valid form: ``(True, what it returned)``, or
    ``(False, None)`` with the service's errors on the form. An invalid form's valid fields
    are tried on ``save`` too, nothing kept, and the service's errors added beside its own."""
    if not form.is_valid():
        if form.is_bound:
            add_service_errors(form, save)
        return False, None
    try:
        return True, save(form.cleaned_data)
    except ValidationError as error:
        apply_validation_error(form, error)
        return False, None


def add_service_errors(form, save: Callable[[dict[str, Any]], Any]) -> None:
    """Show what the service would refuse in an invalid form's valid fields, writing nothing.

    A form with a file is left alone only where a storage would write it all the same.
    """
    with_file = form.files or any(isinstance(v, File) for v in form.cleaned_data.values())
    if with_file and not saves_can_be_discarded():
        return
    record_names = {name: record for record, name in getattr(form, "service_fields", {}).items()}
    refused = [record_names.get(name, name) for name in form.errors if name != NON_FIELD_ERRORS]
    record = stored_record(getattr(form, "instance", None))
    if error := trial_error(save, dict(form.cleaned_data), record=record, refused=refused):
        add_errors_beside(form, error)


def trial_error(
    save: Callable[[dict[str, Any]], Any],
    data: dict[str, Any],
    *,
    record: models.Model | None = None,
    refused: Iterable[str] = (),
):
    """The ValidationError ``save(data)`` raises, or None; whatever it wrote is rolled back,
    what it meant to do after the commit (mail, tasks, the index) goes with it, and the files
    it stored are never written.

    ``data`` lacks the ``refused`` fields, so when it changes a stored ``record`` the service
    reads their stored values instead: an error is then kept only if the service raises it
    again with those values emptied, and none is kept if one cannot be emptied."""
    found = _trial(save, data, record)
    empty = empty_values(record, refused) if found is not None and record is not None else {}
    if not empty:
        return found
    if CANNOT_EMPTY in empty.values():
        return None
    return errors_in_both(found, _trial(save, data, record, lambda: set_aside(record, empty)))


def _trial(save, data, record=None, prepare=None):
    found = None
    with discarding_file_saves(), record_kept(record), transaction.atomic():
        try:
            if prepare is not None:
                prepare()
            save(dict(data))  # a service may take what it needs out of the data
        except ValidationError as error:
            found = error
        except Exception:  # noqa: BLE001 - data that lacks the wrong fields may fail in any way
            logger.debug("The service could not judge the partial data.", exc_info=True)
        transaction.set_rollback(True)
    return found


def add_errors_beside(form, error: ValidationError) -> None:
    """Add the service's errors that concern the fields the user got right, or the whole
    form; a field that already has an error keeps only its own, and a value reported missing
    is one the form refused."""
    wrong = {name for name in form.errors if name != NON_FIELD_ERRORS}
    for target, message, code in error_targets(form, error):
        if code in MISSING_VALUE_CODES or target in wrong:
            continue
        if message not in form.errors.get(target or NON_FIELD_ERRORS, []):
            form.add_error(target, message)
