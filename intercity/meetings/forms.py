"""Forms for meetings."""

from django import forms

from intercity.cities.models import City
from intercity.meetings.models import Meeting


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "title",
            "kind",
            "ordinal",
            "host_city",
            "year",
            "start_date",
            "end_date",
            "time_zone",
            "venue",
            "status",
            "is_public",
            "description",
            "parent",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, host_cities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_city"].queryset = (
            host_cities if host_cities is not None else City.objects.all()
        )
        self.fields["parent"].queryset = Meeting.objects.order_by("-year", "title")

    def _post_clean(self):
        # The service validates the model, so that pages and API report the same errors.
        pass
