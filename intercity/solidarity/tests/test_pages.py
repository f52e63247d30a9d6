"""The solidarity pages: success, wrong method, wrong user, bounded queries."""

import datetime
import importlib
import json

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from intercity.solidarity import services
from intercity.solidarity.models import Assistance, Need, Offer, SolidarityMessage
from intercity.testing.solidarity_factories import active_incident, cap_message, need, offer

pytestmark = pytest.mark.django_db


def _busy(net, n):
    for i in range(n):
        incident = active_incident(affected=[net.manila], name=f"Flood {i}")
        tents = need(incident, net.manila, quantity=50)
        services.offer_accept(
            actor=None, need=tents, offer=offer(net.tokyo, quantity=20, incident=incident)
        )
        offer(net.seoul, quantity=10, incident=incident)
    return incident


def test_the_incident_list_shows_incidents_and_runs_bounded_queries(
    client, net, django_assert_max_num_queries
):
    _busy(net, 2)
    with django_assert_max_num_queries(8) as small:
        assert client.get(reverse("solidarity:list")).status_code == 200
    _busy(net, 6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("solidarity:list"))
    assert "Flood 5" in response.content.decode()


def test_the_board_runs_the_same_queries_for_more_needs_and_offers(
    client, net, django_assert_max_num_queries
):
    incident = _busy(net, 1)
    url = reverse("solidarity:board", kwargs={"slug": incident.slug})
    client.force_login(net.manila_focal)
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    for _ in range(5):
        tents = need(incident, net.manila, quantity=50)
        accepted = services.offer_accept(
            actor=None, need=tents, offer=offer(net.tokyo, quantity=20, incident=incident)
        )
        services.delivery_dispatch(actor=None, assistance=accepted, quantity=5)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_incident_page_runs_the_same_queries_as_it_fills(
    client, net, django_assert_max_num_queries
):
    incident = _busy(net, 1)
    url = incident.get_absolute_url()
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    for _ in range(4):
        need(incident, net.manila, quantity=5)
        services.message_send(
            actor=net.tokyo_focal, data={"to_city": net.manila, "body": "x", "incident": incident}
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert "Message from Tokyo to Metro Manila" in response.content.decode()


def test_network_only_incidents_answer_404_to_the_public(client, net):
    hidden = active_incident(affected=[net.manila], visibility="network")

    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert hidden.name not in client.get(reverse("solidarity:list")).content.decode()
    assert hidden.name not in client.get(reverse("solidarity:feed")).content.decode()


def test_csv_export_lists_the_visible_incidents(client, net):
    active_incident(affected=[net.manila])

    response = client.get(reverse("solidarity:list") + "?format=csv")

    body = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "Flood in Metro Manila" in body and "metro-manila" in body


def test_the_csv_link_exports_the_list_as_searched(client, net):
    active_incident(affected=[net.manila])

    response = client.get(reverse("solidarity:list"), {"q": "flood", "status": "", "page": "2"})

    assert 'href="?q=flood&amp;status=&amp;format=csv"' in response.content.decode()


def test_feeds_list_incidents_and_active_cap_messages(client, net):
    incident = active_incident(affected=[net.manila])

    atom = client.get(reverse("solidarity:feed")).content.decode()
    cap_feed = client.get(reverse("solidarity:cap-feed")).content.decode()

    assert "Flood in Metro Manila" in atom
    assert reverse("solidarity:cap", kwargs={"slug": incident.slug}) in cap_feed
    assert "application/cap+xml" in cap_feed


@pytest.mark.parametrize("name", ["import-cap", "import-feed"])
def test_imports_refuse_get(client, net, name):
    client.force_login(net.secretariat)

    assert client.get(reverse(f"solidarity:{name}")).status_code == 405


def test_a_bad_cap_upload_lists_what_is_wrong(client, net):
    client.force_login(net.secretariat)

    response = client.post(reverse("solidarity:import-cap"), {"xml": "<alert>"})

    assert response.status_code == 400
    assert "not well-formed XML" in response.content.decode()


def test_a_cap_upload_creates_the_incident(client, net):
    client.force_login(net.secretariat)

    response = client.post(reverse("solidarity:import-cap"), {"xml": cap_message().decode()})

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_another_city_cannot_post_needs_and_nothing_changes(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.tokyo_focal)

    response = client.post(
        reverse("solidarity:need-post", kwargs={"slug": incident.slug}),
        {
            "city": net.manila.pk,
            "category": "food",
            "description": "Rice",
            "quantity": "5",
            "unit": "t",
            "urgency": "high",
            "visibility": "public",
        },
    )

    assert response.status_code == 404
    assert not Need.objects.exists()


def test_another_city_cannot_accept_dispatch_or_receive(client, net):
    incident = active_incident(affected=[net.manila])
    tents = need(incident, net.manila, quantity=50)
    tokyo = offer(net.tokyo, quantity=20, incident=incident)
    client.force_login(net.seoul_focal)

    accept = client.post(reverse("solidarity:accept", args=[tents.pk, tokyo.pk]))
    assert accept.status_code == 404 and not Assistance.objects.exists()
    accepted = services.offer_accept(actor=net.manila_focal, need=tents, offer=tokyo)
    dispatch = client.post(reverse("solidarity:dispatch", args=[accepted.pk]), {"quantity": "5"})
    delivery = services.delivery_dispatch(actor=net.tokyo_focal, assistance=accepted, quantity=5)
    receive = client.post(reverse("solidarity:receive", args=[delivery.pk]))

    assert dispatch.status_code == 404 and receive.status_code == 404
    accepted.refresh_from_db()
    delivery.refresh_from_db()
    assert accepted.dispatched_quantity == 5 and delivery.status == "dispatched"


def test_a_focal_point_offers_help_for_a_need_through_the_page(client, net):
    incident = active_incident(affected=[net.manila])
    tents = need(incident, net.manila, quantity=50)
    client.force_login(net.tokyo_focal)
    url = reverse("solidarity:offer", kwargs={"slug": incident.slug}) + f"?need={tents.pk}"

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "category": "shelter",
            "description": "Tents",
            "quantity": "30",
            "unit": "tents",
            "visibility": "public",
        },
    )

    assert response.status_code == 302
    made = Offer.objects.get()
    assert (made.city, made.need) == (net.tokyo, tents)


def test_an_offer_in_another_unit_than_its_need_is_a_field_error_and_keeps_what_was_typed(
    client, net
):
    incident = active_incident(affected=[net.manila])
    water = need(incident, net.manila, quantity=20, unit="tonnes", category="water_sanitation")
    client.force_login(net.tokyo_focal)
    url = reverse("solidarity:offer", kwargs={"slug": incident.slug}) + f"?need={water.pk}"

    response = client.post(
        url,
        {
            "category": "water_sanitation",
            "description": "Bottled water from the depot",
            "quantity": "5000",
            "unit": "litres",
            "visibility": "public",
        },
    )

    assert response.status_code == 400
    assert "unit" in response.context["form"].errors
    page = response.content.decode()
    assert "The need is counted in “tonnes”, not “litres”" in page
    assert "Bottled water from the depot" in page and 'value="litres"' in page
    assert not Offer.objects.exists()


def test_a_reader_cannot_offer(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.reader)

    assert (
        client.get(reverse("solidarity:offer", kwargs={"slug": incident.slug})).status_code == 404
    )


def test_drill_pages_show_the_scenario_and_review(client, net):
    drill = services.drill_create(
        actor=None,
        meeting={
            "title": "Flood drill",
            "host_city": net.manila,
            "year": 2027,
            "start_date": datetime.date(2027, 6, 1),
        },
        data={"scenario_kind": "flood", "scenario": "River overflow", "objectives": ["Evacuate"]},
    )
    client.force_login(net.manila_focal)

    listing = client.get(reverse("solidarity:drills"))
    page = client.get(drill.get_absolute_url())
    saved = client.post(
        reverse("solidarity:review", args=[drill.meeting.slug]),
        {"what_worked": "Fast", "to_improve": "Maps", "lessons": "Print maps", "publish": "1"},
    )

    assert listing.status_code == 200 and "Flood drill" in listing.content.decode()
    assert page.status_code == 200 and "River overflow" in page.content.decode()
    assert saved.status_code == 302
    assert "Lessons from Flood drill" in client.get(drill.get_absolute_url()).content.decode()


def test_the_secretariat_records_an_incident_and_cities_are_suggested(client, net):
    client.force_login(net.secretariat)
    url = reverse("solidarity:incident-create")

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "Heatwave in Seoul",
            "kind": "heatwave",
            "status": "active",
            "severity": "moderate",
            "started_at": "2026-08-01T09:00",
            "latitude": "37.5",
            "longitude": "127.0",
            "radius_km": "40",
            "polygon": "[]",
            "visibility": "public",
        },
    )

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Heatwave in Seoul" in page and "Seoul" in page


BOX = [[14.5, 120.9], [14.7, 121.0], [14.5, 121.1], [14.5, 120.9]]


@pytest.mark.parametrize(
    ("polygon", "says"),
    [
        ([[14.5, 200.0], *BOX[1:3], [14.5, 200.0]], "Point 1: longitude 200.0 is not between"),
        ([[lon, lat] for lat, lon in BOX], "are they written the other way round?"),
        ({"type": "Polygon", "coordinates": [BOX]}, "This is a GeoJSON object"),
        (BOX[:3], "at least four points, three corners and the first one again; this one has 3"),
        ([*BOX[:3], [14.6, 121.0]], "not closed: its last point (point 4) must repeat the first"),
        ([BOX[0], [14.6, 121.0], "x", BOX[0]], 'Point 3, "x", is not a pair of numbers'),
        ([[14.5, 120.9], [14.6, 121.0], [14.7, 121.1], [14.5, 120.9]], "lie on one line"),
    ],
)
def test_a_bad_polygon_is_refused_with_what_is_wrong_with_it(client, net, polygon, says):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.secretariat)
    typed = json.dumps(polygon)
    body = {
        "name": "Flood in Metro Manila",
        "kind": "flood",
        "status": "active",
        "severity": "severe",
        "polygon": typed,
        "visibility": "public",
    }

    response = client.post(reverse("solidarity:incident-edit", args=[incident.slug]), body)

    assert response.status_code == 400
    (message,) = response.context["form"].errors["polygon"]
    assert says in message
    assert escape(typed) in response.content.decode()
    incident.refresh_from_db()
    assert incident.polygon == []


def test_focal_points_cannot_edit_incidents_the_secretariat_recorded(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.manila_focal)

    edit = client.post(
        reverse("solidarity:incident-edit", args=[incident.slug]),
        {
            "name": "Renamed",
            "kind": "flood",
            "status": "closed",
            "severity": "minor",
            "polygon": "[]",
            "visibility": "public",
        },
    )
    assert edit.status_code == 404
    incident.refresh_from_db()
    assert (incident.name, incident.status) == ("Flood in Metro Manila", "active")


def test_a_figure_cites_its_source_and_date(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.secretariat)

    response = client.post(
        reverse("solidarity:figure-add", args=[incident.slug]),
        {
            "kind": "displaced",
            "value": "12000",
            "source": "City disaster office",
            "as_of": "2026-11-02",
        },
    )

    assert response.status_code == 302
    figure = incident.figures.get()
    assert (figure.value, figure.source, str(figure.as_of)) == (
        12000,
        "City disaster office",
        "2026-11-02",
    )


def test_an_offering_city_changes_its_offer_and_no_one_else_can(client, net):
    incident = active_incident(affected=[net.manila])
    tokyo = offer(net.tokyo, quantity=20, incident=incident)
    url = reverse("solidarity:offer-edit", args=[tokyo.pk])
    data = {
        "category": "shelter",
        "description": "Tents",
        "quantity": "25",
        "unit": "tents",
        "visibility": "public",
        "status": "open",
    }

    client.force_login(net.seoul_focal)
    assert client.post(url, data).status_code == 404
    tokyo.refresh_from_db()
    assert tokyo.quantity == 20
    client.force_login(net.tokyo_focal)
    assert (
        client.get(reverse("solidarity:board", args=[incident.slug])).content.decode().count(url)
        == 1
    )
    assert client.post(url, data).status_code == 302
    tokyo.refresh_from_db()
    assert tokyo.quantity == 25


def test_a_focal_point_sends_a_message_through_the_incident_page(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.tokyo_focal)
    url = reverse("solidarity:message", kwargs={"slug": incident.slug})
    body = {"to_city": net.manila.pk, "language": "en", "body": "We stand with you."}

    response = client.post(url, {**body, "visibility": "public"})

    assert response.status_code == 302
    sent = SolidarityMessage.objects.get()
    assert (sent.from_city, sent.to_city, sent.body) == (net.tokyo, net.manila, body["body"])
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("field", ["to_city", "visibility"])
def test_a_refused_message_comes_back_as_typed_with_the_error_on_its_field(client, net, field):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.tokyo_focal)
    typed = "Our thoughts are with Metro Manila; rescue teams are ready to leave tonight."
    body = {"to_city": net.manila.pk, "language": "en", "body": typed, "visibility": "public"}
    # Refused by the service (a city does not write to itself), or by the form.
    change = {"to_city": net.tokyo.pk} if field == "to_city" else {"visibility": "everyone"}

    response = client.post(
        reverse("solidarity:message", kwargs={"slug": incident.slug}), {**body, **change}
    )

    assert response.status_code == 400
    assert field in response.context["message_form"].errors
    assert typed in response.content.decode()
    assert not SolidarityMessage.objects.exists()


def test_a_reader_cannot_send_a_message(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.reader)
    url = reverse("solidarity:message", kwargs={"slug": incident.slug})

    response = client.post(url, {"to_city": net.manila.pk, "language": "en", "body": "Hello"})

    assert response.status_code == 404
    assert not SolidarityMessage.objects.exists()


def test_the_message_form_offers_the_platforms_languages_the_writers_first(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.tokyo_focal)
    url = reverse("solidarity:message", kwargs={"slug": incident.slug})

    # The request switches the thread's language; the override puts it back for later tests.
    with translation.override(settings.LANGUAGE_CODE):
        page = client.get(incident.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ko")
    refused = client.post(
        url,
        {"to_city": net.manila.pk, "language": "Klingon", "body": "Hello", "visibility": "public"},
    )

    form = page.context["message_form"]
    assert [code for code, _name in form.fields["language"].choices] == [
        code for code, _name in settings.LANGUAGES
    ]
    assert '<option value="ko" selected>' in page.content.decode()
    assert refused.status_code == 400 and "language" in refused.context["message_form"].errors
    assert not SolidarityMessage.objects.exists()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("en", "en"), ("EN", "en"), ("ja-JP", "ja"), ("zh_TW", "zh-hant"), ("Japanese", "ja")]
    + [("tl", "fil"), ("fr", "en"), ("", "en")],
)
def test_languages_typed_before_become_the_platform_language_they_name(typed, stored):
    migration = importlib.import_module(
        "intercity.solidarity.migrations.0002_message_language_choice"
    )
    codes = {code for code, _name in settings.LANGUAGES}
    assert migration.platform_language(typed, codes, migration._names(codes)) == stored


def test_the_incident_filters_offer_all_as_the_other_lists_do(client, net):
    page = client.get(reverse("solidarity:list")).content.decode()
    # Kind, status, affected city and reporting city.
    assert page.count('<option value="">All</option>') == 4


def test_the_board_names_what_is_still_needed_as_its_key_does(client, net):
    # "Open" as a status reads "Đang mở" in Vietnamese; the quantity still to cover is
    # "Còn thiếu", the word the board's own key under the table uses.
    incident = _busy(net, 1)
    client.force_login(net.manila_focal)
    url = reverse("solidarity:board", kwargs={"slug": incident.slug})
    page = client.get(url + "?hl=vi").content.decode()
    assert "<th>Còn thiếu</th>" in page
    assert "<dt>Còn thiếu</dt>" in page
    assert "Đang mở" not in page.split('class="quantities"', 1)[1].split("</dl>", 1)[0]


def test_a_city_the_incident_spares_is_told_why_it_cannot_post_a_need(client, net):
    incident = _busy(net, 1)
    url = reverse("solidarity:board", kwargs={"slug": incident.slug})
    client.force_login(net.tokyo_focal)
    page = client.get(url).content.decode()
    assert 'id="post-need"' not in page
    assert "Needs are posted by the cities this incident affects" in page
    client.force_login(net.manila_focal)
    page = client.get(url).content.decode()
    assert 'id="post-need"' in page and 'id="who-posts-needs"' not in page


@pytest.mark.django_db
def test_the_offer_forms_button_says_to_offer_help_not_names_a_sales_offer(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.tokyo_focal)
    client.cookies["django_language"] = "vi"

    page = client.get(reverse("solidarity:offer", kwargs={"slug": incident.slug})).text

    # "Offer" alone reads as a noun, a trade offer in Vietnamese ("Chào hàng").
    assert '<button type="submit">Đề nghị hỗ trợ</button>' in page
    assert "Chào hàng" not in page


def test_the_message_form_brings_the_reader_back_to_the_messages(client, net):
    # The form sits a few screens down on a phone: refused or sent, the page that answers
    # opens at the messages, not at a banner far above the field in error.
    incident = active_incident(affected=[net.manila])
    client.force_login(net.tokyo_focal)
    url = reverse("solidarity:message", kwargs={"slug": incident.slug})

    page = client.get(incident.get_absolute_url()).text
    refused = client.post(url, {"to_city": net.manila.pk, "language": "en", "body": ""}).text

    assert f'action="{url}#messages-card"' in page
    assert f'action="{url}#messages-card"' in refused
    assert 'id="messages-card"' in refused


@pytest.mark.parametrize("language", ["vi", "ru", "en"])
def test_quantity_fields_on_the_board_hold_numbers_a_browser_accepts(client, net, language):
    # A number field takes "2.5" and "20000" only: "2,5" or "2E+4" would leave it empty and
    # its limit ignored, whatever language the page is in.
    incident = active_incident(affected=[net.manila])
    need(incident, net.manila, quantity="20000.00", unit="litres", category="water_sanitation")
    fuel = need(incident, net.manila, quantity="7.50", unit="tonnes", category="other")
    services.offer_accept(
        actor=None,
        need=fuel,
        offer=offer(net.tokyo, quantity="2.5", unit="tonnes", category="other", incident=incident),
    )
    offer(
        net.seoul, quantity="30000", unit="litres", category="water_sanitation", incident=incident
    )
    client.force_login(net.secretariat)

    page = client.get(
        reverse("solidarity:board", kwargs={"slug": incident.slug}), {"hl": language}
    ).text

    assert 'max="2.5" value="2.5"' in page  # what Tokyo still has to dispatch
    assert 'min="0.01" value="20000"' in page  # the suggested offer covers the whole need
