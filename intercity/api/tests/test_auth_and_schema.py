import re

from django.urls import reverse

from intercity.testing.factories import (
    PASSWORD,
    AgreementFactory,
    MeetingFactory,
    NewsItemFactory,
    PledgeFactory,
    ProgrammeFactory,
)

TOKEN = reverse("api-v1:token")


def test_a_username_and_password_get_a_token(client, cast):
    response = client.post(TOKEN, {"username": "focal", "password": PASSWORD})

    assert response.status_code == 200
    assert len(response.json()["token"]) == 40


def test_a_wrong_password_gets_no_token(client, cast):
    response = client.post(TOKEN, {"username": "focal", "password": "guess"})

    assert response.status_code == 400
    assert "token" not in response.json()


def test_the_token_authenticates_later_requests(client, cast):
    closed = MeetingFactory(is_public=False)
    token = client.post(TOKEN, {"username": "expert", "password": PASSWORD}).json()["token"]
    url = reverse("api-v1:meeting-detail", kwargs={"slug": closed.slug})

    anonymous = client.get(url)
    with_token = client.get(url, HTTP_AUTHORIZATION=f"Token {token}")

    assert anonymous.status_code == 404
    assert with_token.status_code == 200


def test_an_unknown_token_is_refused_with_401(client, cast):
    response = client.get(reverse("api-v1:city-list"), HTTP_AUTHORIZATION="Token " + "0" * 40)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_an_anonymous_write_asks_for_credentials(client, cast):
    response = client.post(reverse("api-v1:city-list"), {"name": "X"})

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_logged_in_browser_session_also_works(client, cast):
    client.force_login(cast.expert)
    closed = MeetingFactory(is_public=False)

    response = client.get(reverse("api-v1:meeting-detail", kwargs={"slug": closed.slug}))

    assert response.status_code == 200


def test_the_api_root_lists_the_resources(client, db):
    body = client.get("/api/v1/").json()

    assert set(body) >= {
        "cities",
        "organisations",
        "meetings",
        "programmes",
        "agreements",
        "pledges",
        "news",
        "themes",
    }


def test_the_openapi_schema_is_served(client, db):
    response = client.get(reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    assert "/api/v1/meetings/{slug}/" in response.json()["paths"]


def test_the_docs_page_loads_nothing_from_outside(client, db):
    response = client.get(reverse("api-docs"))

    html = response.content.decode()
    assert response.status_code == 200
    assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", html)
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html


def test_the_browsable_api_renders_every_record_for_an_editor(client, cast):
    client.force_login(cast.secretariat)
    urls = [
        reverse("api-v1:city-detail", kwargs={"slug": cast.home.slug}),
        reverse(
            "api-v1:organisation-detail", kwargs={"slug": cast.organisation_rep.organisation.slug}
        ),
        reverse("api-v1:meeting-detail", kwargs={"slug": MeetingFactory().slug}),
        reverse("api-v1:programme-detail", kwargs={"slug": ProgrammeFactory().slug}),
        reverse("api-v1:agreement-detail", kwargs={"slug": AgreementFactory().slug}),
        reverse("api-v1:pledge-detail", kwargs={"pk": PledgeFactory().pk}),
        reverse("api-v1:news-detail", kwargs={"slug": NewsItemFactory().slug}),
    ]

    for url in urls:
        response = client.get(url, HTTP_ACCEPT="text/html")
        assert response.status_code == 200, url


def test_the_docs_page_has_no_inline_style_or_script(client, db):
    html = client.get(reverse("api-docs")).content.decode()
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "/static/api/swagger.css" in html
