// The kept runs, newest first, each coloured by its verdict.

import { api } from "./api.js";
import { h, show } from "./dom.js";
import { hashOf, stillAt } from "./route.js";

/** held: every assertion held; broke: one did not; or the run's state (cancelled, failed, running). */
function colour(run) {
  if (run.state !== "done") return run.state;
  return run.verdict && run.verdict.assertionsHold ? "held" : "broke";
}

function parameters(run) {
  const texts = Object.entries(run.params).map(([name, value]) => `--${name} ${value}`);
  return texts.length ? texts.join(" ") : "defaults";
}

function verdictText(run) {
  if (run.state === "running") return `running: ${run.seedsDone} / ${run.seeds} seeds`;
  if (!run.verdict) return `${run.state} after ${run.seedsDone} of ${run.seeds} seeds` + (run.error ? `: ${run.error}` : "");
  const supported = run.verdict.supported.length ? `supported: ${run.verdict.supported.join("; ")}` : "no option supported";
  return `${run.verdict.assertionsHold ? "assertions held" : "an assertion broke"}; ${supported}`;
}

export async function runsView() {
  const at = location.hash;
  const runs = await api.runs();
  if (!stillAt(at)) return;
  show(
    h("h1", {}, "Runs"),
    h("p", { class: "legend" },
      ["held", "broke", "running", "cancelled", "failed"].map((state) => h("span", { class: `state-${state}` }, state))),
    runs.length === 0
      ? h("p", { class: "muted" }, "No runs yet: open a chapter and press “Prove it”.")
      : h("table", { class: "runs" },
        h("thead", {}, h("tr", {}, ["run", "chapter", "parameters", "seeds", "verdict"].map((c) => h("th", {}, c)))),
        h("tbody", {}, runs.map((run) =>
          h("tr", { class: `state-${colour(run)}`, "data-id": run.id },
            h("td", {}, h("a", { href: hashOf("run", run.id) }, run.id)),
            h("td", {}, `${run.chapter}. ${run.title}`),
            h("td", {}, h("code", {}, parameters(run))),
            h("td", {}, `${run.firstSeed}..${run.firstSeed + run.seeds - 1}`),
            h("td", {}, verdictText(run)))))));
}
