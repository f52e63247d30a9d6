"""Users of the platform and the role each plays in the network."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

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
