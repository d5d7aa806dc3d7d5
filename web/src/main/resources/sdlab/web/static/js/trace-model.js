// A replayed seed's trace, indexed once so that drawing any window and any step is cheap: the columns of the
// API's event arrays, where each message was sent, delivered or dropped, and the stretches a node spent crashed
// or paused and the network spent partitioned.

/** The model of seed.events (columns named by seed.eventFields) and seed.nodes. */
export function traceModel(seed) {
  const column = Object.fromEntries(seed.eventFields.map((name, index) => [name, index]));
  const count = seed.events.length;
  const model = {
    nodes: seed.nodes,
    count,
    time: new Float64Array(count),
    node: new Int32Array(count),
    peer: new Int32Array(count),
    operation: new Int32Array(count),
    message: new Float64Array(count),
    kind: new Array(count),
    type: new Array(count),
    detail: new Array(count),
    sendOf: new Map(),
    endOf: new Map(),
    stretches: [],
  };
  seed.events.forEach((event, index) => {
    model.time[index] = event[column.timeNanos];
    model.kind[index] = event[column.kind];
    model.node[index] = event[column.node];
    model.peer[index] = event[column.peer];
    model.message[index] = event[column.messageId];
    model.operation[index] = event[column.operation];
    model.type[index] = event[column.type];
    model.detail[index] = event[column.detail];
  });
  indexMessages(model);
  indexStretches(model);
  return model;
}

/** Where each message was sent, and where it ended: delivered or dropped (else it was in flight at the end). */
function indexMessages(model) {
  for (let index = 0; index < model.count; index++) {
    const kind = model.kind[index];
    const message = model.message[index];
    if (kind === "SEND" || kind === "DUPLICATE") model.sendOf.set(message, index);
    else if ((kind === "DELIVER" || kind === "DROP") && !model.endOf.has(message)) model.endOf.set(message, index);
  }
}

/** Crashed and paused stretches per node, and partitions across all: {kind, node, from, to, text}. */
function indexStretches(model) {
  const open = new Map();
  const partitions = [];
  const close = (key, to) => {
    const stretch = open.get(key);
    if (stretch) {
      stretch.to = to;
      open.delete(key);
    }
  };
  for (let index = 0; index < model.count; index++) {
    const node = model.node[index];
    const start = (kind) => {
      const stretch = { kind, node, from: index, to: model.count, text: `${model.detail[index]}` };
      model.stretches.push(stretch);
      return stretch;
    };
    switch (model.kind[index]) {
      case "CRASH": if (!open.has(`c${node}`)) open.set(`c${node}`, start("crashed")); break;
      case "RESTART": close(`c${node}`, index); break;
      case "PAUSE": if (!open.has(`p${node}`)) open.set(`p${node}`, start("paused")); break;
      case "RESUME": close(`p${node}`, index); break;
      case "PARTITION": partitions.push(start("partitioned")); break;
      case "HEAL": { const first = partitions.shift(); if (first) first.to = index; break; }
      default: break;
    }
  }
}

/** "12.345 ms": a virtual time in nanoseconds, as the trace writes it. */
export function millis(nanos) {
  return `${(nanos / 1e6).toFixed(3)} ms`;
}

/** One event as one line, like the trace's own: time, kind, where, message number, detail. */
export function eventLine(model, index) {
  const node = model.node[index] >= 0 ? model.nodes[model.node[index]] : "-";
  const peer = model.peer[index] >= 0 ? (model.kind[index] === "DELIVER" ? " <- " : " -> ") + model.nodes[model.peer[index]] : "";
  const message = model.message[index] ? ` #${model.message[index]}` : "";
  return `${millis(model.time[index])} ${model.kind[index]} ${node}${peer}${message} ${model.detail[index]}`.trim();
}
