// A metric against a parameter, from a chapter's page: pick a parameter and the values to try, and every variant
// runs over the same seeds at each (POST /api/sweeps); the chart draws one dot per seed.

import { api } from "./api.js";
import { h } from "./dom.js";
import { changedParams } from "./param-form.js";
import { scatterChart } from "./scatter-chart.js";

/** The sweep card of `chapter`, using the chapter form's other parameters as they are set. */
export function sweepForm(chapter, form) {
  const numeric = chapter.params.filter((p) => ["integer", "decimal", "duration"].includes(p.type));
  if (!numeric.length) return null;
  const param = h("select", { id: "sweep-param", "aria-label": "parameter" },
    numeric.map((p) => h("option", { value: p.name }, `${p.name} (${p.range})`)));
  const values = h("input", { id: "sweep-values", size: 24, "aria-label": "values", value: suggested(numeric[0]) });
  param.addEventListener("change", () => {
    values.value = suggested(numeric.find((p) => p.name === param.value));
  });
  const seeds = h("input", { id: "sweep-seeds", type: "number", min: 1, max: 100, value: 10, "aria-label": "seeds" });
  const metric = h("select", { id: "sweep-metric", "aria-label": "metric" },
    chapter.metrics.map((m) => h("option", { value: m.name }, m.name)));
  const button = h("button", { type: "button", id: "sweep-run", class: "secondary" }, "Sweep");
  const result = h("div", { id: "sweep-result" });
  let last = null;
  const draw = () => {
    if (last) result.replaceChildren(h("p", { class: "muted", id: "sweep-summary" }, summary(last)), scatterChart(last, metric.value));
  };
  metric.addEventListener("change", draw);
  button.addEventListener("click", async () => {
    button.disabled = true;
    result.replaceChildren(h("p", { class: "muted" }, "Running every variant at each value…"));
    const { [param.value]: ignored, ...others } = changedParams(form);
    try {
      last = await api.sweep({ experiment: chapter.id, param: param.value, params: others, seeds: Number(seeds.value),
        values: values.value.split(",").map((v) => v.trim()).filter(Boolean) });
      draw();
    } catch (error) {
      result.replaceChildren(h("p", { class: "error" }, error.message));
    } finally {
      button.disabled = false;
    }
  });
  return h("fieldset", { class: "sweep-form" }, h("legend", {}, "A metric against a parameter"),
    h("p", { class: "muted" }, "Try one parameter at a few values, the others as set above: every variant runs over the "
      + "same seeds at each, and the chart shows one dot per seed."),
    h("div", { class: "actions" }, h("label", {}, "parameter ", param), h("label", {}, "values ", values),
      h("label", {}, "seeds ", seeds), h("label", {}, "metric ", metric), button),
    result);
}

/** The default and three steps up its range, as a starting point: "0.02, 0.1, 0.2, 0.3". */
function suggested(param) {
  const [low, high] = param.range.split("..");
  const from = Number.parseFloat(low);
  const to = Number.parseFloat(high);
  const unit = (param.default.match(/[a-z]+$/) || [""])[0];
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) return param.default;
  const span = Math.min(to - from, param.type === "integer" ? 6 : (to - from));
  const step = param.type === "integer" ? Math.max(1, Math.round(span / 3)) : span / 4;
  const picks = [0, 1, 2, 3].map((i) => from + i * step).filter((v) => v <= to);
  return picks.map((v) => (param.type === "integer" ? String(Math.round(v)) : `${Number(v.toPrecision(3))}${unit}`)).join(", ");
}

function summary(sweep) {
  return `${sweep.param} at ${sweep.values.join(", ")}: ${sweep.variants.length} variants over seeds ${sweep.firstSeed} to `
    + `${sweep.firstSeed + sweep.seeds - 1} at each, ${sweep.points.length} runs.`;
}
