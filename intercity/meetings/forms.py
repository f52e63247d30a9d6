"""Forms for meetings, their participants and documents."""

import json

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from intercity.cities.models import City
from intercity.core.forms import NamesField
from intercity.core.widgets import DateInput, DateTimeInput
from intercity.meetings.models import (
    Attendee,
    Meeting,
    MeetingCity,
    MeetingDocument,
    Registration,
    Session,
)


class MeetingForm(forms.ModelForm):
    represented = forms.ModelMultipleChoiceField(
        queryset=City.objects.order_by("name"),
        required=False,
        label=_("Cities represented"),
        help_text=_("Besides the host city."),
        widget=forms.CheckboxSelectMultiple,
    )
    observers = forms.ModelMultipleChoiceField(
        queryset=City.objects.order_by("name"),
        required=False,
        label=_("Observer cities"),
        widget=forms.CheckboxSelectMultiple,
    )
    titles = NamesField(
        label=_("Titles in other languages"),
        required=False,
        help_text=_("One a line: language code, colon, title, e.g. ja: 第12回総会."),
    )

    class Meta:
        model = Meeting
        fields = [
            "title",
            "titles",
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
            "start_date": DateInput(),
            "end_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, plenary_series: bool, host_cities=None, **kwargs):
        """`plenary_series`: whether the user may open, number and re-kind plenaries."""
        super().__init__(*args, **kwargs)
        host = self.fields["host_city"]
        host.queryset = host_cities if host_cities is not None else City.objects.all()
        if host_cities is not None and len(choices := list(host_cities[:2])) == 1:
            # A focal point records meetings of their own city: no empty choice to fail on.
            host.empty_label = None
            host.required = True
            self.initial.setdefault("host_city", choices[0].pk)
        self._follow_the_hosts_time_zone(host.queryset)
        if not plenary_series:
            self._leave_the_series_alone()
        self.fields["parent"].queryset = Meeting.objects.exclude(
            pk=self.instance.pk  # a meeting is not held alongside itself
        ).order_by("-year", "title")
        if self.instance.pk:
            roles = list(self.instance.city_roles.all())
            delegates = [r.city_id for r in roles if r.role == MeetingCity.Role.DELEGATE]
            observers = [r.city_id for r in roles if r.role == MeetingCity.Role.OBSERVER]
            self.initial.setdefault("represented", delegates)
            self.initial.setdefault("observers", observers)

    def _follow_the_hosts_time_zone(self, hosts):
        # A meeting is held in its host's time zone unless the person says otherwise: a new
        # one starts from the preselected host's zone, or from none (the service then takes
        # the host's), and the page's script fills in the zone of the host chosen, as long as
        # the zone shown is one it filled in (web/behaviour.js, data-fills).
        zones = {str(pk): zone for pk, zone in hosts.values_list("pk", "time_zone")}
        self.fields["host_city"].widget.attrs.update(
            {"data-fills": "time_zone", "data-fill-values": json.dumps(zones)}
        )
        field = self.fields["time_zone"]
        field.required = False
        field.help_text = _("Leave empty to use the host city's time zone.")
        if self.instance.pk:
            host = self.instance.host_city_id
            followed = host and zones.get(str(host)) == self.instance.time_zone
            shown = self.instance.time_zone
        else:
            shown = zones.get(str(self.initial.get("host_city")), "")
            self.initial["time_zone"] = shown
            followed = True
        if followed:
            field.widget.attrs["data-filled"] = shown

    def _leave_the_series_alone(self):
        # A plenary's host edits its logistics, so its kind and number are shown but fixed;
        # any other meeting may not become a plenary, and only plenaries are numbered.
        if self.instance.pk and self.instance.kind == Meeting.Kind.PLENARY:
            self.fields["kind"].disabled = True
            self.fields["kind"].help_text = _(
                "Only the secretariat opens a plenary meeting or changes its kind."
            )
            self.fields["ordinal"].disabled = True
            self.fields["ordinal"].help_text = _(
                "Only the secretariat numbers the plenary meetings."
            )
            return
        kind = self.fields["kind"]
        kind.choices = [c for c in kind.choices if c[0] != Meeting.Kind.PLENARY]
        del self.fields["ordinal"]

    def _post_clean(self):
        # The service validates the model, so that pages and API report the same errors.
        pass

    def clean(self):
        cleaned = super().clean()
        both = set(cleaned.get("represented") or []) & set(cleaned.get("observers") or [])
        if both:
            names = ", ".join(sorted(city.label for city in both))
            self.add_error("observers", _("Already represented: %(names)s.") % {"names": names})
        return cleaned

    def split(self) -> tuple[dict, dict]:
        """Field values, and the participating cities (city → role) as the services take them."""
        data = dict(self.cleaned_data)
        # A set the user got wrong is missing; the service is then tried without it.
        cities = dict.fromkeys(data.pop("represented", ()), MeetingCity.Role.DELEGATE)
        cities |= dict.fromkeys(data.pop("observers", ()), MeetingCity.Role.OBSERVER)
        return data, cities


class SessionForm(forms.ModelForm):
    """An agenda item; times are typed and shown in the meeting's own time zone."""

    class Meta:
        model = Session
        fields = ["title", "kind", "topic", "day", "starts_at", "ends_at", "position"]
        widgets = {
            "day": DateInput(),
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
        }

    def _post_clean(self):
        pass


class ParticipatingCitiesForm(forms.Form):
    """The cities taking part besides the host: represented or observing."""

    represented = forms.ModelMultipleChoiceField(
        queryset=City.objects.order_by("name"),
        required=False,
        label=_("Cities represented"),
        help_text=_("Besides the host city."),
        widget=forms.CheckboxSelectMultiple,
    )
    observers = forms.ModelMultipleChoiceField(
        queryset=City.objects.order_by("name"),
        required=False,
        label=_("Observer cities"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        others = City.objects.exclude(pk=meeting.host_city_id).order_by("name")
        self.fields["represented"].queryset = others
        self.fields["observers"].queryset = others
        roles = list(meeting.city_roles.all())
        self.initial.setdefault(
            "represented", [r.city_id for r in roles if r.role == MeetingCity.Role.DELEGATE]
        )
        self.initial.setdefault(
            "observers", [r.city_id for r in roles if r.role == MeetingCity.Role.OBSERVER]
        )

    def clean(self):
        cleaned = super().clean()
        both = set(cleaned.get("represented") or []) & set(cleaned.get("observers") or [])
        if both:
            names = ", ".join(sorted(city.label for city in both))
            self.add_error("observers", _("Already represented: %(names)s.") % {"names": names})
        return cleaned

    def roles(self) -> dict:
        roles = dict.fromkeys(self.cleaned_data["represented"], MeetingCity.Role.DELEGATE)
        return roles | dict.fromkeys(self.cleaned_data["observers"], MeetingCity.Role.OBSERVER)


class AttendeeForm(forms.ModelForm):
    class Meta:
        model = Attendee
        fields = ["name", "position", "city", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = City.objects.order_by("name")

    def _post_clean(self):
        pass


class DocumentForm(forms.ModelForm):
    # Stored as a language code, as the loaded records have it; a list, not a code to guess.
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", "---------"), *settings.LANGUAGES], required=False
    )
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word (DOCX) or an image, up to 20 MB; or give a link instead."),
    )

    class Meta:
        model = MeetingDocument
        fields = ["title", "kind", "language", "url"]

    def _post_clean(self):
        pass

    def split(self) -> tuple[dict, tuple[str, bytes] | None]:
        data = dict(self.cleaned_data)
        upload = data.pop("file", None)
        return data, ((upload.name, upload.read()) if upload else None)


class RegistrationSettingsForm(forms.Form):
    """Opening registration: the first and last day, in the meeting's time zone."""

    opens_on = forms.DateField(label=_("Registration opens on"), widget=DateInput())
    closes_on = forms.DateField(label=_("Registration closes on"), widget=DateInput())
    places_per_city = forms.IntegerField(
        label=_("Places per city delegation"),
        required=False,
        min_value=1,
        max_value=999,
        help_text=_("Leave empty for no limit."),
    )
    # The service checks the dates against the meeting; its errors name the model's fields.
    service_fields = {
        "registration_opens_on": "opens_on",
        "registration_closes_on": "closes_on",
    }

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("opens_on", meeting.registration_opens_on)
        self.initial.setdefault("closes_on", meeting.registration_closes_on)
        self.initial.setdefault("places_per_city", meeting.places_per_city)


class RegistrationForm(forms.ModelForm):
    """What a delegate fills in; a focal point or the meeting's managers also choose the
    person they register."""

    person = forms.ModelChoiceField(queryset=None, label=_("Person"), required=True)

    class Meta:
        model = Registration
        fields = ["position", "role", "needs_visa_letter", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, people=None, **kwargs):
        """`people`: whom the user may register; None registers the user themselves."""
        super().__init__(*args, **kwargs)
        if people is None:
            del self.fields["person"]
        else:
            self.fields["person"].queryset = people
            self.fields["person"].label_from_instance = _person_label
            self.order_fields(["person"])

    def _post_clean(self):
        pass


def _person_label(person) -> str:
    name = person.get_full_name() or person.username
    place = person.city.label if person.city_id else ""
    return f"{name} ({place})" if place else name
