// A metric against a parameter: one dot per seed and variant at each swept value, the variants side by side around
// their value and each one's mean joined by a line. SVG with labelled axes and units, written here.

import { svg } from "./dom.js";
import { format, tickStep, unitOf } from "./bar-chart.js";

const WIDTH = 760;
const HEIGHT = 380;
const MARGIN = { top: 16, right: 170, bottom: 56, left: 70 };
const COLOURS = ["#1f5fa8", "#c2410c", "#15803d", "#7c3aed", "#b91c1c", "#0e7490", "#a16207", "#be185d", "#4b5563",
  "#65a30d"];

/** sweep: the API's answer; metric: the metric's name; variants: the variants to draw (all by default). */
export function scatterChart(sweep, metric, variants = sweep.variants) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const points = sweep.points.filter((p) => variants.includes(p.variant) && p.metrics[metric] !== null);
  const values = points.map((p) => p.metrics[metric]);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const step = high - low > 0 ? tickStep(high - low) : 1;
  const bottom = Math.floor(low / step) * step;
  const top = high > bottom ? Math.ceil(high / step) * step : bottom + step;
  const y = (value) => MARGIN.top + plotHeight - ((value - bottom) / (top - bottom)) * plotHeight;
  const slot = plotWidth / sweep.values.length;
  const x = (valueIndex, variantIndex) => MARGIN.left + (valueIndex + 0.5) * slot
    + (variantIndex - (variants.length - 1) / 2) * Math.min(10, (slot * 0.7) / Math.max(1, variants.length));
  const ticks = [];
  for (let t = bottom; t <= top + step / 2; t += step) ticks.push(t);
  const colour = (variant) => COLOURS[sweep.variants.indexOf(variant) % COLOURS.length];
  return svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", class: "scatter",
    "aria-label": `${metric} against ${sweep.param}, one dot per seed` },
    ticks.map((t) => [
      svg("line", { class: "grid", x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: y(t), y2: y(t) }),
      svg("text", { x: MARGIN.left - 6, y: y(t) + 4, "text-anchor": "end" }, format(t)),
    ]),
    sweep.values.map((value, i) => svg("text", { x: MARGIN.left + (i + 0.5) * slot, y: MARGIN.top + plotHeight + 18,
      "text-anchor": "middle" }, value)),
    variants.map((variant, v) => {
      const means = sweep.values.map((value, i) => {
        const mine = points.filter((p) => p.variant === variant && p.value === value).map((p) => p.metrics[metric]);
        return mine.length ? { x: x(i, v), y: y(mine.reduce((a, b) => a + b, 0) / mine.length) } : null;
      }).filter(Boolean);
      return svg("polyline", { class: "mean", fill: "none", stroke: colour(variant), "stroke-width": 1.5, opacity: 0.6,
        points: means.map((m) => `${m.x},${m.y}`).join(" ") });
    }),
    points.map((p) => svg("circle", { class: "dot", "data-variant": p.variant, "data-seed": p.seed,
      cx: x(sweep.values.indexOf(p.value), variants.indexOf(p.variant)), cy: y(p.metrics[metric]), r: 3,
      fill: colour(p.variant), "fill-opacity": 0.7 },
      svg("title", {}, `${p.variant}, ${sweep.param} = ${p.value}, seed ${p.seed}: ${format(p.metrics[metric])}`))),
    variants.map((variant, v) => [
      svg("circle", { cx: MARGIN.left + plotWidth + 16, cy: MARGIN.top + 10 + v * 18, r: 4, fill: colour(variant) }),
      svg("text", { x: MARGIN.left + plotWidth + 26, y: MARGIN.top + 14 + v * 18 }, variant),
    ]),
    svg("line", { class: "axis", x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: MARGIN.top + plotHeight }),
    svg("line", { class: "axis", x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: MARGIN.top + plotHeight,
      y2: MARGIN.top + plotHeight }),
    svg("text", { class: "axis-title", x: 14, y: MARGIN.top + plotHeight / 2, "text-anchor": "middle",
      transform: `rotate(-90 14 ${MARGIN.top + plotHeight / 2})` }, `${metric} (${unitOf(metric)})`),
    svg("text", { class: "axis-title", x: MARGIN.left + plotWidth / 2, y: HEIGHT - 8, "text-anchor": "middle" },
      `${sweep.param} (one dot per seed; lines join each variant's means)`));
}
