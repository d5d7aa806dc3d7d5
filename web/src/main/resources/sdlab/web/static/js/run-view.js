// A run: while it runs, its progress; once done, its verdicts, whether the learner's answer was right, how far
// apart the variants are, and every metric per variant as a chart with its 95% intervals. The run's events come
// first, so a finished run is never asked for a report it does not have.

import { api, follow } from "./api.js";
import { barChart } from "./bar-chart.js";
import { differencesSection } from "./differences.js";
import { h, show } from "./dom.js";
import { hashOf } from "./route.js";
import { strataSection } from "./strata-table.js";
import { answerVerdict, assertionSummary, optionVerdicts } from "./verdicts.js";

export function runView(id, query) {
  const progress = h("span", { class: "progress-text" }, "connecting…");
  show(h("h1", {}, `Run ${id}`), h("p", {}, progress));
  return new Promise((resolve, reject) => {
    follow(id,
      ({ seedsDone, seedsTotal }) => progress.replaceChildren(`${seedsDone} / ${seedsTotal} seeds`),
      (end) => {
        if (end.state !== "done") {
          show(h("h1", {}, `Run ${id}`),
            h("p", { class: end.state === "failed" ? "error" : "muted" },
              `This run was ${end.state} after ${end.seedsDone} of ${end.seedsTotal} seeds`
                + (end.error ? `: ${end.error}` : "; it has no report.")));
          resolve();
          return;
        }
        api.report(id)
          .then((report) => api.chapter(report.experiment).then((chapter) => showReport(id, report, chapter, query.answer)))
          .then(resolve, reject);
      });
  });
}

/** The run's parameters that differ from the chapter's defaults, as the form and the URL write them. */
function changedParams(report, chapter) {
  const changed = {};
  for (const param of chapter.params) {
    const value = report.params[param.name];
    if (value !== undefined && value !== null && String(value) !== param.default) changed[param.name] = String(value);
  }
  return changed;
}

function showReport(id, report, chapter, answer) {
  const changed = changedParams(report, chapter);
  show(
    h("h1", {}, h("span", { class: "chapter-number" }, `Chapter ${report.chapter}`), report.title),
    h("p", { class: "muted" },
      `Run ${id}: seeds ${report.firstSeed} to ${report.firstSeed + report.seeds - 1} (${report.seeds} seeds), `,
      h("a", { href: hashOf("chapter", report.experiment, { seeds: report.seeds, ...changed, answer }) },
        "change the parameters and run again")),
    report.question
      ? [h("h2", {}, "The question"), h("p", { class: "question" }, report.question.text),
        answerVerdict(report.question, answer),
        h("div", { class: "options" }, optionVerdicts(report.question, report.claims, id))]
      : null,
    h("h2", {}, "Assertions"),
    assertionSummary(report, id),
    differencesSection(report),
    h("h2", {}, "Each metric per variant"),
    h("div", { class: "charts" }, report.metrics.map((metric) =>
      h("figure", { class: "chart", "data-metric": metric.name },
        h("h3", {}, metric.name),
        barChart(metric.name, report.variants.map((v) => ({ variant: v.name, value: v.metrics[metric.name],
          error: v.standardErrors?.[metric.name] }))),
        h("figcaption", {}, metric.description
          + (metric.provenance === "measured" ? "" : ` (derived from ${metric.derivedFrom.join(", ")})`))))),
    strataSection(report));
}
