"""A representative editing the business profile: a way back, a refusal for what is not a
language, and word that a change takes the profile out of the directory until verified."""

import pytest
from django.urls import reverse

from intercity.testing.business_factories import ProfileFactory

pytestmark = pytest.mark.django_db


def _form(profile, **changes):
    data = {
        "sector": profile.sector_id,
        "size": profile.size,
        "languages": profile.languages,
        "offers": profile.offers,
        "seeks": profile.seeks,
    }
    return {**data, **changes}


def test_the_profile_form_leads_back_to_the_profile(cast, client_for):
    profile = ProfileFactory(organisation=cast.organisation_rep.organisation)
    url = reverse("business:profile-edit", args=[profile.organisation.slug])
    page = client_for(cast.organisation_rep).get(url)
    assert f'href="{profile.get_absolute_url()}"' in page.text


def test_a_profile_with_something_that_is_not_a_language_is_refused(cast, client_for):
    profile = ProfileFactory(organisation=cast.organisation_rep.organisation, languages="en")
    url = reverse("business:profile-edit", args=[profile.organisation.slug])
    refused = client_for(cast.organisation_rep).post(url, _form(profile, languages="en, xx!!"))
    assert refused.status_code == 400
    assert "xx!!" in refused.context["form"].errors["languages"][0]
    profile.refresh_from_db()
    assert profile.languages == "en"
    saved = client_for(cast.organisation_rep).post(url, _form(profile, languages="vi, EN ,ms"))
    assert saved.status_code == 302
    profile.refresh_from_db()
    assert profile.language_list == ["vi", "en", "ms"]


def test_changing_a_verified_profile_says_it_waits_for_verification_again(cast, client_for):
    profile = ProfileFactory(organisation=cast.organisation_rep.organisation, is_verified=True)
    url = reverse("business:profile-edit", args=[profile.organisation.slug])
    client = client_for(cast.organisation_rep)
    page = client.post(url, _form(profile, offers="Heat pumps"), follow=True)
    text = page.text
    assert "it leaves the directory until your city" in text
    unchanged = client.post(url, _form(profile, offers="Heat pumps"), follow=True)
    assert "leaves the directory" not in unchanged.text
