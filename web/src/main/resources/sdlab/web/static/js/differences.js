// How far each variant is from a reference variant on every metric that has a standard error: the difference and
// its 95% interval. The variants ran on the same seeds, and the interval adds their errors as if they had not (the
// square root of the sum of squares), so it is conservative: an interval that excludes 0 is a difference the seeds
// show, one that includes 0 is not evidence of none.

import { format, unitOf } from "./bar-chart.js";
import { h } from "./dom.js";

/** The difference `variant - reference` on `metric` with its 95% half-width, or null when either lacks an error. */
export function difference(variant, reference, metric) {
  const a = variant.metrics[metric];
  const b = reference.metrics[metric];
  const ea = variant.standardErrors?.[metric];
  const eb = reference.standardErrors?.[metric];
  if ([a, b, ea, eb].some((x) => x === null || x === undefined)) return null;
  return { delta: a - b, halfWidth: 1.96 * Math.sqrt(ea * ea + eb * eb) };
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
        + "over seeds. Bold: the interval excludes 0. Percentiles of merged histograms have no interval and are "
        + "left out. Reference: ", picker),
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
  return h("td", { class: differs ? "differs" : "within",
    title: `95% interval ${format(diff.delta - diff.halfWidth)} to ${format(diff.delta + diff.halfWidth)}` },
  `${sign}${format(diff.delta)} ± ${format(diff.halfWidth)}`);
}
