"""Every API operation, called with generated input by each role, answers as its schema says.

Schemathesis generates requests from the OpenAPI schema for all operations, a bounded number
per operation and role (derandomised, so a run repeats exactly). Each answer must not be a
server error, must use a documented status code, and must match the documented response
schema. The data is the ANMC21 dataset, so generated slugs and ids meet real records too.
"""

import collections

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.dataset.loader import anmc21_load

EXAMPLES_PER_OPERATION = 4
CHECKS = (not_a_server_error, status_code_conformance, response_schema_conformance)


def _tokens() -> dict[str, str | None]:
    secretariat = User.objects.create_user(
        username="fuzz-secretariat", password="unused-1", role=User.Role.SECRETARIAT
    )
    focal = User.objects.create_user(
        username="fuzz-focal",
        password="unused-2",
        role=User.Role.FOCAL_POINT,
        city=City.objects.get(slug="hanoi"),
    )
    return {
        "anonymous": None,
        "secretariat": Token.objects.create(user=secretariat).key,
        "focal point": Token.objects.create(user=focal).key,
    }


def _run_operation(operation, token: str | None, failures: collections.Counter) -> int:
    calls = 0
    headers = {"Authorization": f"Token {token}"} if token else {}

    @given(case=operation.as_strategy())
    @hypothesis_settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )
    def call(case):
        nonlocal calls
        calls += 1
        response = case.call(headers=headers)
        for check in CHECKS:
            try:
                case.validate_response(response, checks=[check], headers=headers)
            except (Exception, BaseExceptionGroup) as failure:  # noqa: BLE001 - reported below
                first_line = str(failure).strip().splitlines()[:6]
                failures[(operation.label, check.__name__, " ".join(first_line))] += 1

    call()
    return calls


@pytest.mark.django_db(transaction=True)
def test_every_operation_answers_as_documented_for_every_role(settings):
    # The caller's rate is not what this test is about; the limit still stays documented.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_CLASSES": [],
    }
    anmc21_load(actor=None)
    tokens = _tokens()
    schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    failures: collections.Counter = collections.Counter()
    operations = calls = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        for token in tokens.values():
            calls += _run_operation(operation, token, failures)
    assert operations > 100
    assert calls >= operations * len(tokens)
    report = "\n".join(f"{count} × {key}" for key, count in sorted(failures.items()))
    assert not failures, f"{len(failures)} kinds of failure:\n{report}"
