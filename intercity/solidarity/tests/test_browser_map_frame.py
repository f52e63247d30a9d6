"""In a real browser: the incident list's map is framed on the network and its incidents, on a
desktop and on a phone, rather than on half the world around them."""

import pytest

from intercity.cities.models import City
from intercity.dataset.loader import anmc21_load
from intercity.testing.solidarity_factories import active_incident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The share of the map's width or height the markers span, at least.
FILLED = 0.6


def framing(page) -> dict:
    return page.evaluate(
        """() => {
          const element = document.getElementById('incident-map');
          const map = element.leafletMap;
          const shown = map.getBounds();
          const marked = L.latLngBounds([]);
          map.eachLayer((layer) => {
            if (layer.getLatLng && layer.options.className === 'city-marker') {
              marked.extend(layer.getLatLng());
            }
          });
          const inside = shown.contains(marked);
          const span = (b) => [b.getEast() - b.getWest(), b.getNorth() - b.getSouth()];
          const box = element.getBoundingClientRect();
          return {inside, shown: span(shown), marked: span(marked),
                  width: box.width, height: box.height, viewport: window.innerHeight};
        }"""
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_the_incident_map_frames_the_network_not_half_the_world(live_server, page, width):
    anmc21_load(actor=None)
    active_incident(affected=[City.objects.get(slug="metro-manila")])
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(live_server.url + "/solidarity/")
    page.wait_for_selector("#incident-map[data-outlines-drawn=true]")
    frame = framing(page)

    assert frame["inside"]  # every member city in view
    shown_width, shown_height = frame["shown"]
    marked_width, marked_height = frame["marked"]
    # The markers fill the map one way or the other, with a margin around them.
    assert marked_width > shown_width * FILLED or marked_height > shown_height * FILLED
    # The box is shaped so that less than half the world's longitudes show around a network
    # that spans some sixty degrees (a wide, low box showed nearly all of them).
    assert shown_width < 180
    # Yet never so tall that the list under it is out of reach.
    assert frame["height"] <= frame["viewport"] * 0.75
