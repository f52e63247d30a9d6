"""Production serves every page with hashed, collected static files: no missing manifest entry."""

import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from intercity.agreements.models import Agreement
from intercity.cities.models import City
from intercity.dataset.loader import anmc21_load
from intercity.declarations.models import Declaration

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "intercity.core.trial_storage.TrialFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def collected(tmp_path):
    with override_settings(
        STATIC_ROOT=tmp_path / "static",
        STORAGES=PRODUCTION_STORAGES,
        WHITENOISE_USE_FINDERS=False,
        DEBUG=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path / "static"


@pytest.mark.django_db
def test_every_kind_of_page_renders_with_the_manifest_storage(collected):
    anmc21_load(actor=None)
    paths = [
        "/",
        "/news/",
        "/search/?q=Tomsk",
        "/accounts/login/",
        "/cities/",
        f"/cities/{City.objects.get(slug='hanoi').slug}/",
        "/meetings/",
        "/programmes/",
        "/agreements/",
        f"/agreements/{Agreement.objects.first().slug}/",
        "/organisations/",
        "/declarations/",
        f"/declarations/{Declaration.objects.first().slug}/",
        "/business/",
        "/knowledge/",
        "/api/docs/",
    ]
    client = Client()
    for path in paths:
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        html = response.content.decode()
        for url in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
            # The manifest storage names every file by its content hash.
            assert re.search(r"\.[0-9a-f]{12}\.\w+$", url), (path, url)
            assert (collected / url.removeprefix("/static/")).exists(), (path, url)
