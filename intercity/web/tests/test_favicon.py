"""The site's icon is served from its own static files, so no page logs a 404 for it."""

from django.contrib.staticfiles import finders


def test_favicon_ico_leads_to_the_shipped_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("web/favicon.svg")
    assert finders.find("web/favicon.svg")


def test_every_page_names_the_icon(client, db):
    assert 'rel="icon"' in client.get("/").text
