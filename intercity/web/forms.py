"""Forms of the pages the site shell owns: network news."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intercity.cities.models import City
from intercity.core.models import NewsItem
from intercity.core.widgets import DateInput
from intercity.meetings.models import Meeting


class NewsForm(forms.ModelForm):
    cities = forms.ModelMultipleChoiceField(
        queryset=City.objects.order_by("name"),
        required=False,
        label=_("Cities"),
        help_text=_("The cities the news is about."),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = NewsItem
        fields = ["title", "kind", "published_on", "summary", "meeting", "source_document"]
        widgets = {
            "published_on": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.order_by("-year", "title")
        if self.instance.pk:
            self.initial.setdefault(
                "cities", list(self.instance.cities.values_list("pk", flat=True))
            )
        else:
            self.initial.setdefault("published_on", timezone.localdate())

    def _post_clean(self):
        # The service validates the model, so that pages and API report the same errors.
        pass

    def split(self) -> tuple[dict, list]:
        data = dict(self.cleaned_data)
        return data, list(data.pop("cities"))
