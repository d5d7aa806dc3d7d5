// How far each variant is from a reference variant on every metric that has a standard error: the difference and
// its 95% interval. The variants ran on the same seeds, and the report gives each difference's error paired seed by
// seed (`differenceErrors`), which is narrower than the two errors apart when a seed pushes both variants the same
// way. A report merged from shards that did not keep the pairs has only the errors apart; the interval then adds them
// as if the seeds were not shared (the square root of the sum of squares), which is conservative, and says so.

import { format, unitOf } from "./bar-chart.js";
import { h } from "./dom.js";

/**
 * The difference `variant - reference` on `metric` with its 95% half-width and whether that came from the paired
 * error, or null when there is no error to give it.
 */
export function difference(variant, reference, metric) {
  const a = variant.metrics[metric];
  const b = reference.metrics[metric];
  if ([a, b].some((x) => x === null || x === undefined)) return null;
  const paired = variant.differenceErrors?.[metric]?.[reference.name];
  if (paired !== null && paired !== undefined) return { delta: a - b, halfWidth: 1.96 * paired, paired: true };
  const ea = variant.standardErrors?.[metric];
  const eb = reference.standardErrors?.[metric];
  if ([ea, eb].some((x) => x === null || x === undefined)) return null;
  return { delta: a - b, halfWidth: 1.96 * Math.sqrt(ea * ea + eb * eb), paired: false };
}

/** A section with a reference picker and the table of differences; the first variant is the reference at first. */
export function differencesSection(report) {
  const metrics = report.metrics.filter((m) => report.variants.some((v) => v.standardErrors?.[m.name] !== null
    && v.standardErrors?.[m.name] !== undefined));
  if (metrics.length === 0 || report.variants.length < 2) return null;
  const holder = h("div", { class: "differences-table" });
  const picker = h("select", { class: "reference", "aria-label": "reference variant",
    onchange: () => holder.replaceChildren(table(report, metrics, picker.value)) },
  report.variants.map((v) => h("option", { value: v.name }, v.name)));
  holder.replaceChildren(table(report, metrics, report.variants[0].name));
  return h("section", { class: "differences" },
    h("h2", {}, "How far apart the variants are"),
    h("p", { class: "muted" },
      "Each cell is the variant's value minus the reference's, with its 95% confidence interval from the spread "
        + "of the per-seed differences (every variant ran on the same seeds; a cell marked * had no paired error "
        + "and adds the two errors apart, which is wider). Bold: the interval excludes 0. Percentiles of merged "
        + "histograms have no interval and are left out. Reference: ", picker),
    holder);
}

function table(report, metrics, referenceName) {
  const reference = report.variants.find((v) => v.name === referenceName);
  const others = report.variants.filter((v) => v !== reference);
  return h("table", {},
    h("thead", {}, h("tr", {}, h("th", {}, "metric"), others.map((v) => h("th", {}, v.name)))),
    h("tbody", {}, metrics.map((metric) => h("tr", { "data-metric": metric.name },
      h("td", { title: unitOf(metric.name) }, metric.name),
      others.map((v) => cell(difference(v, reference, metric.name)))))));
}

function cell(diff) {
  if (!diff) return h("td", { class: "none" }, "n/a");
  const differs = Math.abs(diff.delta) > diff.halfWidth;
  const sign = diff.delta > 0 ? "+" : "";
  const how = diff.paired ? "paired by seed" : "errors apart, not paired";
  return h("td", { class: differs ? "differs" : "within", "data-paired": String(diff.paired),
    title: `95% interval ${format(diff.delta - diff.halfWidth)} to ${format(diff.delta + diff.halfWidth)} (${how})` },
  `${sign}${format(diff.delta)} ± ${format(diff.halfWidth)}${diff.paired ? "" : "*"}`);
}
