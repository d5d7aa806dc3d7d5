// The web lab's JSON API (documented in web/README.md). Every refusal carries {"error": "..."}; it becomes
// an Error with that message, so a view can show the server's own words.

async function call(method, path, body) {
  const init = { method, headers: { Accept: "application/json" } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(data && data.error ? data.error : `${method} ${path}: HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return data;
}

export const api = {
  chapters: () => call("GET", "/api/chapters"),
  chapter: (id) => call("GET", `/api/chapters/${encodeURIComponent(id)}`),
  runs: () => call("GET", "/api/runs"),
  report: (id) => call("GET", `/api/runs/${encodeURIComponent(id)}`),
  start: (request) => call("POST", "/api/runs", request),
  cancel: (id) => call("DELETE", `/api/runs/${encodeURIComponent(id)}`),
  // One seed replayed: of a kept run (its parameters) or of a chapter (parameters in the query).
  seedOfRun: (id, seed, variant, fork) =>
    call("GET", `/api/runs/${encodeURIComponent(id)}/seeds/${encodeURIComponent(seed)}?${new URLSearchParams(
      fork ? { variant, fork } : { variant })}`),
  seedOfChapter: (id, seed, query) =>
    call("GET", `/api/chapters/${encodeURIComponent(id)}/seeds/${encodeURIComponent(seed)}?${new URLSearchParams(query)}`),
  // Every node's state at a step of a seed (query: variant, step, fork and, for a chapter, its parameters).
  stateOfRun: (id, seed, query) =>
    call("GET", `/api/runs/${encodeURIComponent(id)}/seeds/${encodeURIComponent(seed)}/state?${new URLSearchParams(query)}`),
  stateOfChapter: (id, seed, query) =>
    call("GET", `/api/chapters/${encodeURIComponent(id)}/seeds/${encodeURIComponent(seed)}/state?${new URLSearchParams(query)}`),
  sweep: (request) => call("POST", "/api/sweeps", request),
  checkModels: () => call("GET", "/api/check/models"),
  check: (request) => call("POST", "/api/check", request),
};

/**
 * Follows a run's server-sent events: onProgress({seedsDone, seedsTotal}) as seeds finish, then onEnd({state,
 * error, ...}) once. Returns a function that stops following.
 */
export function follow(id, onProgress, onEnd) {
  const source = new EventSource(`/api/runs/${encodeURIComponent(id)}/events`);
  source.addEventListener("progress", (event) => onProgress(JSON.parse(event.data)));
  source.addEventListener("end", (event) => {
    // Closed before the server closes the stream, so that the browser does not reconnect.
    source.close();
    onEnd(JSON.parse(event.data));
  });
  return () => source.close();
}
