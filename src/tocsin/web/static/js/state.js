// URL state: every view's parameters live in the query string, so a URL is shareable and
// Back restores the previous state (pushState on each change, popstate re-renders).

const listeners = [];

export function current() {
  return Object.fromEntries(new URLSearchParams(window.location.search));
}

export function href(patch, base = current()) {
  const next = { ...base, ...patch };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) {
    if (v !== null && v !== undefined && v !== "") q.set(k, v);
  }
  return `?${q.toString()}`;
}

export function navigate(patch, { replace = false, reset = false } = {}) {
  const base = reset ? windowOnly(current()) : current();
  const target = href(patch, base);
  if (target === window.location.search) return;
  if (replace) history.replaceState(null, "", target);
  else history.pushState(null, "", target);
  listeners.forEach((fn) => fn(current()));
}

function windowOnly(s) {
  const out = {};
  if (s.since) out.since = s.since;
  if (s.until) out.until = s.until;
  return out;
}

export function onChange(fn) {
  listeners.push(fn);
  window.addEventListener("popstate", () => fn(current()));
}

// In-page links (?view=...) navigate without reloading.
export function interceptLinks(root) {
  root.addEventListener("click", (ev) => {
    const a = ev.target.closest("a");
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey) return;
    const h = a.getAttribute("href") || "";
    if (!h.startsWith("?")) return;
    ev.preventDefault();
    const params = Object.fromEntries(new URLSearchParams(h.slice(1)));
    const keep = current();
    const merged = { since: keep.since, until: keep.until, ...params };
    history.pushState(null, "", href(merged, {}));
    listeners.forEach((fn) => fn(current()));
  });
}
