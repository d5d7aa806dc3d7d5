// Change the run here: at the current step, drop, delay or deliver a message in flight, crash or pause a node, or cut
// it off, and open the fork: the same seed, the same up to this step, its own way after (the server makes the change
// inside the simulation, so the fork is as deterministic as the seed). A fork of a fork keeps the earlier changes.

import { h } from "./dom.js";
import { seedHash } from "./route.js";

/** Messages listed at most; a step rarely has more in flight, and the list says how many it leaves out. */
const MESSAGES_MAX = 200;

/** The panel for `view` (a SeedView); `refresh()` lists what is in flight at the view's step once it is open. */
export function seedFork(view) {
  const messages = h("select", { id: "fork-message", "aria-label": "message in flight" });
  const messageNote = h("span", { class: "muted", id: "fork-message-note" });
  const delay = h("input", { id: "fork-delay", value: "50ms", size: 6, "aria-label": "delay" });
  const nodes = h("select", { id: "fork-node", "aria-label": "node" },
    view.seed.nodes.map((name) => h("option", { value: name }, name)));
  const length = h("input", { id: "fork-length", value: "200ms", size: 6, "aria-label": "how long" });
  const stepText = h("strong", { id: "fork-step" });
  const open = (change) => {
    const forks = [...view.seed.forks.map((fork) => fork.text), `${view.step + 1}:${change}`].join(",");
    location.hash = seedHash(view.source, view.id, view.seed.seed,
      { variant: view.seed.variant, ...(view.source === "chapter" ? view.params : {}), fork: forks, step: view.step });
  };
  const message = (action, extra = "") => () => {
    if (messages.value) open(`${action}:${messages.value}${extra ? ":" + extra() : ""}`);
  };
  const others = (name) => view.seed.nodes.filter((other) => other !== name).join("+");
  const card = h("details", { class: "card fork", id: "fork" },
    h("summary", {}, "Change the run here"),
    h("p", {}, "After ", stepText, ", and then let the seed run on: ",
      h("span", { class: "muted" }, "the fork is this run up to here and its own from here; its page compares it with "
        + "the run as it was.")),
    h("div", { class: "actions" }, h("label", {}, "message in flight ", messages), messageNote,
      h("button", { type: "button", id: "fork-drop", class: "secondary", onclick: message("drop") }, "drop it"),
      h("button", { type: "button", id: "fork-delay-button", class: "secondary", onclick: message("delay", () => delay.value.trim()) },
        "delay it by"), delay,
      h("button", { type: "button", id: "fork-deliver", class: "secondary", onclick: message("deliver") }, "deliver it now")),
    h("div", { class: "actions" }, h("label", {}, "node ", nodes),
      h("button", { type: "button", id: "fork-crash", class: "secondary", onclick: () => open(`crash:${nodes.value}:${length.value.trim()}`) },
        "crash it"),
      h("button", { type: "button", id: "fork-pause", class: "secondary", onclick: () => open(`pause:${nodes.value}:${length.value.trim()}`) },
        "pause it"),
      h("button", { type: "button", id: "fork-cut", class: "secondary",
        onclick: () => open(`cut:${nodes.value}/${others(nodes.value)}:${length.value.trim()}`) }, "cut it off"),
      h("label", {}, "for ", length)));
  const refresh = () => {
    if (!card.open) return;
    stepText.replaceChildren(`step ${view.step + 1}`);
    const inFlight = inFlightAt(view.model, view.step);
    messages.replaceChildren(...inFlight.slice(0, MESSAGES_MAX).map((index) => h("option",
      { value: view.model.message[index] }, messageLabel(view.model, index))));
    messageNote.replaceChildren(inFlight.length === 0 ? "none in flight at this step"
      : inFlight.length > MESSAGES_MAX ? `${MESSAGES_MAX} of ${inFlight.length} listed` : `${inFlight.length} in flight`);
  };
  card.addEventListener("toggle", refresh);
  return { element: card, refresh };
}

/** The SEND events of messages sent at or before `step` and neither delivered nor dropped by then, oldest first. */
export function inFlightAt(model, step) {
  const inFlight = [];
  for (const [message, sent] of model.sendOf) {
    if (sent > step) continue;
    const end = model.endOf.get(message);
    if (end === undefined || end > step) inFlight.push(sent);
  }
  return inFlight.sort((a, b) => a - b);
}

function messageLabel(model, index) {
  const from = model.nodes[model.node[index]];
  const to = model.nodes[model.peer[index]];
  return `#${model.message[index]} ${from} → ${to} ${model.type[index] || model.detail[index]}`;
}
