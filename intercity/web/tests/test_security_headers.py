"""Every page carries a Content-Security-Policy that allows no inline script, and a
Permissions-Policy; the pages themselves contain no inline script for it to block."""

import re

import pytest
from django.test import Client

from intercity.agreements.models import Agreement
from intercity.dataset.loader import anmc21_load

pytestmark = pytest.mark.django_db
PAGES = ["/", "/cities/", "/cities/hanoi/", "/agreements/", "/declarations/", "/knowledge/"]


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {part[0]: part[1:] for part in parts}


def test_pages_send_a_policy_that_allows_only_this_sites_scripts():
    anmc21_load(actor=None)
    client = Client()
    for path in [*PAGES, f"/agreements/{Agreement.objects.first().slug}/", "/api/docs/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = _directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "'unsafe-inline'" not in policy["style-src"]
        permissions = response["Permissions-Policy"]
        assert "camera=()" in permissions and "geolocation=()" in permissions


def test_pages_carry_no_inline_script_or_event_handler(cast, client_for):
    anmc21_load(actor=None)
    for user in (None, cast.secretariat, cast.focal_point):
        client = client_for(user)
        for path in PAGES:
            html = client.get(path).content.decode()
            for tag in re.findall(r"<script\b[^>]*>", html):
                assert "src=" in tag or "application/json" in tag, (path, tag)
            assert not re.search(r"\son[a-z]+=", html), path
