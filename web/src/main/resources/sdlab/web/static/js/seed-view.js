// One seed of one variant, stepped: the verdict on this seed, the space-time diagram of the trace (a window of it at
// a time, paged and zoomed over the whole run, filtered by node, searchable) and the client history beside it,
// both marking the current step. Arrow keys and the slider step; clicking an operation highlights its messages,
// clicking a message its operation; a flagged operation shows why it failed. The seed can be rerun with one change
// and compared (seed-compare.js). The URL keeps the seed, the variant, the step and the change compared.

import { api } from "./api.js";
import { h, show } from "./dom.js";
import { historyTimeline } from "./history-timeline.js";
import { hashOf, replaceHash, seedHash } from "./route.js";
import { spaceTime } from "./space-time.js";
import { eventLine, millis, traceModel } from "./trace-model.js";
import { onStepKey, ROWS_DEFAULT, ROWS_PER_WINDOW, seedControls } from "./seed-controls.js";
import { compareWith, seedCompare } from "./seed-compare.js";
import { seedFork } from "./seed-fork.js";
import { stateInspector } from "./state-inspector.js";
import { seedVerdict } from "./seed-verdict.js";

// The URL follows the step at most this often: browsers throttle history updates made faster.
const HASH_DELAY_MS = 300;

/** source is "run" (id: a kept run) or "chapter" (id: an experiment, query: its parameters). */
export async function seedView(source, id, seedText, query) {
  const started = performance.now();
  const { step, rows, variant, vs, fork, ...params } = query;
  const waiting = h("p", { class: "muted" },
    "Replaying the seed: every claim is judged on every variant first, which takes a while for a large run…");
  show(h("h1", {}, `Seed ${seedText}, variant ${variant || "?"}`), waiting);
  const seed = source === "run"
    ? await api.seedOfRun(id, seedText, variant, fork)
    : await api.seedOfChapter(id, seedText, { variant, ...params, ...(fork ? { fork } : {}) });
  // A learner who went elsewhere while the seed was replayed keeps the view they went to.
  if (!waiting.isConnected) return;
  const fetched = performance.now();
  const view = new SeedView(source, id, seed, params);
  view.compared = vs || null;
  view.forkText = fork || null;
  view.show(Number(step) || 0, ROWS_PER_WINDOW.includes(Number(rows)) ? Number(rows) : ROWS_DEFAULT);
  // The diagram is painted once the frame after it was added has been drawn.
  requestAnimationFrame(() => setTimeout(() => {
    window.sdlabTimings = { fetchMs: fetched - started, firstPaintMs: performance.now() - started, events: seed.events.length,
      operations: seed.operations.length };
  }, 0));
}

class SeedView {
  constructor(source, id, seed, params) {
    this.source = source;
    this.id = id;
    this.seed = seed;
    this.params = params;
    this.model = traceModel(seed);
    this.operations = seed.operations;
    this.lanes = seed.nodes.map((_, index) => index);
    this.hidden = new Set();
    this.matches = [];
    this.selected = null;
    this.visible = this.allEvents();
    this.window = null;
  }

  allEvents() {
    return Array.from({ length: this.model.count }, (_, index) => index);
  }

  show(step, rows) {
    this.rowsPerWindow = rows;
    this.slider = h("input", { type: "range", id: "step-slider", min: 0, max: Math.max(0, this.model.count - 1), value: 0,
      "aria-label": "step", oninput: () => this.go(Number(this.slider.value)) });
    this.stepText = h("span", { id: "step-text", class: "step-text" });
    this.windowText = h("span", { id: "window-text", class: "muted" });
    this.selectionText = h("div", { id: "selection", class: "selection muted" }, "Click an operation or a message to follow it.");
    this.diagram = h("div", { class: "diagram-pane", id: "diagram" });
    this.history = historyTimeline(this.operations.map(timelineOp), "ms");
    this.forkPanel = this.seed.takesForks ? seedFork(this) : null;
    this.inspector = this.seed.takesForks ? stateInspector(this) : null;
    this.history.element.addEventListener("click", (event) => this.pickOperation(event));
    this.diagram.addEventListener("click", (event) => this.pickEvent(event));
    this.selectionText.addEventListener("click", (event) => {
      const link = event.target.closest("[data-step]");
      if (!link) return;
      event.preventDefault();
      this.go(Number(link.dataset.step));
    });
    const { seed } = this;
    show(
      h("h1", {}, h("span", { class: "chapter-number" }, `Chapter ${seed.chapter}`), seed.title),
      h("p", { class: "muted" }, `Seed ${seed.seed} of variant ${seed.variant}`,
        this.source === "run" ? [" from run ", h("a", { href: hashOf("run", this.id) }, this.id)] : " with the parameters given",
        `: ${this.model.count} events, ${this.operations.length} operations. `,
        h("code", { class: "replay" }, seed.replayCommand)),
      this.verdict(),
      this.forkBanner(),
      seedControls(this),
      seedCompare(this, this.compared),
      this.forkPanel ? this.forkPanel.element : null,
      this.inspector ? this.inspector.element : null,
      h("div", { class: "stepper" }, this.stepText, this.selectionText),
      h("div", { class: "panes" },
        h("section", {}, h("h2", {}, "Space-time diagram"), this.windowText, this.diagram),
        h("section", {}, h("h2", {}, "Client history"),
          h("p", { class: "muted" }, "Grouped by key, one row per client; the line is the current step, the band the diagram's window."),
          h("div", { class: "history-pane", id: "history" }, this.history.element))));
    if (this.forkComparison) {
      compareWith(this, { variant: this.seed.variant, ...this.seed.params }, "the fork", false, this.forkComparison,
        "the seed as it ran");
    }
    this.onKey = (event) => onStepKey(this, event);
    document.addEventListener("keydown", this.onKey);
    // Leaving the view ends its keys and its pending URL update, which would otherwise overwrite the new view's URL.
    window.addEventListener("hashchange", () => {
      document.removeEventListener("keydown", this.onKey);
      clearTimeout(this.hashTimer);
    }, { once: true });
    this.go(step);
  }

  /** On a fork: what was changed, the way back to the seed as it ran, and the two set side by side. */
  forkBanner() {
    const { seed } = this;
    if (!seed.forks.length) return null;
    this.forkComparison = h("div", { id: "fork-comparison" });
    const asItRan = { variant: seed.variant, ...(this.source === "chapter" ? this.params : {}) };
    return h("section", { class: "card fork-banner", id: "fork-banner" },
      h("h2", {}, `A fork of seed ${seed.seed}`),
      h("ul", {}, seed.forks.map((f) => h("li", {}, `after step ${f.step}: ${f.change}`))),
      h("p", {}, h("a", { href: seedHash(this.source, this.id, seed.seed, { ...asItRan, step: this.step }), id: "unforked" },
        "the seed as it ran")),
      this.forkComparison);
  }

  verdict() {
    const verdict = seedVerdict(this.seed);
    verdict.addEventListener("click", (event) => {
      const link = event.target.closest(".offending-op");
      if (!link) return;
      event.preventDefault();
      this.select(Number(link.dataset.op), true);
    });
    return verdict;
  }

  /** Makes event `index` the current step, drawing another window only when the step leaves this one. */
  go(index) {
    const step = Math.max(0, Math.min(this.model.count - 1, index));
    this.step = step;
    const position = this.positionOf(step);
    const start = Math.floor(position / this.rowsPerWindow) * this.rowsPerWindow;
    if (!this.window || this.window.start !== start) this.drawWindow(start);
    this.markStep();
  }

  /** Where the step falls among the shown events: its own row, or the next shown one if it is filtered out. */
  positionOf(index) {
    let low = 0;
    let high = this.visible.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.visible[middle] < index) low = middle + 1; else high = middle;
    }
    return Math.min(low, Math.max(0, this.visible.length - 1));
  }

  page(direction) {
    const start = (this.window ? this.window.start : 0) + direction * this.rowsPerWindow;
    if (start < 0 || start >= this.visible.length) return;
    this.go(this.visible[start]);
  }

  drawWindow(start) {
    const rows = this.visible.slice(start, start + this.rowsPerWindow);
    const lanes = this.lanes.filter((lane) => !this.hidden.has(lane));
    const drawn = spaceTime(this.model, rows, lanes, this.operations);
    this.window = { start, rows, drawn };
    this.diagram.replaceChildren(drawn.element);
    const shown = rows.length ? `events ${rows[0] + 1} to ${rows[rows.length - 1] + 1}` : "no events";
    this.windowText.replaceChildren(
      `Window ${Math.floor(start / this.rowsPerWindow) + 1} of ${Math.max(1, Math.ceil(this.visible.length / this.rowsPerWindow))}: `
        + `${shown} (${rows.length} shown of ${this.visible.length}`
        + (this.visible.length < this.model.count ? ` on the nodes shown, ${this.model.count} in all)` : ")")
        + (rows.length ? `, ${millis(this.model.time[rows[0]])} to ${millis(this.model.time[rows[rows.length - 1]])}` : ""));
    if (rows.length) this.history.setWindow(this.model.time[rows[0]], this.model.time[rows[rows.length - 1]]);
    this.highlight();
  }

  markStep() {
    const { model, step } = this;
    const { drawn } = this.window;
    const y = drawn.yAt(step);
    drawn.cursor.setAttribute("y1", y);
    drawn.cursor.setAttribute("y2", y);
    this.diagram.querySelector(".current")?.classList.remove("current");
    this.diagram.querySelector(`.mark[data-event="${step}"]`)?.classList.add("current");
    this.slider.value = step;
    this.stepText.replaceChildren(h("strong", {}, `Step ${step + 1} of ${model.count}`), " ", h("code", {}, eventLine(model, step)));
    this.stepText.dataset.step = step;
    this.forkPanel?.refresh();
    this.inspector?.refresh();
    this.history.setCursor(model.time[step]);
    clearTimeout(this.hashTimer);
    this.hashTimer = setTimeout(() => replaceHash(this.hash()), HASH_DELAY_MS);
  }

  hash() {
    const query = { variant: this.seed.variant, ...(this.source === "chapter" ? this.params : {}), step: this.step };
    if (this.rowsPerWindow !== ROWS_DEFAULT) query.rows = this.rowsPerWindow;
    if (this.compared) query.vs = this.compared;
    if (this.forkText) query.fork = this.forkText;
    return seedHash(this.source, this.id, this.seed.seed, query);
  }

  pickOperation(event) {
    const target = event.target.closest("[data-op]");
    if (!target) return;
    this.select(Number(target.dataset.op), true);
  }

  pickEvent(event) {
    const target = event.target.closest("[data-event]");
    if (!target) return;
    const op = target.dataset.op === undefined ? null : Number(target.dataset.op);
    this.select(op, false);
    this.go(Number(target.dataset.event));
  }

  /** Selects operation `id` (or none): its box in the history, its bar and messages in the diagram. */
  select(id, jump) {
    this.selected = id;
    this.history.setSelected(id);
    const op = id === null ? null : this.operations[id];
    this.selectionText.replaceChildren(op
      ? h("span", {}, h("strong", {}, `${op.name} of ${op.client}`), `: ${op.summary}`,
        op.flagged ? h("span", { class: "error" }, ` — flagged: ${op.flagged}`) : "",
        ` (${this.messagesOf(id)} events of the trace work for it)`,
        op.order ? h("span", { class: "linearized", id: "linearized" },
          ` Linearized #${op.order} of key ${op.key}; the model's state ${op.stateBefore} → ${op.stateAfter}.`)
          : "")
      : "No operation selected.",
    op && op.why ? whyItFailed(op.why) : "");
    this.selectionText.dataset.op = id ?? "";
    if (jump && op && op.invokeEvent >= 0) this.go(op.invokeEvent);
    this.highlight();
  }

  messagesOf(id) {
    let count = 0;
    for (let index = 0; index < this.model.count; index++) if (this.model.operation[index] === id) count++;
    return count;
  }

  highlight() {
    for (const element of this.diagram.querySelectorAll(".mine")) element.classList.remove("mine");
    if (this.selected !== null) {
      for (const element of this.diagram.querySelectorAll(`[data-op="${this.selected}"]`)) element.classList.add("mine");
    }
    const matching = new Set(this.matches);
    for (const element of this.diagram.querySelectorAll(".mark[data-event]")) {
      element.classList.toggle("match", matching.has(Number(element.dataset.event)));
    }
  }

  search(text) {
    const wanted = text.toLowerCase();
    this.matches = [];
    if (wanted) {
      for (let index = 0; index < this.model.count; index++) {
        if (eventLine(this.model, index).toLowerCase().includes(wanted)) this.matches.push(index);
      }
    }
    this.highlight();
  }

  nextMatch() {
    const next = this.matches.find((index) => index > this.step) ?? this.matches[0];
    if (next !== undefined) this.go(next);
  }

  toggleLane(lane, shown) {
    if (shown) this.hidden.delete(lane); else this.hidden.add(lane);
    const { model } = this;
    this.visible = this.hidden.size === 0 ? this.allEvents() : this.allEvents().filter((index) =>
      model.node[index] < 0 || !this.hidden.has(model.node[index]));
    this.window = null;
    this.go(this.step);
  }
}

/** How a flagged operation came about (the server's FailureChain): each fact a link to the event it rests on. */
function whyItFailed(steps) {
  return h("div", { class: "why", id: "why" }, h("strong", {}, "Why it failed"),
    // The whole item steps (a wrapped link's middle may fall between its lines); the link keeps it keyboard-reachable.
    h("ol", {}, steps.map((step) => step.event >= 0
      ? h("li", { "data-step": step.event, class: "steps" }, h("a", { href: "#", title: `step ${step.event + 1}` }, step.text))
      : h("li", {}, step.text))));
}

/** A seed's operation in the timeline's shape. */
function timelineOp(op) {
  return {
    id: op.id, label: op.name, key: op.key, lane: op.client, start: op.invokeNanos, end: op.completeNanos,
    type: op.type, flagged: op.flagged, summary: op.summary,
  };
}
