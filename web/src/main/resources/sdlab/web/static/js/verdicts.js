// The question's options with what the measurements say of each: supported or refuted, the evidence of every
// claim that decided it, the command that replays the counterexample seed, and a link that opens it stepped.

import { h } from "./dom.js";
import { seedHash } from "./route.js";

function decision(option) {
  if (!option.decided) return "undecided";
  return option.supported ? "supported" : "refuted";
}

/** Whether the learner's answer (an option's index, or undefined) is one the measurements support. */
export function answerVerdict(question, answer) {
  // A run opened from the runs list, or proved without an answer, has nothing to judge.
  if (answer === undefined || answer === "" || !question.options[Number(answer)]) return null;
  const chosen = question.options[Number(answer)];
  const supported = question.options.filter((o) => o.supported).map((o) => o.label);
  if (chosen.supported) {
    return h("p", { class: "answer answer-right" }, `Your answer, “${chosen.label}”, is right: the measurements support it.`);
  }
  return h("p", { class: "answer answer-wrong" },
    `Your answer, “${chosen.label}”, is not what the measurements show: it is ${decision(chosen)}. `
      + (supported.length ? `Supported: ${supported.map((s) => `“${s}”`).join(", ")}.` : "No option was supported."));
}

/** One card per option: verdict, why, the deciding claims' evidence and replay commands. */
export function optionVerdicts(question, claims, runId) {
  const byName = Object.fromEntries(claims.map((claim) => [claim.name, claim]));
  return question.options.map((option) => {
    const verdict = decision(option);
    return h("div", { class: `card option option-${verdict}`, "data-variant": option.variant },
      h("div", {}, h("span", { class: `verdict ${verdict}` }, verdict), h("strong", {}, option.label),
        h("span", { class: "muted" }, ` (variant ${option.evidenceVariant || option.variant}`
          + (option.evidenceSeed !== null ? `, seed ${option.evidenceSeed})` : ")"))),
      h("p", {}, option.why),
      h("p", { class: "muted" }, option.explanation),
      option.claims.map((name) => byName[name]).filter(Boolean).map((claim) => claimEvidence(claim, runId)));
  });
}

function claimEvidence(claim, runId) {
  const seed = claim.counterexampleSeed ?? claim.witnessSeed;
  const stepped = claim.replayCommand && seed !== null && seed !== undefined && claim.evidenceVariant;
  return h("div", { class: "evidence" },
    h("div", {}, h("code", {}, claim.name), `: ${claim.evidence}`),
    claim.replayCommand ? h("code", { class: "replay", title: "replays the seed with its trace" }, claim.replayCommand) : null,
    stepped
      ? h("a", { class: "open-seed", href: seedHash("run", runId, seed, { variant: claim.evidenceVariant }) },
        `open this seed (${seed}, ${claim.evidenceVariant}) step by step`)
      : null);
}

/** The assertions (what the lab stands behind) that broke, or a line saying all held. */
export function assertionSummary(report, runId) {
  const broken = report.claims.filter((c) => c.role === "assertion" && c.applicable && !c.holds);
  if (broken.length === 0) {
    const count = report.claims.filter((c) => c.role === "assertion").length;
    return h("p", { class: "answer-right" }, `Every assertion held (${count} checked on ${report.seeds} seeds).`);
  }
  return h("div", {}, h("p", { class: "error" }, `${broken.length} assertion(s) broke:`), broken.map((claim) => claimEvidence(claim, runId)));
}
