"""Date and time inputs that the browser's own pickers can read in every interface language."""

from django import forms


class DateInput(forms.DateInput):
    """An `<input type="date">` whose value is always ISO (2013-11-18): the browser drops any
    other value, such as the Thai or Russian way of writing a date, and saving the form then
    clears the date."""

    input_type = "date"

    def __init__(self, attrs=None, format=None):  # noqa: A002 (Django's own argument name)
        super().__init__(attrs, format=format or "%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    """An `<input type="datetime-local">` whose value is always ISO (2013-11-18T15:30)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None, format=None):  # noqa: A002 (Django's own argument name)
        super().__init__(attrs, format=format or "%Y-%m-%dT%H:%M")
