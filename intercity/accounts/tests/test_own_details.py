"""People correct their own name, email, position and language; never their role."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from intercity.accounts.models import User

pytestmark = pytest.mark.django_db
URL = reverse("accounts:profile-edit")
GOOD = {
    "first_name": "Ji-won",
    "last_name": "Park",
    "email": "jiwon.park@seoul.example",
    "position": "Urban planner",
    "language": "ko",
}


def test_the_profile_links_to_the_details_form(client_for, cast):
    page = client_for(cast.expert).get(reverse("accounts:profile")).content.decode()
    assert f'href="{URL}"' in page


def test_an_expert_corrects_their_details(client_for, cast):
    response = client_for(cast.expert).post(URL, GOOD)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    cast.expert.refresh_from_db()
    assert cast.expert.get_full_name() == "Ji-won Park"
    assert cast.expert.email == "jiwon.park@seoul.example"
    assert cast.expert.position == "Urban planner"
    assert cast.expert.language == "ko"
    assert cast.expert.history.first().history_change_reason == "accounts.user.updated"


def test_role_and_city_cannot_be_changed_through_it(client_for, cast):
    client_for(cast.expert).post(URL, GOOD | {"role": "secretariat", "city": cast.other.pk})
    cast.expert.refresh_from_db()
    assert cast.expert.role == User.Role.EXPERT
    assert cast.expert.city == cast.home


def test_a_bad_email_is_shown_on_its_field_and_nothing_typed_is_lost(client_for, cast):
    response = client_for(cast.expert).post(URL, GOOD | {"email": "not-an-address"})

    assert response.status_code == 400
    assert "email" in response.context["form"].errors
    page = response.content.decode()
    assert 'value="Urban planner"' in page and 'value="not-an-address"' in page
    cast.expert.refresh_from_db()
    assert cast.expert.email != "not-an-address"


def test_anonymous_visitors_are_sent_to_log_in(client_for):
    response = client_for(None).get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_rejects_put(client_for, cast):
    assert client_for(cast.expert).put(URL).status_code == 405


def test_the_empty_language_choice_says_what_it_means(client_for, cast):
    page = client_for(cast.expert).get(URL).content.decode()
    assert '<option value="" selected>as your browser asks</option>' in page


def test_saving_reads_the_person_once_besides_the_sign_in(client_for, cast):
    client = client_for(cast.expert)
    client.get(URL)  # session and caches warm
    with CaptureQueriesContext(connection) as queries:
        assert client.post(URL, GOOD).status_code == 302
    table = User._meta.db_table
    # Whole records read, not the checks that an email or username is not taken.
    whole = f'SELECT "{table}"."id", "{table}"."password"'
    reads = [q["sql"] for q in queries if q["sql"].startswith(whole)]
    assert len(reads) == 2, reads  # the signed-in person, and the record the form changes
