// What the offline maps share: the map with zoom buttons in the page's words, a box shaped
// like the region it shows, and a frame that keeps that region in view as the box changes.
(function () {
  "use strict";
  // A margin in pixels, not a share of the region: markers stay clear of the edge and the
  // zoom buttons whatever the size of the box.
  var PADDING = 28;

  function create(element) {
    var map = L.map(element, { zoomSnap: 0.25, attributionControl: false, worldCopyJump: false, zoomControl: false });
    // The zoom buttons carry the page's own words, not Leaflet's English defaults.
    L.control.zoom({
      zoomInTitle: element.getAttribute("data-zoom-in") || "Zoom in",
      zoomOutTitle: element.getAttribute("data-zoom-out") || "Zoom out"
    }).addTo(map);
    return map;
  }

  // The region's width over its height as drawn (Mercator stretches the north), for the box's
  // CSS aspect-ratio: a wide, low box around a region as tall as it is wide shows mostly
  // what lies beside it. The stylesheet bounds the height the ratio gives.
  function suitShape(element, bounds) {
    if (!bounds.isValid()) { return; }
    var southWest = L.CRS.EPSG3857.project(bounds.getSouthWest());
    var northEast = L.CRS.EPSG3857.project(bounds.getNorthEast());
    var width = Math.abs(northEast.x - southWest.x) + 2 * PADDING;
    var height = Math.abs(northEast.y - southWest.y) + 2 * PADDING;
    var ratio = Math.min(Math.max(width / height, 0.8), 2.4);
    element.style.setProperty("--region-ratio", ratio.toFixed(3));
  }

  // Fits the bounds (Asia and the Pacific when there are none), no closer than maxZoom, and
  // fits them again when the box changes size, until the reader has moved the map themselves.
  function frame(map, element, bounds, options) {
    var maxZoom = (options && options.maxZoom) || 7;
    function fit() {
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [PADDING, PADDING], maxZoom: maxZoom });
      } else {
        map.setView([20, 110], 3);
      }
    }
    var framing = true;
    fit();
    framing = false;
    var moved = false;
    map.on("zoomstart movestart", function (event) { if (!event.hard && !framing) { moved = true; } });
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(function () {
        framing = true;
        map.invalidateSize(false);
        if (!moved) { fit(); }
        framing = false;
      }).observe(element);
    }
  }

  window.IntercityMap = { create: create, suitShape: suitShape, frame: frame };
})();
