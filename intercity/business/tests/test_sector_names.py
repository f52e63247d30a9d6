"""Sector names in the reader's language: the ISIC sections are translated, a sector the
secretariat adds shows as typed, and imports still take English names and codes."""

import pytest
from django.urls import reverse
from django.utils import translation

from intercity.business.models import Profile, Sector
from intercity.business.profile_importing import profiles_import
from intercity.testing.business_factories import ProfileFactory
from intercity.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

CONSTRUCTION = {"en": "Construction", "vi": "Xây dựng", "ja": "建設業"}
SECTOR_CODE = {"en": "Sector code ", "vi": "Mã ngành ", "ja": "業種コード "}


def _construction() -> Sector:
    return Sector.objects.update_or_create(code="F", defaults={"name": "Construction"})[0]


def test_the_directory_names_an_isic_section_in_the_readers_language(client):
    ProfileFactory(sector=_construction(), is_verified=True)
    for language, name in CONSTRUCTION.items():
        page = client.get(reverse("business:list"), HTTP_ACCEPT_LANGUAGE=language).text
        # In the sector filter and as the badge of the listed profile, not just the letter.
        assert f'<option value="F">F · {name}</option>' in page
        assert f'<span class="badge" title="{SECTOR_CODE[language]}F">{name}</span>' in page
        if language != "en":
            assert "Construction" not in page


def test_the_profile_page_and_the_form_name_the_sector_in_the_readers_language(cast, client_for):
    profile = ProfileFactory(
        sector=_construction(), organisation=cast.organisation_rep.organisation, is_verified=True
    )
    page = client_for(None).get(profile.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja").text
    assert "F · 建設業" in page
    with translation.override("vi"):
        from intercity.business.forms import ProfileForm

        labels = dict(ProfileForm().fields["sector"].choices)
    assert "F · Xây dựng" in {str(label) for label in labels.values()}


def test_a_sector_added_by_the_secretariat_shows_as_typed(client):
    custom = Sector.objects.create(code="X1", name="Urban cooling services")
    ProfileFactory(sector=custom, is_verified=True)
    page = client.get(reverse("business:list"), HTTP_ACCEPT_LANGUAGE="vi").text
    assert '<span class="badge" title="Mã ngành X1">Urban cooling services</span>' in page
    with translation.override("ja"):
        assert custom.label == "Urban cooling services"


def test_the_api_gives_the_code_and_the_name_in_the_readers_language(client):
    ProfileFactory(sector=_construction(), is_verified=True)
    rows = client.get("/api/v1/business/profiles/", HTTP_ACCEPT_LANGUAGE="vi").json()
    rows = rows.get("results", rows)
    assert (rows[0]["sector"], rows[0]["sector_label"]) == ("F", "Xây dựng")


def test_an_import_by_a_vietnamese_reader_takes_english_names_codes_and_vietnamese_names(cast):
    _construction()
    firms = [OrganisationFactory(name=f"Firm {n}", city=cast.home) for n in range(3)]
    content = (
        "organisation,sector\n"
        f"{firms[0].slug},construction\n"
        f"{firms[1].slug},f\n"
        f"{firms[2].slug},Xây dựng\n"
    ).encode()
    with translation.override("vi"):
        report = profiles_import(actor=cast.secretariat, content=content)
    assert report.ok and report.written, report.errors
    assert {p.sector.code for p in Profile.objects.filter(organisation__in=firms)} == {"F"}
