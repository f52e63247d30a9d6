"""Times of day are shown in the signed-in person's city's time zone."""

from datetime import UTC, datetime

from django.urls import reverse

from intercity.accounts.time_zones import SESSION_KEY, time_zone_of

MOMENT = datetime(2026, 12, 6, 3, 42, tzinfo=UTC)


def _footer(page: str) -> str:
    return page.split('class="time-zone"', 1)[1].split("</p>", 1)[0]


def test_a_focal_point_reads_times_in_their_city_and_a_visitor_in_the_servers(cast, client_for):
    cast.home.time_zone = "Asia/Tokyo"
    cast.home.save()
    focal = client_for(cast.focal_point)
    assert focal.session[SESSION_KEY] == "Asia/Tokyo"
    # Named by the city whose clock it is and its offset; the IANA id kept in the title.
    footer = _footer(focal.get(reverse("web:home")).text)
    assert f'title="Asia/Tokyo" translate="no">{cast.home.name} (UTC+09:00)</span> time' in footer
    footer = _footer(client_for(None).get(reverse("web:home")).text)
    assert 'title="UTC" translate="no">UTC</span> time' in footer


def test_an_organisation_representative_takes_the_organisations_city(cast):
    cast.home.time_zone = "Asia/Bangkok"
    cast.home.save()
    assert time_zone_of(cast.organisation_rep) == "Asia/Bangkok"
    assert time_zone_of(cast.secretariat) is None


def test_a_moment_is_shown_in_the_readers_zone(cast, client_for, rf):
    from django.template import engines

    from intercity.accounts.time_zones import UserTimeZoneMiddleware

    template = engines["django"].from_string('{{ moment|date:"H:i" }}')

    def view(request):
        from django.http import HttpResponse

        return HttpResponse(template.render({"moment": MOMENT}))

    for zone, expected in (("Asia/Tokyo", "12:42"), ("Asia/Kolkata", "09:12"), (None, "03:42")):
        request = rf.get("/")
        request.session = {SESSION_KEY: zone} if zone else {}
        assert UserTimeZoneMiddleware(view)(request).content.decode() == expected
    # A zone that no longer exists falls back to the server's rather than failing the page.
    request = rf.get("/")
    request.session = {SESSION_KEY: "Mars/Olympus"}
    assert UserTimeZoneMiddleware(view)(request).content.decode() == "03:42"
