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

  var canvases = document.querySelectorAll("canvas[data-chart]");
  if (!canvases.length || typeof window.Chart === "undefined") { return; }
  // Chart.js's own fonts (Helvetica, Arial) lack Burmese, Thai and Devanagari letters on many
  // machines, which then draw as empty boxes: draw with the page's Noto faces, in the order the
  // page's language gives them.
  window.Chart.defaults.font.family = window.getComputedStyle(canvases[0]).fontFamily;
  var charts = Array.prototype.map.call(canvases, draw).filter(Boolean);
  // A face the labels need may still be on its way: draw again once it has arrived.
  if (document.fonts && charts.length) {
    var redraw = function () { charts.forEach(function (chart) { chart.update(); }); };
    document.fonts.ready.then(redraw);
    document.fonts.addEventListener("loadingdone", redraw);
  }
}());
