// A chapter: its explanation, its question as a quiz, its parameters as a form, and "Prove it", which runs
// the sweep with live progress and a cancel button and then opens the run's verdicts; one seed to step through; and a
// metric against a parameter swept over a few values.

import { api, follow } from "./api.js";
import { h, show } from "./dom.js";
import { changedParams, paramRows } from "./param-form.js";
import { hashOf, replaceHash, seedHash, stillAt } from "./route.js";
import { sweepForm } from "./sweep-form.js";

const SEEDS_DEFAULT = 200;

export async function chapterView(id, query) {
  const at = location.hash;
  const chapter = await api.chapter(id);
  if (!stillAt(at)) return;
  const form = h("form", { class: "chapter-form", onsubmit: (event) => event.preventDefault() },
    quiz(chapter.question, query.answer),
    h("h2", {}, "Parameters"),
    h("fieldset", {}, h("legend", {}, "The experiment's parameters"),
      h("div", { class: "params" },
        h("label", { for: "seeds" }, "seeds"),
        h("input", { id: "seeds", name: "seeds", type: "number", min: 1, step: 1, value: query.seeds || SEEDS_DEFAULT }),
        h("span", { class: "help" }, "how many seeds every option runs over (the same seeds for each)"),
        paramRows(chapter.params, query))));
  const status = h("div", { class: "status", role: "status" });
  const prove = h("button", { type: "button", id: "prove" }, "Prove it");
  const cancel = h("button", { type: "button", id: "cancel", class: "secondary", hidden: true }, "Cancel");
  form.addEventListener("input", () => replaceHash(chapterHash(chapter.id, form)));
  prove.addEventListener("click", () => proveIt(chapter, form, { prove, cancel, status }));
  show(
    h("h1", {}, h("span", { class: "chapter-number" }, `Chapter ${chapter.chapter}`), chapter.title),
    h("p", { class: "muted" }, chapter.summary),
    h("section", { class: "explanation" }, chapter.explanation.map((paragraph) => h("p", {}, paragraph))),
    form,
    h("div", { class: "actions" }, prove, cancel, status),
    seedForm(chapter, form),
    sweepForm(chapter, form));
}

/** Opens one seed of one variant, with the form's parameters, step by step: no run needed. */
function seedForm(chapter, form) {
  const seed = h("input", { id: "seed", type: "number", step: 1, value: 1, "aria-label": "seed" });
  const variant = h("select", { id: "variant", "aria-label": "variant" },
    chapter.variants.map((v) => h("option", { value: v.name }, v.name)));
  const open = h("button", { type: "button", id: "open-seed", class: "secondary" }, "Step through it");
  open.addEventListener("click", () => {
    location.hash = seedHash("chapter", chapter.id, seed.value, { variant: variant.value, ...changedParams(form) });
  });
  return h("fieldset", { class: "seed-form" }, h("legend", {}, "One seed, step by step"),
    h("p", { class: "muted" }, "Replay one seed of one variant with the parameters above, and step through its "
      + "messages, faults and client operations."),
    h("div", { class: "actions" }, h("label", {}, "seed ", seed), h("label", {}, "variant ", variant), open));
}

function quiz(question, answer) {
  if (!question) return h("p", { class: "muted" }, "This chapter has no question; “Prove it” runs its claims.");
  return h("fieldset", { class: "quiz" }, h("legend", {}, "Your answer"),
    h("p", { class: "question" }, question.text),
    question.options.map((option, index) =>
      h("label", {},
        h("input", { type: "radio", name: "answer", value: index, checked: String(index) === answer }),
        " ", option.label)));
}

function chapterHash(id, form) {
  const answer = form.querySelector("input[name=answer]:checked");
  return hashOf("chapter", id, { seeds: form.seeds.value, ...changedParams(form), answer: answer?.value });
}

async function proveIt(chapter, form, { prove, cancel, status }) {
  const answer = form.querySelector("input[name=answer]:checked")?.value;
  const seeds = Number(form.seeds.value);
  prove.disabled = true;
  let run;
  try {
    run = await api.start({ experiment: chapter.id, params: changedParams(form), seeds });
  } catch (error) {
    prove.disabled = false;
    status.replaceChildren(h("span", { class: "error" }, error.message));
    return;
  }
  const bar = h("progress", { max: seeds, value: 0 });
  const count = h("span", { class: "progress-text" }, `0 / ${seeds} seeds`);
  status.replaceChildren(bar, " ", count);
  cancel.hidden = false;
  cancel.onclick = () => api.cancel(run.id).catch((error) => count.replaceChildren(error.message));
  // A learner who leaves the page stops following; the run goes on and stays in the runs list.
  const stop = follow(run.id,
    ({ seedsDone, seedsTotal }) => {
      if (!prove.isConnected) return stop();
      bar.max = seedsTotal;
      bar.value = seedsDone;
      count.replaceChildren(`${seedsDone} / ${seedsTotal} seeds`);
    },
    (end) => {
      if (!prove.isConnected) return;
      cancel.hidden = true;
      prove.disabled = false;
      if (end.state === "done") {
        location.hash = hashOf("run", run.id, { answer });
      } else {
        status.replaceChildren(h("span", { class: end.state === "failed" ? "error" : "muted" },
          `Run ${end.state} after ${end.seedsDone} of ${end.seedsTotal} seeds${end.error ? ": " + end.error : "."}`));
      }
    });
}
