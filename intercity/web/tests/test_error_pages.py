"""A page that does not exist, or is not open to the reader, is still a page of the site: in
the reader's language, with the site's navigation and a way on."""

import pytest
from django.urls import reverse

from intercity.testing.business_factories import EventFactory

pytestmark = pytest.mark.django_db


def test_a_missing_page_keeps_the_site_around_it_in_the_readers_language(client):
    page = client.get("/business/events/999999/", HTTP_ACCEPT_LANGUAGE="ru")
    assert page.status_code == 404
    assert "Страница не найдена" in page.text
    assert f'href="{reverse("web:home")}"' in page.text
    assert 'lang="ru"' in page.text
    assert "The requested resource was not found" not in page.text


def test_an_organiser_page_refused_to_a_representative_says_so_and_leads_on(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    page = client_for(cast.organisation_rep).get(
        reverse("business:grid", args=[event.pk]), HTTP_ACCEPT_LANGUAGE="id"
    )
    assert page.status_code in (403, 404)
    assert f'href="{reverse("web:home")}"' in page.text
    assert "Halaman tidak ditemukan" in page.text


def test_a_server_error_says_so_in_the_readers_language_and_leads_home(rf):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("vi"):
        response = server_error(rf.get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert 'lang="vi"' in page
    assert f'href="{reverse("web:home")}"' in page
    assert "Server Error (500)" not in page
