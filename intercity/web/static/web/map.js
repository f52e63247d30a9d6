// Draws the member cities on an offline map: country outlines shipped with the site, no tiles.
(function () {
  "use strict";
  var element = document.getElementById("network-map");
  var dataNode = document.getElementById("map-points");
  if (!element || !dataNode || typeof L === "undefined" || !window.IntercityMap) { return; }
  var points = JSON.parse(dataNode.textContent);
  var map = window.IntercityMap.create(element);
  var bounds = L.latLngBounds(points.map(function (p) { return [p.latitude, p.longitude]; }));
  // The map's box follows the column beside it (and the city list opening under it); the
  // frame keeps every city in view as it grows.
  window.IntercityMap.frame(map, element, bounds);

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
