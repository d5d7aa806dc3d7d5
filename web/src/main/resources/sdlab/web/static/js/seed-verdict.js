// What the lab concludes on one seed: every claim judged on it (those that broke first), the traced variant's
// findings, and its operations a checker flagged, each a link that steps to it.

import { h } from "./dom.js";

export function seedVerdict(seed) {
  const claims = [...seed.verdict.claims].sort((a, b) => Number(a.holds || !a.applicable) - Number(b.holds || !b.applicable));
  const flagged = seed.operations.filter((op) => op.flagged);
  return h("section", { class: "card seed-verdict" },
    h("h2", {}, seed.forks.length ? "Verdict on this fork" : "Verdict on this seed"),
    seed.forks.length
      ? h("p", { class: "muted" }, "The claims compare every variant over seeds as they ran, so they do not judge a fork; "
        + "its own findings and flagged operations do.")
      : [h("p", { class: seed.verdict.assertionsHold ? "answer-right" : "error" },
        seed.verdict.assertionsHold ? "Every assertion held on this seed." : "An assertion broke on this seed."),
      claimList(claims.filter((claim) => claim.applicable && !claim.holds)),
      h("details", {}, h("summary", {}, `${claims.filter((c) => c.holds || !c.applicable).length} claims held or were `
        + "not shown on this seed"), claimList(claims.filter((claim) => claim.holds || !claim.applicable)))],
    seed.verdict.findings.length
      ? [h("h3", {}, `Findings of ${seed.variant}`), h("ul", { class: "findings" }, seed.verdict.findings.map((f) => h("li", {}, f)),
        seed.verdict.findingsDropped ? h("li", { class: "muted" }, `and ${seed.verdict.findingsDropped} more`) : null)]
      : null,
    flagged.length
      ? [h("h3", {}, "Offending operations"),
        h("table", { class: "offending" },
          h("thead", {}, h("tr", {}, ["operation", "client", "what it did", "why it was flagged"].map((c) => h("th", {}, c)))),
          h("tbody", {}, flagged.map((op) => h("tr", { "data-op": op.id },
            h("td", {}, h("a", { href: "#", class: "offending-op", "data-op": op.id }, `⚑ ${op.name}`)),
            h("td", {}, op.client), h("td", {}, h("code", {}, op.summary)), h("td", {}, op.flagged)))))]
      : h("p", { class: "muted" }, "No operation of this variant was flagged by a checker."));
}

function claimList(claims) {
  return h("ul", { class: "claims" }, claims.map((claim) => h("li", { class: claimClass(claim), "data-claim": claim.name },
    h("span", { class: `verdict ${claimClass(claim)}` }, claimText(claim)),
    h("code", {}, claim.name), ` (${claim.role}): ${claim.evidence}`)));
}

function claimClass(claim) {
  if (!claim.applicable) return "undecided";
  return claim.holds ? "supported" : "refuted";
}

function claimText(claim) {
  if (!claim.applicable) return "not shown";
  return claim.holds ? "held" : "broke";
}
