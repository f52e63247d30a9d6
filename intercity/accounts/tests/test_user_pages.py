"""The secretariat lists accounts and changes a person's role; nobody else can."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
USERS = reverse("accounts:users")


def edit_url(user):
    return reverse("accounts:user-edit", args=[user.pk])


def test_the_secretariat_sees_every_account_with_its_role(client_for, cast):
    page = client_for(cast.secretariat).get(USERS).content.decode()
    assert "focal" in page and "City focal point" in page and "Home City" in page
    assert edit_url(cast.focal_point) in page
    assert edit_url(cast.secretariat) not in page  # not their own role


def test_the_secretariat_moves_a_focal_point_to_another_city_with_an_audit_entry(client_for, cast):
    response = client_for(cast.secretariat).post(
        edit_url(cast.focal_point),
        {"role": "focal_point", "city": cast.other.pk, "is_active": "on"},
    )
    assert response.status_code == 302
    cast.focal_point.refresh_from_db()
    assert cast.focal_point.city == cast.other
    entry = cast.focal_point.history.first()
    assert entry.history_change_reason == "accounts.user.updated"
    assert entry.history_user == cast.secretariat


def test_a_focal_point_without_a_city_is_refused_on_the_field(client_for, cast):
    response = client_for(cast.secretariat).post(
        edit_url(cast.expert), {"role": "focal_point", "city": "", "is_active": "on"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["city"]
    cast.expert.refresh_from_db()
    assert cast.expert.role == "expert"


def test_the_secretariat_switches_an_account_off(client_for, cast):
    client_for(cast.secretariat).post(edit_url(cast.reader), {"role": "member"})
    cast.reader.refresh_from_db()
    assert not cast.reader.is_active


def test_nobody_changes_their_own_role(client_for, cast):
    response = client_for(cast.secretariat).post(edit_url(cast.secretariat), {"role": "member"})
    assert response.status_code == 404
    cast.secretariat.refresh_from_db()
    assert cast.secretariat.role == "secretariat" and cast.secretariat.is_active


@pytest.mark.parametrize("who", ["focal_point", "other_focal_point", "reader"])
def test_others_get_404_and_nothing_changes(client_for, cast, who):
    client = client_for(getattr(cast, who))
    assert client.get(USERS).status_code == 404
    response = client.post(edit_url(cast.expert), {"role": "secretariat", "is_active": "on"})
    assert response.status_code == 404
    cast.expert.refresh_from_db()
    assert cast.expert.role == "expert"


def test_anonymous_visitors_are_sent_to_log_in(client_for, cast):
    response = client_for(None).post(edit_url(cast.expert), {"role": "secretariat"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_list_refuses_post(client_for, cast):
    assert client_for(cast.secretariat).post(USERS).status_code == 405


def test_the_list_costs_a_bounded_number_of_queries(
    client_for, cast, django_assert_max_num_queries
):
    client = client_for(cast.secretariat)
    with django_assert_max_num_queries(12):
        client.get(USERS)


def test_the_list_finds_an_account_by_a_word_of_its_name_or_city(client_for, cast):
    client = client_for(cast.secretariat)
    by_name = client.get(USERS, {"q": "otherfocal"}).content.decode()
    by_city = client.get(USERS, {"q": "home city"}).content.decode()
    assert "<small>otherfocal" in by_name and "<small>orgrep" not in by_name
    assert "<small>expert" in by_city and "<small>otherfocal" not in by_city


def test_a_search_that_finds_nobody_says_so(client_for, cast):
    text = client_for(cast.secretariat).get(USERS, {"q": "zzz"}).content.decode()
    assert "No account matches these filters." in text
