// A chapter's parameters as a form: each with its default, range and help exactly as the experiment defines
// them. Values are sent as text and parsed by the server with the experiment's own parameters, so the form
// never has to agree with them on what is valid; the browser's checks only catch typos early.

import { h } from "./dom.js";

/** The form's rows for these parameters, filled from `given` (name to text) or the defaults. */
export function paramRows(params, given) {
  return params.map((param) => {
    const id = `param-${param.name}`;
    return [
      h("label", { for: id }, `--${param.name}`),
      control(param, id, given[param.name] ?? param.default),
      h("span", { class: "help" }, `${param.help} (default ${param.default}; ${param.range})`),
    ];
  });
}

function control(param, id, value) {
  const common = { id, name: param.name, "data-param": param.name, "data-default": param.default };
  switch (param.type) {
    case "flag":
      return h("input", { ...common, type: "checkbox", checked: value === "true" });
    case "choice":
      return h("select", common,
        param.choices.map((choice) => h("option", { value: choice, selected: choice === value }, choice)));
    case "integer":
    case "decimal": {
      const [min, max] = param.range.split("..");
      return h("input", { ...common, type: "number", min, max, step: param.type === "integer" ? 1 : "any", value });
    }
    default:
      return h("input", { ...common, type: "text", value });
  }
}

/** Name to text of the form's parameters that differ from their defaults. */
export function changedParams(form) {
  const changed = {};
  for (const input of form.querySelectorAll("[data-param]")) {
    const value = input.type === "checkbox" ? String(input.checked) : input.value.trim();
    if (value !== input.dataset.default) changed[input.dataset.param] = value;
  }
  return changed;
}
