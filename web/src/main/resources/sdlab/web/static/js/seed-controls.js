// The controls of a stepped seed: step and window buttons, the scrub slider, events per window (the zoom), the
// message search and the node filter; and the keys that step (arrows, shift for ten) and page (Page Up/Down).

import { h } from "./dom.js";

export const ROWS_PER_WINDOW = [100, 250, 500, 1000];
export const ROWS_DEFAULT = 250;

/** The controls' elements for `view` (a SeedView), which they drive. */
export function seedControls(view) {
  const zoom = h("select", { id: "rows-per-window", "aria-label": "events per window", onchange: () => {
    view.rowsPerWindow = Number(zoom.value);
    view.window = null;
    view.go(view.step);
  } }, ROWS_PER_WINDOW.map((n) => h("option", { value: n, selected: n === view.rowsPerWindow }, `${n} events per window`)));
  const search = h("input", { type: "search", id: "search", placeholder: "search messages, e.g. ReadReply or k0" });
  const matchText = h("span", { id: "match-text", class: "muted" });
  search.addEventListener("input", () => {
    view.search(search.value.trim());
    matchText.replaceChildren(search.value.trim() ? `${view.matches.length} events match` : "");
  });
  const lanes = h("details", { class: "lane-filter" }, h("summary", {}, "Nodes shown"),
    view.seed.nodes.map((name, index) => h("label", {},
      h("input", { type: "checkbox", checked: true, "data-lane": name, onchange: (event) => view.toggleLane(index, event.target.checked) }),
      ` ${name} `)));
  return h("div", { class: "seed-controls" },
    h("div", { class: "actions" },
      h("button", { type: "button", id: "step-back", class: "secondary", onclick: () => view.go(view.step - 1), title: "← key" }, "◀ step"),
      view.slider,
      h("button", { type: "button", id: "step-forward", class: "secondary", onclick: () => view.go(view.step + 1), title: "→ key" }, "step ▶"),
      h("button", { type: "button", id: "window-back", class: "secondary", onclick: () => view.page(-1), title: "Page Up" }, "◀ window"),
      h("button", { type: "button", id: "window-forward", class: "secondary", onclick: () => view.page(1), title: "Page Down" }, "window ▶"),
      zoom),
    h("div", { class: "actions" }, search,
      h("button", { type: "button", id: "next-match", class: "secondary", onclick: () => view.nextMatch() }, "next match"),
      matchText, lanes));
}

/** Steps or pages `view` for a key pressed outside the page's inputs. */
export function onStepKey(view, event) {
  if (event.target.closest && event.target.closest("input, select, textarea")) return;
  const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  if (event.key in moves) {
    event.preventDefault();
    view.go(view.step + moves[event.key] * (event.shiftKey ? 10 : 1));
  } else if (event.key === "PageDown" || event.key === "PageUp") {
    event.preventDefault();
    view.page(event.key === "PageDown" ? 1 : -1);
  }
}
