"""Three member cities at their real places and one focal point for each."""

from dataclasses import dataclass

import pytest

from intercity.accounts.models import User
from intercity.testing.factories import UserFactory
from intercity.testing.solidarity_factories import city, focal_point


@dataclass
class Network:
    manila: object
    tokyo: object
    seoul: object
    manila_focal: User
    tokyo_focal: User
    seoul_focal: User
    secretariat: User
    reader: User


@pytest.fixture
def net(db):
    manila, tokyo, seoul = city("metro-manila"), city("tokyo"), city("seoul")
    return Network(
        manila=manila,
        tokyo=tokyo,
        seoul=seoul,
        manila_focal=focal_point(manila, "manila.focal"),
        tokyo_focal=focal_point(tokyo, "tokyo.focal"),
        seoul_focal=focal_point(seoul, "seoul.focal"),
        secretariat=UserFactory(username="sec", role=User.Role.SECRETARIAT),
        reader=UserFactory(username="reader", role=User.Role.MEMBER),
    )
