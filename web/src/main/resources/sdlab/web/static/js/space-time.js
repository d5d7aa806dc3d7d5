// The space-time (Lamport) diagram of one window of a trace, as SVG: one vertical lane per node and client, time
// flowing down with one row per event (simultaneous events would otherwise overlap), an arrow per message
// labelled with its type, a cross where one was dropped, crashed and paused stretches shaded on their lane,
// partitions shaded across, and each client operation as a bar on its client's lane. Only the window's rows are
// drawn, so a run of any length costs the same per window; what crosses the window's edges is drawn to the edge.

import { svg } from "./dom.js";
import { eventLine, millis } from "./trace-model.js";

const LEFT = 96;
const TOP = 40;
const ROW = 14;
const LABEL_EVERY_ROWS = 10;

/**
 * Draws events `rows` (ascending indexes into `model`) on lanes `lanes` (node indexes, in order). `operations`
 * are the seed's operations (their bars); returns {element, yOfRow(position), cursorY(index)}.
 */
export function spaceTime(model, rows, lanes, operations) {
  // Lanes share about 600 px, so that the diagram fits beside the history; many lanes scroll sideways.
  const laneGap = Math.max(40, Math.min(100, 600 / Math.max(1, lanes.length)));
  const xOfNode = new Map(lanes.map((node, position) => [node, LEFT + laneGap * position + laneGap / 2]));
  const bottom = TOP + rows.length * ROW + ROW;
  const width = LEFT + laneGap * lanes.length + 16;
  const rowOf = new Map(rows.map((index, position) => [index, position]));
  const first = rows.length ? rows[0] : 0;
  const last = rows.length ? rows[rows.length - 1] : -1;
  // The y of any event index: its row if shown, else the first shown row after it, else the bottom edge.
  const yAt = (index) => {
    if (rowOf.has(index)) return TOP + rowOf.get(index) * ROW + ROW / 2;
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (rows[middle] < index) low = middle + 1; else high = middle;
    }
    return low === 0 ? TOP : low === rows.length ? bottom : TOP + low * ROW;
  };
  const layers = { shading: [], lanes: [], bars: [], arrows: [], marks: [], labels: [] };
  drawLanes(layers, model, lanes, xOfNode, bottom);
  drawTimes(layers, model, rows);
  drawStretches(layers, model, first, last, xOfNode, yAt, laneGap, width);
  drawOperations(layers, model, operations, first, last, xOfNode, yAt);
  drawMessages(layers, model, rows, first, last, xOfNode, yAt);
  const cursor = svg("line", { class: "step-cursor", x1: 8, x2: width - 8, y1: -10, y2: -10 });
  const element = svg("svg", {
    class: "spacetime", xmlns: "http://www.w3.org/2000/svg", width, height: bottom + ROW,
    viewBox: `0 0 ${width} ${bottom + ROW}`, role: "img",
  },
  svg("defs", {}, svg("marker", {
        // Sized in the diagram's units, so that a highlighted (thicker) arrow keeps a head of the same size.
    id: "arrowhead", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, markerUnits: "userSpaceOnUse",
    orient: "auto-start-reverse",
  }, svg("path", { class: "arrowhead", d: "M 0 0 L 10 5 L 0 10 z" }))),
  layers.shading, layers.lanes, layers.bars, layers.arrows, layers.marks, layers.labels, cursor);
  return { element, cursor, yAt };
}

function drawLanes(layers, model, lanes, xOfNode, bottom) {
  for (const node of lanes) {
    const x = xOfNode.get(node);
    layers.lanes.push(
      svg("text", { class: "lane", x, y: TOP - 16, "text-anchor": "middle" }, model.nodes[node]),
      svg("line", { class: "lifeline", x1: x, y1: TOP - 8, x2: x, y2: bottom }));
  }
}

function drawTimes(layers, model, rows) {
  layers.lanes.push(svg("text", { class: "axis", x: 4, y: TOP - 26 }, "virtual time ↓"));
  for (let position = 0; position < rows.length; position += LABEL_EVERY_ROWS) {
    const y = TOP + position * ROW + ROW / 2;
    layers.lanes.push(
      svg("line", { class: "grid", x1: LEFT - 8, x2: "100%", y1: y, y2: y }),
      svg("text", { class: "time", x: LEFT - 12, y: y + 4, "text-anchor": "end" }, millis(model.time[rows[position]])));
  }
}

/** Crashed and paused stretches on their lane, partitions across the diagram; clipped to the window. */
function drawStretches(layers, model, first, last, xOfNode, yAt, laneGap, width) {
  for (const stretch of model.stretches) {
    if (stretch.to < first || stretch.from > last) continue;
    const y1 = yAt(stretch.from);
    const y2 = yAt(stretch.to);
    const title = svg("title", {}, `${stretch.kind}: ${stretch.text}`);
    if (stretch.kind === "partitioned") {
      layers.shading.push(svg("rect", { class: "partitioned", x: LEFT - 8, y: y1, width: width - LEFT, height: Math.max(2, y2 - y1) }, title));
    } else if (xOfNode.has(stretch.node)) {
      layers.shading.push(svg("rect", {
        class: stretch.kind, x: xOfNode.get(stretch.node) - laneGap / 4, y: y1, width: laneGap / 2, height: Math.max(2, y2 - y1),
      }, title));
    }
  }
}

/** Each operation as a bar on its client's lane from invocation to completion; flagged ones named and outlined. */
function drawOperations(layers, model, operations, first, last, xOfNode, yAt) {
  for (const op of operations) {
    if (op.invokeEvent < 0) continue;
    const end = op.completeEvent >= 0 ? op.completeEvent : model.count;
    const lane = model.node[op.invokeEvent];
    if (end < first || op.invokeEvent > last || !xOfNode.has(lane)) continue;
    const x = xOfNode.get(lane);
    const y1 = yAt(op.invokeEvent);
    const y2 = yAt(end);
    layers.bars.push(svg("rect", {
      class: `op-bar ${op.type}${op.flagged ? " flagged" : ""}`, x: x - 5, y: y1, width: 10, height: Math.max(3, y2 - y1),
      "data-op": op.id, "data-event": op.invokeEvent,
    }, svg("title", {}, `${op.name} of ${op.client}: ${op.summary}${op.flagged ? ` — flagged: ${op.flagged}` : ""}`)));
    if (op.flagged) {
      layers.labels.push(svg("text", { class: "flag-label", x: x + 8, y: y1 + 10, "data-op": op.id }, `⚑ ${op.name}`));
    }
  }
}

/** An arrow per message that touches the window, a dot per event, a cross per drop. */
function drawMessages(layers, model, rows, first, last, xOfNode, yAt) {
  const drawn = new Set();
  for (const index of rows) {
    const kind = model.kind[index];
    // An event of no node (a partition, a heal) is marked in the margin, by the time.
    const x = model.node[index] < 0 ? LEFT - 4 : xOfNode.get(model.node[index]);
    if (x === undefined) continue;
    const y = yAt(index);
    const data = { "data-event": index, "data-op": model.operation[index] >= 0 ? model.operation[index] : null };
    layers.marks.push(mark(kind, x, y, data, eventLine(model, index)));
    if (kind === "SEND" || kind === "DUPLICATE" || kind === "DELIVER") {
      const message = model.message[index];
      if (drawn.has(message)) continue;
      drawn.add(message);
      arrow(layers, model, message, xOfNode, yAt, data);
    }
  }
  // Messages in flight across the whole window: sent before it, ended after it (or never).
  for (const [message, send] of model.sendOf) {
    if (send >= first || drawn.has(message)) continue;
    const end = model.endOf.has(message) ? model.endOf.get(message) : model.count;
    if (end > last && xOfNode.has(model.node[send]) && xOfNode.has(model.peer[send])) {
      arrow(layers, model, message, xOfNode, yAt, { "data-event": send, "data-op": model.operation[send] >= 0 ? model.operation[send] : null });
    }
  }
}

function arrow(layers, model, message, xOfNode, yAt, data) {
  const send = model.sendOf.get(message);
  if (send === undefined) return;
  const end = model.endOf.has(message) ? model.endOf.get(message) : model.count;
  const dropped = end < model.count && model.kind[end] === "DROP";
  const x1 = xOfNode.get(model.node[send]);
  const peerX = xOfNode.get(model.peer[send]);
  if (x1 === undefined || peerX === undefined) return;
  const y1 = yAt(send);
  const y2 = yAt(end);
  // A dropped message stops short of its receiver, where the cross is.
  const x2 = dropped ? x1 + (peerX - x1) * 0.45 : peerX;
  const line = `${model.type[send] || "message"} #${message}: ${model.detail[send]}${dropped ? " (dropped)" : ""}`;
  layers.arrows.push(svg("line", {
    class: `message${dropped ? " dropped" : ""}`, x1, y1, x2, y2, "marker-end": dropped ? null : "url(#arrowhead)", ...data,
  }, svg("title", {}, line)));
  if (dropped) {
    layers.marks.push(svg("path", { class: "drop", d: `M ${x2 - 4} ${y2 - 4} L ${x2 + 4} ${y2 + 4} M ${x2 - 4} ${y2 + 4} L ${x2 + 4} ${y2 - 4}`, ...data }));
  }
  if (model.type[send]) {
    layers.labels.push(svg("text", {
      class: "message-type", x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 2, "text-anchor": "middle", ...data,
    }, model.type[send]));
  }
}

function mark(kind, x, y, data, line) {
  const title = svg("title", {}, line);
  switch (kind) {
    case "TIMER": return svg("circle", { class: "mark timer", cx: x, cy: y, r: 3.5, ...data }, title);
    case "CRASH": case "RESTART": case "PAUSE": case "RESUME": case "DISK_LOST":
      return svg("rect", { class: `mark fault ${kind.toLowerCase()}`, x: x - 5, y: y - 5, width: 10, height: 10, ...data }, title);
    case "PARTITION": case "HEAL":
      return svg("rect", { class: `mark fault ${kind.toLowerCase()}`, x: x - 5, y: y - 3, width: 10, height: 6, ...data }, title);
    default: return svg("circle", { class: `mark ${kind.toLowerCase()}`, cx: x, cy: y, r: 2.5, ...data }, title);
  }
}
