"""Forms for inviting people, changing their role, and accepting an invitation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intercity.accounts.models import Invitation, User


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "first_name", "last_name", "role", "city", "organisation"]
        help_texts = {
            "city": _("Required for a focal point or an expert."),
            "organisation": _("Required for an organisation's representative."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = self.fields["city"].queryset.order_by("name")
        self.initial.setdefault("role", User.Role.FOCAL_POINT)

    def _post_clean(self):
        # The service validates the invitation, so that its errors show on these fields.
        pass


class UserDetailsForm(forms.ModelForm):
    """What a person keeps up to date about themselves."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "position", "language"]
        help_texts = {
            "email": _("Invitations, reminders and digests are sent here."),
            "language": _("The language of the site and of the emails you receive."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = self.fields["language"]
        language.choices = [("", _("as your browser asks")), *list(language.choices)[1:]]


class UserRoleForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["role", "city", "organisation", "position", "is_active"]
        labels = {"is_active": _("Account works")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = self.fields["city"].queryset.order_by("name")

    def _post_clean(self):
        pass


class AcceptInvitationForm(forms.Form):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        help_text=_("You log in with it. Letters, digits and @ . + - _ only."),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_username(self):
        username = self.cleaned_data["username"]
        User.username_validator(username)
        return username

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return cleaned
