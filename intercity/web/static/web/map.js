// Draws the member cities on an offline map: country outlines shipped with the site, no tiles.
(function () {
  "use strict";
  var element = document.getElementById("network-map");
  var dataNode = document.getElementById("map-points");
  if (!element || !dataNode || typeof L === "undefined") { return; }
  var points = JSON.parse(dataNode.textContent);
  var map = L.map(element, { zoomSnap: 0.25, attributionControl: false, worldCopyJump: false, zoomControl: false });
  // The zoom buttons carry the page's own words, not Leaflet's English defaults.
  L.control.zoom({
    zoomInTitle: element.getAttribute("data-zoom-in") || "Zoom in",
    zoomOutTitle: element.getAttribute("data-zoom-out") || "Zoom out"
  }).addTo(map);
  var bounds = L.latLngBounds(points.map(function (p) { return [p.latitude, p.longitude]; }));
  function frame() {
    if (bounds.isValid()) { map.fitBounds(bounds.pad(0.15)); } else { map.setView([20, 110], 3); }
  }
  frame();
  // The map's box follows the column beside it (and the city list opening under it): redraw at
  // the new size, and keep every city in view until the reader has moved the map themselves.
  var moved = false;
  map.on("zoomstart movestart", function (event) { if (!event.hard && !framing) { moved = true; } });
  var framing = false;
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(function () {
      framing = true;
      map.invalidateSize(false);
      if (!moved) { frame(); }
      framing = false;
    }).observe(element);
  }

  var cities = L.layerGroup().addTo(map);
  points.forEach(function (point) {
    var marker = L.circleMarker([point.latitude, point.longitude], {
      radius: 7, color: "#ffffff", weight: 2, fillColor: point.membership_status === "member" ? "#0b5ea8" : "#8a96a3",
      fillOpacity: 1, className: "city-marker"
    });
    marker.bindTooltip(point.name, { direction: "top", offset: [0, -6] });
    marker.on("click", function () { window.location.href = point.url; });
    marker.addTo(cities);
  });
  element.setAttribute("data-city-count", String(points.length));

  if (window.IntercityOutlines) { window.IntercityOutlines.draw(map, element); }
})();
