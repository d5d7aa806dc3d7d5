// The same seed run again with one thing changed (another variant, or one parameter), set beside this run: where the
// two first part (every event before it is the same line in both traces), what each did there, and how the verdicts
// differ. A run is deterministic, so everything before the first difference is shared, and the difference is the
// change's doing. The URL keeps the change (vs=variant=n3r2w2, vs=loss=0.1), so a link shows the comparison.

import { api } from "./api.js";
import { h } from "./dom.js";
import { replaceHash, seedHash } from "./route.js";
import { eventLine, millis, traceModel } from "./trace-model.js";

/** The controls for `view` (a SeedView) and, when `vs` is given ("name=value"), the comparison it names. */
export function seedCompare(view, vs) {
  const result = h("div", { id: "compare-result" });
  const change = h("select", { id: "compare-what", "aria-label": "what to change" });
  const value = h("input", { id: "compare-value", "aria-label": "new value", size: 10 });
  const button = h("button", { type: "button", id: "compare-run", class: "secondary" }, "Rerun and compare");
  const card = h("details", { class: "card compare", id: "compare", open: Boolean(vs) },
    h("summary", {}, "Rerun this seed with one change"),
    h("p", { class: "muted" }, "The same seed with another variant or one parameter changed: the runs share every "
      + "event up to the first the change alters, and the page shows where that is and what followed."),
    h("div", { class: "actions" }, h("label", {}, "change ", change), h("label", {}, "to ", value), button),
    result);
  api.chapter(view.seed.experiment).then((chapter) => {
    fillChoices(change, chapter, view);
    const choose = () => {
      const option = change.selectedOptions[0];
      value.value = option ? option.dataset.suggested : "";
      value.disabled = option && option.dataset.kind === "variant";
    };
    change.addEventListener("change", choose);
    choose();
    if (vs) {
      const [name, ...rest] = vs.split("=");
      change.value = name === "variant" ? `variant=${rest.join("=")}` : name;
      value.value = rest.join("=");
      compare(view, name, rest.join("="), result);
    }
  }).catch((error) => result.replaceChildren(h("p", { class: "error" }, error.message)));
  button.addEventListener("click", () => {
    const option = change.selectedOptions[0];
    if (!option) return;
    const [name, variant] = option.value.split("=");
    compare(view, name, name === "variant" ? variant : value.value.trim(), result);
  });
  return card;
}

function fillChoices(select, chapter, view) {
  const variants = chapter.variants.filter((variant) => variant.name !== view.seed.variant);
  const current = { ...chapter.params.reduce((all, p) => ({ ...all, [p.name]: p.default }), {}), ...view.seed.params };
  select.replaceChildren(
    h("optgroup", { label: "variant" }, variants.map((variant) => h("option",
      { value: `variant=${variant.name}`, "data-kind": "variant", "data-suggested": variant.name }, `variant ${variant.name}`))),
    h("optgroup", { label: "parameter" }, chapter.params.map((param) => h("option",
      { value: param.name, "data-kind": "param", "data-suggested": current[param.name] ?? "" },
      `${param.name} (now ${current[param.name]}; ${param.range})`))));
}

async function compare(view, name, newValue, result) {
  const { seed } = view;
  const query = { variant: seed.variant, ...seed.params, ...(view.forkText ? { fork: view.forkText } : {}) };
  query[name] = newValue;
  view.compared = `${name}=${newValue}`;
  await compareWith(view, query, `the change to ${name} = ${newValue}`, name === "variant", result);
}

/**
 * Sets this run beside the same seed replayed with `query` (a chapter seed's query): where they part, and the verdicts
 * of each. `change` names the difference in words; `byVariant` says the claims cannot tell the two apart.
 */
export async function compareWith(view, query, change, byVariant, result, otherName = "the rerun") {
  const { seed } = view;
  result.replaceChildren(h("p", { class: "muted" }, `Replaying seed ${seed.seed} for ${change}…`));
  let other;
  try {
    other = await api.seedOfChapter(seed.experiment, seed.seed, query);
  } catch (error) {
    result.replaceChildren(h("p", { class: "error" }, error.message));
    return;
  }
  const otherModel = traceModel(other);
  const shared = firstDifference(view.model, otherModel);
  replaceHash(view.hash());
  const { variant, ...otherParams } = query;
  const otherLink = seedHash("chapter", seed.experiment, seed.seed, { variant, ...otherParams, step: shared });
  const same = shared === view.model.count && shared === otherModel.count;
  result.replaceChildren(
    h("p", { id: "compare-summary" }, same
      ? `${capital(otherName)} is the same run as this one, event for event (${shared} events): ${change} altered nothing.`
      : `The two runs share their first ${shared} events` + (shared > 0 ? `, up to ${millis(view.model.time[shared - 1])}` : "")
        + `; ${change} first shows at step ${shared + 1}.`),
    same ? null : h("table", { class: "compare-lines" },
      h("tr", {}, h("th", {}, "this run"), h("td", {}, h("code", {}, lineOrEnd(view.model, shared)))),
      h("tr", {}, h("th", {}, otherName), h("td", {}, h("code", {}, lineOrEnd(otherModel, shared))))),
    h("div", { class: "actions" },
      same ? null : h("button", { type: "button", id: "compare-go", class: "secondary",
        onclick: () => view.go(Math.min(shared, view.model.count - 1)) }, `step here to ${shared + 1}`),
      h("a", { href: otherLink, id: "compare-open" }, `open ${otherName} at that step`)),
    verdicts(seed, other, byVariant || seed.forks.length > 0 || other.forks.length > 0, otherName));
}

/** The number of leading events the two traces share, line for line. */
export function firstDifference(a, b) {
  const count = Math.min(a.count, b.count);
  for (let index = 0; index < count; index++) {
    if (eventLine(a, index) !== eventLine(b, index)) return index;
  }
  return count;
}

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lineOrEnd(model, index) {
  return index < model.count ? eventLine(model, index) : `(the run ended after ${model.count} events)`;
}

/**
 * The flagged operations of each run, and each claim's verdict on this seed in both, the differing ones first. The
 * claims compare every variant over the seed as it ran, so another variant leaves them as they are and a fork is not
 * judged by them: each run's own findings are shown instead.
 */
function verdicts(seed, other, findingsOnly, otherName) {
  const flagged = (s) => s.operations.filter((op) => op.flagged).length;
  const counts = h("p", { id: "compare-flagged" },
    `Flagged operations: ${flagged(seed)} in this run, ${flagged(other)} in ${otherName}.`);
  if (findingsOnly) {
    const findings = (s) => h("td", {}, s.verdict.findings.length
      ? h("ul", { class: "findings" }, s.verdict.findings.map((f) => h("li", {}, f)))
      : h("span", { class: "muted" }, "none"));
    return h("div", {}, counts,
      h("p", { class: "muted" }, "The claims compare every variant over the seed as it ran, so they do not tell these "
        + "two apart; each run's own findings:"),
      h("table", { class: "compare-claims", id: "compare-findings" },
        h("thead", {}, h("tr", {}, h("th", {}, `${seed.variant}, this run`), h("th", {}, `${other.variant}, ${otherName}`))),
        h("tbody", {}, h("tr", {}, findings(seed), findings(other)))));
  }
  const theirs = new Map(other.verdict.claims.map((claim) => [claim.name, claim]));
  const rows = seed.verdict.claims.map((claim) => ({ claim, other: theirs.get(claim.name) }))
    .sort((a, b) => Number(verdictOf(a.claim) === verdictOf(a.other)) - Number(verdictOf(b.claim) === verdictOf(b.other)));
  return h("div", {}, counts,
    h("table", { class: "compare-claims", id: "compare-claims" },
      h("thead", {}, h("tr", {}, ["claim", "this run", otherName].map((c) => h("th", {}, c)))),
      h("tbody", {}, rows.map(({ claim, other: theirsClaim }) => h("tr",
        { class: verdictOf(claim) === verdictOf(theirsClaim) ? "" : "differs", "data-claim": claim.name },
        h("td", {}, h("code", {}, claim.name)), h("td", {}, verdictOf(claim)), h("td", {}, verdictOf(theirsClaim)))))));
}

function verdictOf(claim) {
  if (!claim) return "absent";
  if (!claim.applicable) return "not shown";
  return claim.holds ? "held" : "broke";
}
