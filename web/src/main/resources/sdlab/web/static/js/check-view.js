// Check your own history: paste it or pick a file (JSON, JSON lines, Jepsen EDN or Jepsen log lines, as
// `sdlab check` reads them), pick a model, and see the verdict, the explanation, and the timeline with the
// operations that could not be placed highlighted. The server parses and checks; this page only draws.

import { api } from "./api.js";
import { h, show } from "./dom.js";
import { historyTimeline } from "./history-timeline.js";
import { stillAt } from "./route.js";

const EXAMPLE = `[{"process": 0, "type": "invoke", "f": "write", "value": 1, "time": 0},
 {"process": 0, "type": "ok", "f": "write", "value": 1, "time": 10},
 {"process": 1, "type": "invoke", "f": "read", "value": null, "time": 20},
 {"process": 1, "type": "ok", "f": "read", "value": 0, "time": 30}]`;

export async function checkView() {
  const at = location.hash;
  const { models, bodyBytesMax, timeoutSeconds } = await api.checkModels();
  if (!stillAt(at)) return;
  const text = h("textarea", { id: "history-text", rows: 12, spellcheck: false, placeholder: EXAMPLE });
  const file = h("input", { type: "file", id: "history-file", accept: ".json,.jsonl,.edn,.log,.txt" });
  const model = h("select", { id: "model" }, models.map((name) => h("option", { value: name }, name)));
  const name = { value: "pasted history" };
  const status = h("div", { class: "status", role: "status", id: "check-status" });
  const result = h("div", { id: "check-result" });
  file.addEventListener("change", async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    if (chosen.size > bodyBytesMax) {
      status.replaceChildren(h("span", { class: "error" }, `${chosen.name} is larger than ${bodyBytesMax} bytes, the most the lab takes`));
      return;
    }
    text.value = await chosen.text();
    name.value = chosen.name;
  });
  const button = h("button", { type: "button", id: "check" }, "Check");
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.replaceChildren("Checking…");
    result.replaceChildren();
    try {
      const outcome = await api.check({ model: model.value, history: text.value, name: name.value });
      status.replaceChildren();
      result.replaceChildren(...outcomeView(outcome).flat(Infinity).filter(Boolean));
    } catch (error) {
      status.replaceChildren(h("span", { class: "error" }, error.message));
    } finally {
      button.disabled = false;
    }
  });
  show(
    h("h1", {}, "Check a history"),
    h("p", {}, "Paste a history, or pick a file, from your own system, and check it for linearizability with the "
      + "checker `sdlab check` uses. Formats: JSON (an array or JSON lines of {\"process\", \"type\", \"f\", \"key\", "
      + "\"value\", \"time\"}), Jepsen's EDN (history.edn, Knossos's lists, one map per line) and Jepsen log lines. "
      + `A search that reaches ${timeoutSeconds} s answers unknown.`),
    h("div", { class: "check-form" },
      h("label", { for: "history-text" }, "History"), text,
      h("div", { class: "actions" }, h("label", {}, "or a file: ", file),
        h("label", {}, "model: ", model), button, status)),
    result);
}

function outcomeView(outcome) {
  const unplaced = new Set(outcome.partitions.flatMap((p) => p.unplaced));
  const timed = outcome.operations.some((op) => op.invokeTimeNanos > 0);
  const operations = outcome.operations.map((op) => ({
    id: op.id,
    label: `op ${op.id}`,
    key: op.key,
    lane: `p${op.process}`,
    start: timed ? op.invokeTimeNanos : op.invokeIndex,
    end: timed ? op.completeTimeNanos : op.completeIndex,
    type: op.status === "ok" ? "ok" : op.status === "fail" ? "fail" : "info",
    flagged: unplaced.has(op.id) ? "could not be placed after the longest linearizable prefix" : null,
    summary: `${op.f}${op.key !== null ? " " + op.key : ""} ${JSON.stringify(op.input)} → ${op.status} ${JSON.stringify(op.output)}`,
    order: op.order,
    stateBefore: op.stateBefore,
    stateAfter: op.stateAfter,
  }));
  const verdictClass = { VALID: "supported", INVALID: "refuted", UNKNOWN: "undecided" }[outcome.verdict];
  const timeline = operations.length ? historyTimeline(operations, timed ? "ms" : "position") : null;
  const offending = operations.filter((op) => op.flagged);
  const byId = new Map(operations.map((op) => [op.id, op]));
  const detail = h("p", { id: "op-detail", class: "selection muted" }, "Click an operation for the model's state before and after it.");
  if (timeline) {
    timeline.element.addEventListener("click", (event) => {
      const box = event.target.closest("[data-op]");
      if (!box) return;
      const op = byId.get(Number(box.dataset.op));
      timeline.setSelected(op.id);
      detail.replaceChildren(h("strong", {}, `${op.label} (${op.lane})`), `: ${op.summary}. `, stateText(op, outcome));
    });
  }
  return [
    h("h2", {}, h("span", { class: `verdict ${verdictClass}`, id: "check-verdict" }, outcome.verdict),
      `${outcome.input} against ${outcome.model}: ${outcome.operations.length} operations`),
    h("pre", { class: "explanation-text" }, outcome.explanation),
    offending.length
      ? [h("h3", {}, "Operations that could not be placed"),
        h("ul", { class: "offending-list" }, offending.map((op) => h("li", { "data-op": op.id }, h("code", {}, `⚑ ${op.label} (${op.lane}): ${op.summary}`))))]
      : null,
    timeline ? [h("h3", {}, "Timeline"), detail, h("div", { class: "history-pane" }, timeline.element)] : null,
    outcome.partitions.map((partition) => linearization(partition, byId)),
  ];
}

/** What the checker's order says of one operation: its place and the model's state around it, or why it has none. */
function stateText(op, outcome) {
  if (op.order !== null && op.order !== undefined) {
    return `Linearized #${op.order} of its key: the model's state ${op.stateBefore} → ${op.stateAfter}.`;
  }
  if (op.flagged) {
    const partition = outcome.partitions.find((p) => p.unplaced.includes(op.id));
    return `It cannot follow the longest linearizable prefix, which leaves the state ${partition.stateAfter}.`;
  }
  return "It is in no linearization: failed, an unknown read, or after the point where the search stopped.";
}

// Rows of the order shown around its end: a long history's order is summarised, never cut without saying so.
const ORDER_ROWS_MAX = 12;

/** A key's linearization with the model's state around each operation, ending where the violation is. */
function linearization(partition, byId) {
  const order = partition.linearization;
  const shown = order.slice(-ORDER_ROWS_MAX);
  const key = partition.key === null ? "the history" : `key ${partition.key}`;
  return h("section", { class: "linearization", "data-key": partition.key ?? "" },
    h("h3", {}, `${partition.verdict === "VALID" ? "A linearization" : "The longest linearizable prefix"} of ${key}`),
    h("p", { class: "muted" }, order.length > shown.length
      ? `Its last ${shown.length} of ${order.length} operations, with the model's state before and after each.`
      : `All ${order.length} operations, with the model's state before and after each.`),
    h("table", { class: "offending" },
      h("thead", {}, h("tr", {}, ["#", "operation", "process", "what it did", "state before", "state after"].map((c) => h("th", {}, c)))),
      h("tbody", {},
        shown.map((id) => byId.get(id)).map((op) => h("tr", { "data-op": op.id },
          h("td", {}, op.order), h("td", {}, op.label), h("td", {}, op.lane), h("td", {}, h("code", {}, op.summary)),
          h("td", {}, h("code", {}, op.stateBefore)), h("td", {}, h("code", {}, op.stateAfter)))),
        partition.unplaced.map((id) => byId.get(id)).map((op) => h("tr", { class: "error", "data-op": op.id },
          h("td", {}, "✗"), h("td", {}, `⚑ ${op.label}`), h("td", {}, op.lane), h("td", {}, h("code", {}, op.summary)),
          h("td", {}, h("code", {}, partition.stateAfter)), h("td", {}, "cannot follow"))))));
}
