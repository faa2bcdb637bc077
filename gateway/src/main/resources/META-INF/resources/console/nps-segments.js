// NPS by segment as bars, each with its 95% interval as a thin floating bar over it; segments
// below the minimum n are drawn pale (the table marks them too). Data comes from data attributes.
(function () {
  function draw(canvas) {
    if (typeof Chart === 'undefined') { return; }
    var points = JSON.parse(canvas.dataset.points || '[]');
    if (!points.length) { return; }
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: points.map(function (p) { return p.label + ' (n=' + p.n + ')'; }),
        datasets: [
          // order: the NPS bar behind, the interval drawn over it as a thin bar (an error bar).
          { label: canvas.dataset.label, order: 2, data: points.map(function (p) { return p.nps; }),
            backgroundColor: points.map(function (p) { return p.enough ? '#1d4ed8' : 'rgba(29,78,216,0.35)'; }) },
          { label: canvas.dataset.band, order: 1, barPercentage: 0.2, data: points.map(function (p) { return [p.ciLow, p.ciHigh]; }),
            backgroundColor: 'rgba(17,24,39,0.75)' }
        ]
      },
      options: { animation: false, indexAxis: 'y', scales: { x: { min: -100, max: 100 }, y: { stacked: true } } }
    });
  }
  function drawAll() { document.querySelectorAll('canvas.segment-chart').forEach(draw); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', drawAll); } else { drawAll(); }
})();
