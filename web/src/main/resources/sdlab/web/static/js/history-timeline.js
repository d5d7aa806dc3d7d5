// A client history on a time axis, as SVG: grouped by key, one row per client within a key, a box per operation
// from invocation to completion coloured by outcome (ok, failed, unknown, never completed), and the operations a
// checker flagged outlined and named. Used for a replayed seed and for a history checked by hand. The cursor
// (the current step's time) and the selection change without drawing the history again.

import { svg } from "./dom.js";

const LEFT = 110;
const TOP = 28;
const ROW = 16;
const WIDTH = 540;

const naturally = new Intl.Collator("en", { numeric: true }).compare;

/**
 * Draws `operations` ({id, label, key, lane, start, end (null: never completed), type, flagged, summary});
 * `unit` says what the axis counts ("ms" with times in nanoseconds, or "position" in the history).
 * Returns {element, setCursor(time), setSelected(id), setWindow(from, to)}.
 */
export function historyTimeline(operations, unit) {
  // Loops, not Math.min(...spread): a history may hold more operations than a call takes arguments.
  let start = 0;
  let latest = 1;
  for (const op of operations) {
    start = Math.min(start, op.start);
    latest = Math.max(latest, op.end ?? op.start);
  }
  const end = latest * 1.0001 + 1;
  const x = (time) => LEFT + ((time - start) / (end - start)) * WIDTH;
  const rows = layoutRows(operations);
  const height = TOP + rows.count * ROW + 24;
  const boxes = new Map();
  const parts = [axis(start, end, x, height, unit)];
  for (const group of rows.groups) {
    parts.push(svg("text", { class: "key-label", x: 4, y: group.y + 11 }, group.key === null ? "(no key)" : `key ${group.key}`));
    for (const lane of group.lanes) {
      parts.push(svg("text", { class: "lane-label", x: LEFT - 6, y: lane.y + 11, "text-anchor": "end" }, lane.name));
    }
  }
  for (const op of operations) {
    const y = rows.yOf.get(op.id);
    const x1 = x(op.start);
    const x2 = x(op.end ?? end);
    const box = svg("rect", {
      class: `op ${op.type}${op.flagged ? " flagged" : ""}`, x: x1, y: y + 2, width: Math.max(2, x2 - x1), height: ROW - 4,
      "data-op": op.id,
    });
    boxes.set(op.id, box);
    parts.push(box);
    if (op.flagged) parts.push(svg("text", { class: "flag-label", x: x1, y: y - 1, "data-op": op.id }, `⚑ ${op.label}`));
  }
  const band = svg("rect", { class: "window-band", x: -10, y: TOP - 6, width: 0, height: height - TOP });
  const cursor = svg("line", { class: "step-cursor", x1: -10, x2: -10, y1: TOP - 6, y2: height - 18 });
  const element = svg("svg", {
    class: "history", xmlns: "http://www.w3.org/2000/svg", width: LEFT + WIDTH + 20, height,
    viewBox: `0 0 ${LEFT + WIDTH + 20} ${height}`, role: "img",
  }, band, parts, cursor);
  let selected = null;
  return {
    element,
    setCursor(time) {
      const at = Math.max(LEFT, Math.min(LEFT + WIDTH, x(time)));
      cursor.setAttribute("x1", at);
      cursor.setAttribute("x2", at);
    },
    setSelected(id) {
      if (selected !== null) boxes.get(selected)?.classList.remove("selected");
      selected = id;
      if (id !== null) boxes.get(id)?.classList.add("selected");
    },
    setWindow(from, to) {
      band.setAttribute("x", x(from));
      band.setAttribute("width", Math.max(1, x(to) - x(from)));
    },
  };
}

/** Keys in natural order, and within each key one row per client, in natural order. */
function layoutRows(operations) {
  const byKey = new Map();
  for (const op of operations) {
    const key = op.key ?? null;
    if (!byKey.has(key)) byKey.set(key, new Set());
    byKey.get(key).add(op.lane);
  }
  const keys = [...byKey.keys()].sort((a, b) => naturally(String(a), String(b)));
  const groups = [];
  const yOfLane = new Map();
  let row = 0;
  for (const key of keys) {
    const group = { key, y: TOP + row * ROW, lanes: [] };
    row++;
    for (const lane of [...byKey.get(key)].sort(naturally)) {
      const y = TOP + row * ROW;
      group.lanes.push({ name: lane, y });
      yOfLane.set(`${key}\u0000${lane}`, y);
      row++;
    }
    groups.push(group);
  }
  const yOf = new Map(operations.map((op) => [op.id, yOfLane.get(`${op.key ?? null}\u0000${op.lane}`)]));
  return { groups, yOf, count: row };
}

function axis(start, end, x, height, unit) {
  const ticks = [];
  const step = niceStep((end - start) / 6);
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) {
    ticks.push(
      svg("line", { class: "grid", x1: x(t), x2: x(t), y1: TOP - 6, y2: height - 18 }),
      svg("text", { class: "time", x: x(t), y: height - 4, "text-anchor": "middle" },
        unit === "ms" ? nanosText(t, step) : String(Math.round(t))));
  }
  return svg("g", {}, ticks, svg("text", { class: "axis", x: LEFT, y: 14 },
    unit === "ms" ? "virtual time →" : "position in the history →"));
}

/** A tick's time in the unit its step needs: a history stamped in nanoseconds may span only a few. */
function nanosText(nanos, step) {
  if (step >= 1e5) return `${+(nanos / 1e6).toFixed(1)} ms`;
  if (step >= 100) return `${+(nanos / 1e3).toFixed(1)} µs`;
  return `${Math.round(nanos)} ns`;
}

function niceStep(raw) {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) || raw;
}
