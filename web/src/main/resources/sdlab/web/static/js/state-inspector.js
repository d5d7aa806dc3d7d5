// The state inspector: every node's state at the current step, read from its fields by the server (which runs the
// seed again up to the step and looks, NodeStateJson), with the fields this step changed marked. It follows the step
// while it is open, asking at most once per pause in the stepping.

import { api } from "./api.js";
import { h } from "./dom.js";
import { millis } from "./trace-model.js";

/** Stepping this fast asks once, when it stops. */
const ASK_DELAY_MS = 250;

/** The panel for `view` (a SeedView); `refresh()` asks for the view's step when the panel is open. */
export function stateInspector(view) {
  const body = h("div", { id: "inspector-body" });
  const card = h("details", { class: "card inspector", id: "inspector" },
    h("summary", {}, "Node states at this step"),
    h("p", { class: "muted" }, "Each node's fields after this step, as its own classes hold them; what the step changed "
      + "is marked. The seed runs again up to the step to look, so a large run takes a moment."),
    body);
  let timer = null;
  let asked = -1;
  const refresh = () => {
    if (!card.open || asked === view.step) return;
    clearTimeout(timer);
    timer = setTimeout(() => ask(view, body, (step) => { asked = step; }), ASK_DELAY_MS);
  };
  card.addEventListener("toggle", refresh);
  return { element: card, refresh };
}

async function ask(view, body, done) {
  const step = view.step;
  body.replaceChildren(h("p", { class: "muted" }, `Looking at step ${step + 1}…`));
  const { seed } = view;
  const query = { variant: seed.variant, ...(view.forkText ? { fork: view.forkText } : {}), step };
  let state;
  try {
    state = view.source === "run"
      ? await api.stateOfRun(view.id, seed.seed, query)
      : await api.stateOfChapter(view.id, seed.seed, { ...view.params, ...query });
  } catch (error) {
    body.replaceChildren(h("p", { class: "error" }, error.message));
    return;
  }
  if (view.step !== step) return; // stepped on meanwhile: the next ask shows that step
  done(step);
  body.replaceChildren(
    h("p", { id: "inspector-step" }, `After step ${state.step + 1}, at ${millis(state.timeNanos)}:`),
    ...state.nodes.map((node) => nodeState(node)));
}

function nodeState(node) {
  const changed = new Set(node.changed);
  const around = new Set();
  for (const path of node.changed) {
    for (let index = 0; index < path.length; index++) {
      if (path[index] === "." || path[index] === "[") around.add(path.slice(0, index));
    }
  }
  const summary = !node.up ? "down"
    : node.changed.length ? `${node.changed.length} changed: ${node.changed.slice(0, 4).join(", ")}`
      + (node.changed.length > 4 ? ", …" : "")
      : "unchanged by this step";
  return h("details", { class: `node-state${node.changed.length ? " changed" : ""}`, "data-node": node.node,
    open: node.changed.length > 0 },
    h("summary", {}, h("strong", {}, node.node), ` — ${summary}`),
    node.up ? tree(node.state, "", changed, around) : h("p", { class: "muted" }, "The node is down: it holds no state."));
}

/** A value's tree: plain values as they are, objects and lists folded, unfolded where the step changed something. */
function tree(value, path, changed, around) {
  if (value === null || typeof value !== "object") return h("code", {}, JSON.stringify(value));
  const entries = Array.isArray(value)
    ? value.map((item, index) => [`[${index}]`, item, `${path}[${index}]`])
    : Object.entries(value).map(([key, item]) => [key, item, path ? `${path}.${key}` : key]);
  if (!entries.length) return h("code", {}, Array.isArray(value) ? "[]" : "{}");
  return h("ul", { class: "state-tree" }, entries.map(([key, item, itemPath]) => {
    const mark = changed.has(itemPath) ? "changed" : around.has(itemPath) ? "around" : "";
    const folded = item !== null && typeof item === "object" && Object.keys(item).length > 0;
    return h("li", { class: mark, "data-path": itemPath }, folded
      ? h("details", { open: mark !== "" },
        h("summary", {}, h("span", { class: "key" }, key), h("span", { class: "muted" }, ` ${size(item)}`)),
        tree(item, itemPath, changed, around))
      : [h("span", { class: "key" }, key), ": ", tree(item, itemPath, changed, around)]);
  }));
}

function size(value) {
  const count = Array.isArray(value) ? value.length : Object.keys(value).length;
  return Array.isArray(value) ? `[${count}]` : `{${count}}`;
}
