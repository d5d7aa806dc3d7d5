// The chapters list: every experiment with the question it settles.
import { api } from "./api.js";
import { h, show } from "./dom.js";
import { hashOf, stillAt } from "./route.js";

export async function chaptersView() {
  const at = location.hash;
  const chapters = await api.chapters();
  if (!stillAt(at)) return;
  show(
    h("h1", {}, "Chapters"),
    h("p", { class: "muted" }, "Pick a chapter, read it, answer its question, then press “Prove it”: the lab runs "
      + "every option over the same seeds and shows what held."),
    chapters.map((chapter) =>
      h("div", { class: "card chapter", "data-id": chapter.id },
        h("div", {},
          h("span", { class: "chapter-number" }, `Chapter ${chapter.chapter}`),
          h("a", { href: hashOf("chapter", chapter.id) }, chapter.title)),
        h("div", { class: "muted" }, chapter.summary),
        chapter.question ? h("div", { class: "question" }, chapter.question) : null)));
}
