// Country outlines for the offline maps, made drawable on a flat map of Asia and the Pacific.
(function () {
  "use strict";
  var ANTARCTICA = "010";

  // A ring that crosses the 180th meridian (Fiji, Chukotka) is stored cut there: a point at
  // +180 next to one at -180. Drawn flat, that edge is a line across the whole world, so the
  // ring is made continuous instead, and kept east of the meridian where the network looks.
  function continuous(ring) {
    var shift = 0;
    var out = [ring[0]];
    for (var i = 1; i < ring.length; i++) {
      var step = ring[i][0] - ring[i - 1][0];
      if (step > 180) { shift -= 360; } else if (step < -180) { shift += 360; }
      out.push([ring[i][0] + shift, ring[i][1]]);
    }
    var west = out.every(function (point) { return point[0] <= -180; });
    return west ? out.map(function (point) { return [point[0] + 360, point[1]]; }) : out;
  }

  // A country with land on both sides of the meridian has its western part moved east too,
  // so that Chukotka continues Russia rather than appearing beside Alaska.
  function polygons(geometry) {
    var list = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    list = list.map(function (polygon) { return polygon.map(continuous); });
    var longitudes = function (polygon) { return polygon[0].map(function (point) { return point[0]; }); };
    var east = list.some(function (polygon) { return Math.max.apply(null, longitudes(polygon)) > 170; });
    return list.map(function (polygon) {
      var far = east && Math.max.apply(null, longitudes(polygon)) < -160;
      return far ? polygon.map(function (ring) {
        return ring.map(function (point) { return [point[0] + 360, point[1]]; });
      }) : polygon;
    });
  }

  // GeoJSON features of the world-atlas TopoJSON, without Antarctica (it circles the pole,
  // which a Mercator map cannot draw, and no member city is near it).
  function countries(world) {
    var collection = topojson.feature(world, world.objects.countries);
    collection.features = collection.features.filter(function (feature) {
      return feature.id !== ANTARCTICA && feature.geometry;
    }).map(function (feature) {
      return {
        type: "Feature", id: feature.id, properties: feature.properties,
        geometry: { type: "MultiPolygon", coordinates: polygons(feature.geometry) }
      };
    });
    return collection;
  }

  // Draws the outlines under everything else once they have loaded; marks the element.
  function draw(map, element) {
    element.leafletMap = map;
    var url = element.getAttribute("data-outlines");
    if (!url || typeof topojson === "undefined") { return; }
    fetch(url).then(function (response) { return response.json(); }).then(function (world) {
      L.geoJSON(countries(world), {
        style: { color: "#9fb3c8", weight: 0.8, fillColor: "#f7f3e8", fillOpacity: 1, className: "country-outline" },
        interactive: false
      }).addTo(map).bringToBack();
      element.setAttribute("data-outlines-drawn", "true");
    }).catch(function () { element.setAttribute("data-outlines-drawn", "false"); });
  }

  window.IntercityOutlines = { countries: countries, draw: draw };
})();
