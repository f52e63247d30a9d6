"""The secretariat publishes, edits and deletes network news from the site, not the admin."""

import pytest
from django.urls import reverse

from intercity.core.models import NewsItem
from intercity.core.services import news_publish

pytestmark = pytest.mark.django_db
NEW = reverse("web:news-create")


def form(cast, **overrides):
    return {
        "title": "Tomsk to host the 13th Plenary",
        "kind": "network",
        "published_on": "2026-11-20",
        "summary": "The network meets in Tomsk next year.",
        "cities": [cast.other.pk],
        **overrides,
    }


@pytest.fixture
def item(cast):
    return news_publish(
        actor=cast.secretariat,
        data={"slug": "plenary", "title": "Plenary held", "published_on": "2026-11-19"},
        cities=[cast.home],
    )


def test_the_secretariat_publishes_news_with_its_cities_and_an_audit_entry(client_for, cast):
    response = client_for(cast.secretariat).post(NEW, form(cast))

    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert list(item.cities.all()) == [cast.other]
    assert item.history.first().history_change_reason == "core.news.published"
    page = client_for(None).get(reverse("web:news")).content.decode()
    assert "Tomsk to host the 13th Plenary" in page


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("title", "\u200b\u200b"),
        ("title", "News \u202eosla"),
        ("published_on", "9999-01-01"),
    ],
)
def test_bad_input_is_shown_on_its_field_and_nothing_is_published(client_for, cast, field, value):
    response = client_for(cast.secretariat).post(NEW, form(cast, **{field: value}))

    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not NewsItem.objects.exists()


@pytest.mark.parametrize("who", ["focal_point", "other_focal_point", "reader"])
def test_no_one_but_the_secretariat_may_publish_edit_or_delete(client_for, cast, item, who):
    client = client_for(getattr(cast, who))
    assert client.get(NEW).status_code == 404
    assert client.post(NEW, form(cast)).status_code == 404
    edit = reverse("web:news-edit", args=[item.slug])
    assert client.post(edit, form(cast, title="Hijacked")).status_code == 404
    assert client.post(reverse("web:news-delete", args=[item.slug])).status_code == 404
    item.refresh_from_db()
    assert item.title == "Plenary held"
    assert NewsItem.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in(client_for, item):
    response = client_for(None).post(reverse("web:news-edit", args=[item.slug]), {})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_secretariat_edits_news_and_the_change_is_audited(client_for, cast, item):
    edit = reverse("web:news-edit", args=[item.slug])
    response = client_for(cast.secretariat).post(edit, form(cast, title="Plenary closed"))

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Plenary closed"
    assert [c.name for c in item.cities.all()] == ["Other City"]
    reasons = set(item.history.values_list("history_change_reason", flat=True))
    assert {"core.news.updated", "core.news.cities_changed"} <= reasons


def test_deleting_needs_post(client_for, cast, item):
    delete = reverse("web:news-delete", args=[item.slug])
    assert client_for(cast.secretariat).get(delete).status_code == 405
    assert client_for(cast.secretariat).post(delete).status_code == 302
    assert not NewsItem.objects.exists()


def test_the_news_page_offers_editing_to_the_secretariat_only(client_for, cast, item):
    edit = reverse("web:news-edit", args=[item.slug])
    assert edit in client_for(cast.secretariat).get(reverse("web:news")).content.decode()
    assert edit not in client_for(cast.focal_point).get(reverse("web:news")).content.decode()
