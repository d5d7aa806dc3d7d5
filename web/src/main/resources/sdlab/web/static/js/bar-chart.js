// One metric per variant as an SVG bar chart with labelled axes and units, each bar with its 95% confidence
// interval when the report gives a standard error. Written here: no chart library.

import { svg } from "./dom.js";

const WIDTH = 480;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 16, bottom: 110, left: 70 };
const TICKS = 5;

/** The unit a metric's name declares (names carry their units: latencyMsP99, staleReads, messagesPerOp). */
export function unitOf(metricName) {
  if (/Ms(P\d+|Max|Min|Mean)?$/.test(metricName) || /Ms[A-Z]/.test(metricName)) return "ms";
  if (/^seeds/.test(metricName)) return "seeds";
  if (/^availability$|Share$|Ratio$|Rate$/.test(metricName)) return "fraction (0 to 1)";
  const per = metricName.match(/Per([A-Z][a-z]+)$/);
  if (per) return `per ${per[1].toLowerCase()}`;
  return "count";
}

/** A round step for about TICKS ticks from 0 to max. */
export function tickStep(max) {
  const raw = max / TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
  return step || raw;
}

export function format(value) {
  if (value === null || value === undefined) return "n/a";
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3);
}

/** The 95% interval [low, high] of a value with standard error `error`, or null when it has none. */
export function interval95(value, error) {
  if (value === null || value === undefined || error === null || error === undefined) return null;
  return [value - 1.96 * error, value + 1.96 * error];
}

/**
 * An <svg> of `values` ({variant, value, error}) for metric `name`; the y axis is titled with the metric's unit, and a
 * bar whose error is known carries its 95% interval as a whisker.
 */
export function barChart(name, values) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(0, ...values.map((v) => interval95(v.value, v.error)?.[1] ?? v.value ?? 0));
  const step = max > 0 ? tickStep(max) : 1;
  const top = max > 0 ? Math.ceil(max / step) * step : 1;
  const y = (value) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const slot = plotWidth / Math.max(1, values.length);
  const ticks = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(t);
  return svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": `${name} per variant` },
    ticks.map((t) => [
      svg("line", { class: "grid", x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(t), y2: y(t) }),
      svg("text", { x: MARGIN.left - 6, y: y(t) + 4, "text-anchor": "end" }, format(t)),
    ]),
    values.map((v, i) => {
      const x = MARGIN.left + i * slot + slot * 0.15;
      const labelX = MARGIN.left + (i + 0.5) * slot;
      const baseline = MARGIN.top + plotHeight;
      return [
        v.value === null
          ? svg("text", { x: labelX, y: baseline - 4, "text-anchor": "middle" }, "n/a")
          : svg("rect", { class: "bar", x, y: y(v.value), width: slot * 0.7, height: baseline - y(v.value) },
            svg("title", {}, `${v.variant}: ${format(v.value)}`)),
        whisker(v, labelX, slot, y),
        // Rotated and anchored at their end, so that long names hang below their bar and stay inside the chart.
        svg("text", { x: labelX, y: baseline + 14, "text-anchor": "end",
          transform: `rotate(-40 ${labelX} ${baseline + 14})` }, v.variant),
      ];
    }),
    svg("line", { class: "axis", x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: MARGIN.top + plotHeight }),
    svg("line", { class: "axis", x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: MARGIN.top + plotHeight,
      y2: MARGIN.top + plotHeight }),
    svg("text", { class: "axis-title", x: 14, y: MARGIN.top + plotHeight / 2, "text-anchor": "middle",
      transform: `rotate(-90 14 ${MARGIN.top + plotHeight / 2})` }, unitOf(name)),
    svg("text", { class: "axis-title", x: MARGIN.left + plotWidth / 2, y: HEIGHT - 4, "text-anchor": "middle" },
      "variant"));
}

/** The 95% interval of one bar: a vertical line with caps, clipped at the axis (a count is never below 0). */
function whisker(v, x, slot, y) {
  const range = interval95(v.value, v.error);
  if (!range) return null;
  const low = y(Math.max(0, range[0]));
  const high = y(range[1]);
  const cap = slot * 0.12;
  return svg("g", { class: "ci" },
    svg("title", {}, `${v.variant}: 95% interval ${format(range[0])} to ${format(range[1])}`),
    svg("line", { x1: x, x2: x, y1: low, y2: high }),
    svg("line", { x1: x - cap, x2: x + cap, y1: low, y2: low }),
    svg("line", { x1: x - cap, x2: x + cap, y1: high, y2: high }));
}
