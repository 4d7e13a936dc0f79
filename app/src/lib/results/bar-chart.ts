/**
 * Horizontal bar charts of the coverage overview, drawn with Chart.js on a canvas. The canvas is
 * a picture for sighted readers only (`role="img"` with a label); its numbers are also in the
 * data table beside it, and each bar carries its count as text, so nothing depends on colour.
 * Chart.js is loaded on demand in the browser (never on the server, never on other pages), only
 * the parts a bar chart needs are registered, and animation is off (it would only delay reading,
 * and some readers have asked their system for reduced motion).
 */
import type { Chart, Plugin } from 'chart.js';

/** One bar: what it counts (already in the reader's language) and how many. */
export interface Bar {
  label: string;
  count: number;
}

/**
 * Colours, all on white: bars #1d3f6e (10.6:1, above the 3:1 WCAG 1.4.11 asks of graphics),
 * text #1b1f24 (16.6:1), grid #c5ccd6 (decoration only: the counts are written on the bars).
 */
const BAR_COLOUR = '#1d3f6e';
const TEXT_COLOUR = '#1b1f24';
const GRID_COLOUR = '#c5ccd6';

/** Pixels per bar and for the axis; a chart grows with its bars instead of squeezing them. */
const ROW_HEIGHT = 32;
const AXIS_HEIGHT = 40;

/** Height in pixels of a chart of `bars` bars. */
export function chartHeight(bars: number): number {
  return Math.max(bars, 1) * ROW_HEIGHT + AXIS_HEIGHT;
}

/** Writes each bar's count just past its end, so values are readable without the table. */
const countLabels: Plugin<'bar'> = {
  id: 'countLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const values = chart.data.datasets[0]?.data ?? [];
    ctx.save();
    ctx.fillStyle = TEXT_COLOUR;
    ctx.font = '600 14px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    meta.data.forEach((bar, index) => {
      const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
      ctx.fillText(String(values[index] ?? ''), x + 6, y);
    });
    ctx.restore();
  },
};

/** Draws `bars` on `canvas`; returns the chart to update and destroy. */
export async function drawBarChart(canvas: HTMLCanvasElement, bars: Bar[]): Promise<Chart<'bar'>> {
  const { Chart, BarController, BarElement, CategoryScale, LinearScale } = await import('chart.js');
  Chart.register(BarController, BarElement, CategoryScale, LinearScale);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.map((bar) => bar.label),
      datasets: [{ data: bars.map((bar) => bar.count), backgroundColor: BAR_COLOUR }],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // No hover or click handling: the counts are on the bars and in the table.
      events: [],
      // Room for the count written past the longest bar.
      layout: { padding: { right: 40 } },
      scales: {
        x: {
          beginAtZero: true,
          ticks: { precision: 0, color: TEXT_COLOUR },
          grid: { color: GRID_COLOUR },
        },
        y: { ticks: { color: TEXT_COLOUR, font: { size: 14 } }, grid: { display: false } },
      },
    },
    plugins: [countLabels],
  });
}

/** Shows `bars` on an existing chart (a live update), without animation. */
export function updateBarChart(chart: Chart<'bar'>, bars: Bar[]): void {
  chart.data.labels = bars.map((bar) => bar.label);
  const dataset = chart.data.datasets[0];
  if (dataset) dataset.data = bars.map((bar) => bar.count);
  chart.update('none');
}
