// The report's figures split by the property each seed drew (chapter 12's fault), as the terminal and the HTML report
// show them: a row per value with its seeds, a column per metric, every variant's figure in each cell.
import { format } from "./bar-chart.js";
import { h } from "./dom.js";

/** The section for report.strata, or null when the experiment declares no stratum. */
export function strataSection(report) {
  const strata = report.strata;
  if (!strata) return null;
  const variants = report.variants.map((v) => v.name);
  return [
    h("h2", {}, `Per ${strata.name}`),
    h("p", { class: "muted" }, `Each cell: ${variants.join(" / ")}, over only the seeds that drew that ${strata.name}.`),
    h("div", { class: "strata-wrap" }, h("table", { class: "strata" },
      h("thead", {}, h("tr", {}, h("th", {}, `${strata.name} (seeds)`),
        report.metrics.map((m) => h("th", { title: m.description }, m.name)))),
      h("tbody", {}, strata.values.map((stratum) => h("tr", {},
        h("td", {}, `${stratum.value} (${seedsText(stratum)})`),
        report.metrics.map((m) => h("td", { class: "num" },
          stratum.variants.map((v) => format(v.metrics[m.name])).join(" / ")))))))),
  ];
}

/** One count when every variant's runs drew the value on as many seeds, else one per variant. */
function seedsText(stratum) {
  const counts = [...new Set(stratum.variants.map((v) => v.seeds))];
  return counts.length <= 1 ? String(counts[0] ?? 0) : stratum.variants.map((v) => v.seeds).join("/");
}
