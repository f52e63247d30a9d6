"""Generated demo data: one login per role and a few organisations, all marked as demo."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.organisations.models import Organisation
from intercity.organisations.services import organisation_create

# Demo logins share one password; they exist only on machines where --demo was asked for.
DEMO_PASSWORD = "intercity-demo"  # noqa: S105

DEMO_ORGANISATIONS = [
    ("demo-hanoi-urban-energy", "Demo: Hanoi Urban Energy Co.", "enterprise", "hanoi"),
    ("demo-tokyo-water-tech", "Demo: Tokyo Water Technologies", "enterprise", "tokyo"),
    ("demo-seoul-it-university", "Demo: Seoul Institute of Urban IT", "university", "seoul"),
]

DEMO_USERS = [
    ("secretariat", "Demo Secretariat", User.Role.SECRETARIAT, None, None),
    ("hanoi.focal", "Demo Hanoi focal point", User.Role.FOCAL_POINT, "hanoi", None),
    ("tokyo.focal", "Demo Tokyo focal point", User.Role.FOCAL_POINT, "tokyo", None),
    ("seoul.expert", "Demo Seoul expert", User.Role.EXPERT, "seoul", None),
    (
        "org.rep",
        "Demo organisation representative",
        User.Role.ORGANISATION_REP,
        "hanoi",
        "demo-hanoi-urban-energy",
    ),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str


@transaction.atomic
def demo_load() -> list[DemoLogin]:
    """Create the demo organisations and one login per role (idempotent)."""
    cities = {c.slug: c for c in City.objects.filter(slug__in=["hanoi", "tokyo", "seoul"])}
    for slug, name, kind, city in DEMO_ORGANISATIONS:
        if not Organisation.objects.filter(slug=slug).exists():
            organisation_create(
                actor=None,
                data={
                    "slug": slug,
                    "name": name,
                    "kind": kind,
                    "city": cities[city],
                    "is_demo": True,
                    "description": "Generated demo organisation.",
                },
            )
    logins = []
    for username, full_name, role, city, organisation in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            first, _, last = full_name.partition(" ")
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                role=role,
                city=cities.get(city),
                organisation=Organisation.objects.filter(slug=organisation).first(),
                is_demo=True,
                is_staff=role == User.Role.SECRETARIAT,
                is_superuser=role == User.Role.SECRETARIAT,
            )
            user.set_password(DEMO_PASSWORD)
            user.full_clean()
            user.save()
        logins.append(DemoLogin(username, DEMO_PASSWORD, user.get_role_display()))
    return logins
