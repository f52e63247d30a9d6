// Draws incident areas (circles and polygons) and member cities on the offline map: country
// outlines shipped with the site, no tiles.
(function () {
  "use strict";
  var element = document.getElementById("incident-map");
  var cityNode = document.getElementById("map-points");
  var areaNode = document.getElementById("incident-areas");
  if (!element || !cityNode || !areaNode || typeof L === "undefined" || !window.IntercityMap) { return; }
  var cities = JSON.parse(cityNode.textContent);
  var areas = JSON.parse(areaNode.textContent);
  var colours = { extreme: "#8b0000", severe: "#d9480f", moderate: "#e8a400", minor: "#2b8a3e", unknown: "#5c6b7a" };
  var bounds = L.latLngBounds([]);
  var fitAll = element.getAttribute("data-fit") === "all";
  var shapes = [];

  areas.forEach(function (area) {
    var style = { color: colours[area.severity] || "#5c6b7a", weight: 2, fillOpacity: 0.25, className: "incident-area" };
    var shape;
    if (area.polygon && area.polygon.length) {
      shape = L.polygon(area.polygon, style);
    } else if (area.radius_km) {
      shape = L.circle([area.latitude, area.longitude], Object.assign({ radius: area.radius_km * 1000 }, style));
    } else {
      shape = L.circleMarker([area.latitude, area.longitude], Object.assign({ radius: 9 }, style));
    }
    shape.bindTooltip(area.name + " · " + area.kind);
    shape.on("click", function () { window.location.href = area.url; });
    shapes.push(shape);
    // Bounds come from the data: a circle can only measure itself once the map has a view.
    if (area.polygon && area.polygon.length) {
      bounds.extend(L.latLngBounds(area.polygon));
    } else {
      bounds.extend(L.latLng(area.latitude, area.longitude).toBounds((area.radius_km || 20) * 2000));
    }
  });

  var markers = [];
  cities.forEach(function (point) {
    var marker = L.circleMarker([point.latitude, point.longitude], {
      radius: 5, color: "#ffffff", weight: 1.5, fillColor: "#0b5ea8", fillOpacity: 1, className: "city-marker"
    });
    marker.bindTooltip(point.name, { direction: "top", offset: [0, -5] });
    markers.push(marker);
    if (!areas.length || fitAll) { bounds.extend([point.latitude, point.longitude]); }
  });
  // The list's map shows the whole network in a box shaped like it; an incident's page shows
  // its one area with room around it, in the box beside its facts.
  if (fitAll) { window.IntercityMap.suitShape(element, bounds); }
  var map = window.IntercityMap.create(element);
  window.IntercityMap.frame(map, element, areas.length === 1 && !fitAll ? bounds.pad(3) : bounds);
  shapes.concat(markers).forEach(function (layer) { layer.addTo(map); });
  element.setAttribute("data-area-count", String(areas.length));

  if (window.IntercityOutlines) { window.IntercityOutlines.draw(map, element); }
})();
