/* Draws indicator charts with Chart.js from the JSON each page embeds; tables carry the numbers. */
(function () {
  "use strict";
  var PALETTE = ["#0b5ea8", "#b3261e", "#2e7d32", "#b26a00", "#6a3d9a", "#00838f", "#ad1457",
    "#5d4037", "#455a64", "#827717", "#1565c0", "#c62828", "#283593", "#00695c"];

  function dataset(spec, index) {
    var colour = spec.path ? "#5b6775" : spec.mean ? "#1d2733" : PALETTE[index % PALETTE.length];
    return {
      label: spec.label,
      data: spec.data,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: spec.mean ? 3 : 2,
      borderDash: spec.path ? [6, 4] : undefined,
      pointRadius: spec.path ? 4 : 2,
      // A year without a value is a gap in the line; only a target path joins its two ends.
      spanGaps: Boolean(spec.path)
    };
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source || typeof window.Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    if (!spec.labels || !spec.labels.length) { return; }
    var horizontal = spec.type === "bar";
    var valueAxis = { title: { display: Boolean(spec.unit), text: spec.unit }, beginAtZero: horizontal };
    return new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: spec.datasets.map(dataset) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: horizontal ? "y" : "x",
        plugins: { legend: { display: spec.datasets.length > 1, position: "bottom" } },
        scales: horizontal ? { x: valueAxis } : { y: valueAxis }
      }
    });
  }

  if (typeof window.Chart !== "undefined") {
    // Chart.js writes in Helvetica/Arial, which the browser fills from system fonts that may
    // lack Han, kana, Hangul, Thai or Burmese: labels showed as empty boxes. The canvas takes
    // the page's own font list (the Noto faces the site serves) and draws again once those
    // faces have loaded, as a canvas does not wait for them.
    window.Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
  }
  var charts = Array.prototype.map.call(document.querySelectorAll("canvas[data-chart]"), draw);
  if (document.fonts && document.fonts.ready) {
    document.fonts.ready.then(function () {
      charts.forEach(function (chart) { if (chart) { chart.update(); } });
    });
  }
}());
