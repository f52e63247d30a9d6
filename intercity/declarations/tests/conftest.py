"""Fixtures of the declarations tests: a short declaration imported through the service."""

import pytest

from intercity.api.tests.conftest import api_as  # noqa: F401 - the API tests' token clients
from intercity.declarations.services import declaration_import
from intercity.testing.declaration_factories import SHORT_DECLARATION


@pytest.fixture
def declaration(cast):
    return declaration_import(actor=cast.secretariat, text=SHORT_DECLARATION)


@pytest.fixture
def commitment(declaration):
    """Clause 1: every member city is responsible."""
    return declaration.commitments.get(clause__number="1", subitem=None)
