"""A refused write through the API names every error at once: the fields the client got right
are tried on the service, nothing kept, and what it refuses joins the field errors."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.fields import SkipField, empty
from rest_framework.settings import api_settings

from intercity.core.form_saving import MISSING_VALUE_CODES, trial_error
from intercity.core.trial_record import stored_record


def api_names(serializer: serializers.Serializer) -> dict[str, str]:
    """The API's name of each model field the serializer exposes under another one."""
    return {
        field.source: name
        for name, field in serializer.fields.items()
        if field.source and field.source != "*"
    }


def valid_part(serializer: serializers.Serializer) -> dict[str, Any]:
    """What ``validated_data`` would hold for the fields of an invalid serializer that passed."""
    data: dict[str, Any] = {}
    for name, field in serializer.fields.items():
        if field.read_only or name in serializer.errors:
            continue
        primitive = field.get_value(serializer.initial_data)
        try:
            value = field.run_validation(primitive)
        except (SkipField, serializers.ValidationError, DjangoValidationError):
            continue
        if primitive is empty and value is empty:
            continue
        serializer.set_value(data, field.source_attrs, value)
    return data


def refuse_with_service_errors(
    serializer: serializers.Serializer, write: Callable[[dict[str, Any]], Any]
) -> None:
    """Raise the invalid serializer's errors with those the service finds in the rest."""
    errors = dict(serializer.errors)  # a nested row's errors stay as they are
    wrong = set(errors) - {api_settings.NON_FIELD_ERRORS_KEY}
    refused = [serializer.fields[name].source for name in wrong if name in serializer.fields]
    record = stored_record(serializer.instance)
    found = trial_error(write, valid_part(serializer), record=record, refused=refused)
    if found is not None:
        for name, message in _messages(serializer, found):
            if name in wrong:
                continue  # the field's own error is the one to fix
            messages = errors[name] = list(errors.get(name, []))
            if message not in messages:
                messages.append(message)
    raise serializers.ValidationError(errors)


def _messages(serializer, error: DjangoValidationError) -> list[tuple[str, str]]:
    if not hasattr(error, "error_dict"):
        return [(api_settings.NON_FIELD_ERRORS_KEY, message) for message in error.messages]
    names = api_names(serializer)
    found = []
    for field, errors in error.error_dict.items():
        name = names.get(field, field)
        if field == NON_FIELD_ERRORS:
            name = api_settings.NON_FIELD_ERRORS_KEY
        for one in errors:
            if one.code not in MISSING_VALUE_CODES:
                found.extend((name, message) for message in one.messages)
    return found


def validated_or_refused(
    serializer: serializers.Serializer, write: Callable[[dict[str, Any]], Any]
) -> dict[str, Any]:
    """The serializer's validated data, or a 400 with its errors and the service's beside."""
    if not serializer.is_valid():
        refuse_with_service_errors(serializer, write)
    return dict(serializer.validated_data)
