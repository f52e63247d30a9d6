"""Users of the platform and the role each plays in the network."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from intercity.core.hygiene import check_instance


class User(AbstractUser):
    class Role(models.TextChoices):
        SECRETARIAT = "secretariat", _("Secretariat")
        FOCAL_POINT = "focal_point", _("City focal point")
        EXPERT = "expert", _("Expert / delegate")
        ORGANISATION_REP = "organisation_rep", _("Organisation representative")
        MEMBER = "member", _("Registered reader")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("city"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="representatives",
        verbose_name=_("organisation"),
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    is_demo = models.BooleanField(_("demo account"), default=False)
    # The interface language chosen by the person (empty: follow the browser); emails use it too.
    language = models.CharField(
        _("language"), max_length=10, blank=True, default="", choices=settings.LANGUAGES
    )
    # Role, city and activity changes are official; secrets never enter the history.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean_fields(self, exclude=None) -> None:
        super().clean_fields(exclude=exclude)
        check_instance(self, exclude=exclude)

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.role in (self.Role.FOCAL_POINT, self.Role.EXPERT) and not self.city_id:
            errors["city"] = _("A focal point or expert must belong to a city.")
        if self.role == self.Role.ORGANISATION_REP and not self.organisation_id:
            errors["organisation"] = _("An organisation representative needs an organisation.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_secretariat(self) -> bool:
        return self.is_active and (self.role == self.Role.SECRETARIAT or self.is_superuser)

    @property
    def is_focal_point(self) -> bool:
        return self.is_active and self.role == self.Role.FOCAL_POINT and self.city_id is not None


class Invitation(models.Model):
    """A one-time link by which the secretariat brings a person onto the platform in a role.

    Only a hash of the token is stored; the link works once, until it expires.
    """

    email = models.EmailField(_("email"))
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=User.Role.choices)
    city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("city"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    user = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
        verbose_name=_("account created"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email

    def clean_fields(self, exclude=None) -> None:
        super().clean_fields(exclude=exclude)
        check_instance(self, exclude=exclude)

    def clean(self) -> None:
        super().clean()
        probe = User(role=self.role, city_id=self.city_id, organisation_id=self.organisation_id)
        try:
            probe.clean()
        except ValidationError as error:
            raise ValidationError(error.message_dict) from error

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
