// The URL's hash is the page's state, so that a link reproduces a view:
//   #/                                  the chapters
//   #/chapter/quorum?seeds=200&n=5      a chapter with its form filled in (and &answer=2: the quiz answered)
//   #/run/<id>?answer=2                 a run's verdicts, judged against the learner's answer
//   #/runs                              the kept runs
//   #/run/<id>/seed/5?variant=n3r1w3&step=120          one seed of a kept run, stepped
//   #/chapter/quorum/seed/5?variant=n3r1w3&nodes=9&step=0  one seed of a chapter with parameters, stepped
//   ...&vs=variant=n3r2w2 (or vs=loss=0.1)                 ... set beside a rerun with that one change
//   #/check                             check your own history

/** {view, id, query, sub, subId} of the current hash: sub is "seed" and subId the seed in a seed's view. */
export function currentRoute() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, search = ""] = hash.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const query = Object.fromEntries(new URLSearchParams(search));
  return { view: parts[0] || "chapters", id: parts[1], query, sub: parts[2], subId: parts[3] };
}

/** The hash of a view with query values; empty values are left out. */
export function hashOf(view, id, query = {}) {
  const search = new URLSearchParams(
    Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== ""));
  const text = search.toString();
  return `#/${view}${id ? "/" + encodeURIComponent(id) : ""}${text ? "?" + text : ""}`;
}

/**
 * True while the page is still at `hash`: a view that waited for the server checks it before showing itself, so
 * that an answer arriving after the learner went elsewhere does not replace the view they went to.
 */
export function stillAt(hash) {
  return location.hash === hash;
}

/** Records the view's state in the URL without showing the view again. */
export function replaceHash(hash) {
  history.replaceState(null, "", hash);
}

/** The hash of one seed of a run or chapter (source "run" or "chapter"), stepped. */
export function seedHash(source, id, seed, query = {}) {
  return hashOf(source, id, query).replace(/^(#\/[^?]*)/, `$1/seed/${encodeURIComponent(seed)}`);
}
