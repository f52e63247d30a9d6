"""Every date and time input of every form gives its value in the one format the browser's
picker reads (ISO), whatever the interface language; any other value the browser drops."""

import importlib
import pkgutil

import pytest
from django import forms
from django.utils import translation

import intercity

ISO = {"date": "%Y-%m-%d", "datetime-local": "%Y-%m-%dT%H:%M"}


def _form_classes():
    for module_info in pkgutil.walk_packages(intercity.__path__, "intercity."):
        if module_info.name.endswith(".forms") and ".tests" not in module_info.name:
            module = importlib.import_module(module_info.name)
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and issubclass(value, forms.BaseForm)
                    and value.__module__ == module.__name__
                ):
                    yield value


def _picker_fields():
    for form_class in _form_classes():
        for name, field in form_class.base_fields.items():
            kind = getattr(field.widget, "input_type", None)
            if kind in ISO:
                yield f"{form_class.__module__}.{form_class.__name__}.{name}", field.widget, kind


def test_the_scan_finds_the_date_inputs():
    names = [name for name, _widget, _kind in _picker_fields()]
    assert "intercity.meetings.forms.MeetingForm.start_date" in names
    assert "intercity.meetings.forms.SessionForm.starts_at" in names


@pytest.mark.parametrize("language", ["th", "ru", "zh-hant", "fil", "id", "my"])
def test_every_date_and_time_input_renders_iso_in_every_language(language):
    import datetime

    moment = datetime.datetime(2013, 11, 18, 15, 30)
    wrong = []
    with translation.override(language):
        for name, widget, kind in _picker_fields():
            value = widget.format_value(moment.date() if kind == "date" else moment)
            if value != moment.strftime(ISO[kind]):
                wrong.append(f"{name}: {value}")
    assert wrong == []
