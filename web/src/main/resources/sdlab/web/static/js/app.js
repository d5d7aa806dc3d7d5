// The web lab's entry: shows the view the URL's hash names, and again whenever the hash changes.

import { chapterView } from "./chapter-view.js";
import { chaptersView } from "./chapters-view.js";
import { checkView } from "./check-view.js";
import { h, show } from "./dom.js";
import { currentRoute } from "./route.js";
import { runView } from "./run-view.js";
import { runsView } from "./runs-view.js";
import { seedView } from "./seed-view.js";

async function render() {
  const { view, id, query, sub, subId } = currentRoute();
  try {
    if (sub === "seed" && (view === "run" || view === "chapter")) {
      await seedView(view, id, subId, query);
      return;
    }
    switch (view) {
      case "chapter": await chapterView(id, query); break;
      case "run": await runView(id, query); break;
      case "runs": await runsView(); break;
      case "check": await checkView(); break;
      default: await chaptersView();
    }
  } catch (error) {
    show(h("h1", {}, "Something went wrong"), h("p", { class: "error" }, error.message),
      h("p", {}, h("a", { href: "#/" }, "Back to the chapters")));
  }
}

window.addEventListener("hashchange", render);
render();
