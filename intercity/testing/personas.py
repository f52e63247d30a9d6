"""The fixed cast of every permission test: who acts, and on which city's records."""

from dataclasses import dataclass

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.testing.factories import CityFactory, OrganisationFactory, UserFactory


@dataclass
class Cast:
    home: City
    other: City
    secretariat: User
    focal_point: User
    other_focal_point: User
    expert: User
    organisation_rep: User
    reader: User


def make_cast() -> Cast:
    home = CityFactory(name="Home City", country_code="VN", country_name="Vietnam")
    other = CityFactory(name="Other City", country_code="JP", country_name="Japan")
    organisation = OrganisationFactory(city=home)
    return Cast(
        home=home,
        other=other,
        secretariat=UserFactory(username="secretariat", role=User.Role.SECRETARIAT),
        focal_point=UserFactory(username="focal", role=User.Role.FOCAL_POINT, city=home),
        other_focal_point=UserFactory(
            username="otherfocal", role=User.Role.FOCAL_POINT, city=other
        ),
        expert=UserFactory(username="expert", role=User.Role.EXPERT, city=home),
        organisation_rep=UserFactory(
            username="orgrep", role=User.Role.ORGANISATION_REP, organisation=organisation
        ),
        reader=UserFactory(username="reader", role=User.Role.MEMBER),
    )
