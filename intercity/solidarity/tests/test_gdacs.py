"""GDACS-style GeoRSS files: events near member cities become draft incidents."""

import pytest

from intercity.solidarity import gdacs, services
from intercity.solidarity.models import Incident

FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:gdacs="http://www.gdacs.org" xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#"
     xmlns:georss="http://www.georss.org/georss">
  <channel>
    <title>GDACS events</title>
    <item>
      <title>Red alert for tropical cyclone MAN-YI near the Philippines</title>
      <description>Tropical cyclone approaching Luzon.</description>
      <link>https://example.org/report/TC/1001</link>
      <gdacs:eventtype>TC</gdacs:eventtype>
      <gdacs:eventid>1001</gdacs:eventid>
      <gdacs:alertlevel>Red</gdacs:alertlevel>
      <gdacs:country>Philippines</gdacs:country>
      <gdacs:fromdate>Fri, 06 Nov 2026 00:00:00 GMT</gdacs:fromdate>
      <gdacs:todate>Sun, 08 Nov 2026 12:00:00 GMT</gdacs:todate>
      <gdacs:glide>TC-2026-000200-PHL</gdacs:glide>
      <geo:Point><geo:lat>14.9</geo:lat><geo:long>121.3</geo:long></geo:Point>
    </item>
    <item>
      <title>Green alert for earthquake in Chile</title>
      <gdacs:eventtype>EQ</gdacs:eventtype>
      <gdacs:eventid>2002</gdacs:eventid>
      <gdacs:alertlevel>Green</gdacs:alertlevel>
      <georss:point>-33.4 -70.6</georss:point>
    </item>
    <item>
      <title>An item without a position</title>
      <gdacs:eventtype>FL</gdacs:eventtype>
    </item>
  </channel>
</rss>"""


def test_the_reader_takes_gdacs_fields_and_either_position_form():
    events, skipped = gdacs.read_events(FEED)

    assert [e.key for e in events] == ["TC-1001", "EQ-2002"]
    assert (events[0].latitude, events[0].longitude, events[0].alert_level) == (14.9, 121.3, "Red")
    assert (events[1].latitude, events[1].longitude) == (-33.4, -70.6)
    assert len(skipped) == 1 and "no position" in skipped[0]


pytestmark = pytest.mark.django_db


def test_only_events_near_member_cities_become_drafts(net):
    result = services.gdacs_import(actor=net.secretariat, data=FEED)

    (incident,) = result.created
    assert result.far_away == 1
    assert incident.status == "draft" and incident.kind == "tropical_cyclone"
    assert (incident.alert_level, incident.severity) == ("red", "extreme")
    assert incident.glide == "TC-2026-000200-PHL"
    # The event's point lies about 47 km from Manila: suggested, not yet confirmed.
    assert [(a.city.slug, a.status) for a in incident.affected.all()] == [
        ("metro-manila", "suggested")
    ]
    assert incident.sources.get().url == "https://example.org/report/TC/1001"


def test_importing_the_feed_again_updates_instead_of_duplicating(net):
    services.gdacs_import(actor=None, data=FEED)
    again = services.gdacs_import(actor=None, data=FEED)

    assert again.created == [] and Incident.objects.count() == 1


def test_the_secretariat_confirms_a_draft_and_it_becomes_active(net):
    (draft,) = services.gdacs_import(actor=None, data=FEED).created

    services.incident_confirm(actor=net.secretariat, incident=draft, cities=[net.manila])

    draft.refresh_from_db()
    assert draft.status == "active" and draft.confirmed_at is not None
    assert draft.affected.get(city=net.manila).status == "confirmed"


def test_a_file_that_is_not_rss_is_refused(net):
    result = services.gdacs_import(actor=None, data=b"not xml at all")

    assert "not a readable RSS feed" in result.error
    assert not Incident.objects.exists()
