// Draws the NPS trend with its 95% band from the data attributes the server rendered (no inline script).
(function () {
  function draw() {
    var canvas = document.getElementById('nps-chart');
    if (!canvas || typeof Chart === 'undefined') { return; }
    var points = JSON.parse(canvas.dataset.points || '[]');
    if (!points.length) { return; }
    var labels = points.map(function (p) { return p.period; });
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: labels,
        datasets: [
          { label: canvas.dataset.band, data: points.map(function (p) { return p.ciHigh; }), borderWidth: 0, pointRadius: 0,
            backgroundColor: 'rgba(29,78,216,0.15)', fill: '+1' },
          { label: canvas.dataset.band, data: points.map(function (p) { return p.ciLow; }), borderWidth: 0, pointRadius: 0, fill: false },
          { label: canvas.dataset.label, data: points.map(function (p) { return p.nps; }), borderColor: '#1d4ed8', borderWidth: 2,
            // A significant change from the previous point is marked with a larger red point.
            pointRadius: points.map(function (p) { return p.significant ? 7 : 3; }),
            pointBackgroundColor: points.map(function (p) { return p.significant ? '#b91c1c' : '#1d4ed8'; }) }
        ]
      },
      options: { animation: false, scales: { y: { min: -100, max: 100 } },
        plugins: { legend: { labels: { filter: function (item, data) { return item.datasetIndex !== 1; } } } } }
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
