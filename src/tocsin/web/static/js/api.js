// Every call the page makes goes through ROUTES (a test checks each exists in the OpenAPI).
import { el } from "./dom.js";

export const ROUTES = {
  window: "/window",
  movers: "/overview/movers",
  map: "/overview/map",
  alerts: "/alerts",
  alert: "/alerts/{alert_id}",
  actors: "/actors",
  actor: "/actors/{a}",
  partners: "/actors/{a}/partners",
  top: "/actors/{a}/top",
  dyad: "/dyads/{a}/{b}",
  events: "/events",
  export: "/events/export",
  triads: "/triads",
  shifts: "/triads/shifts",
  articles: "/articles",
  article: "/articles/{article_id}",
};

export class ApiError extends Error {}

export function url(name, params = {}) {
  let path = ROUTES[name];
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === "") continue;
    if (path.includes(`{${k}}`)) path = path.replace(`{${k}}`, encodeURIComponent(v));
    else query.set(k, v);
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function get(name, params = {}) {
  const resp = await fetch(url(name, params), { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await resp.json(); } catch (_) { body = null; }
  if (!resp.ok) {
    const msg = body && body.error ? body.error.message : `HTTP ${resp.status}`;
    throw new ApiError(msg);
  }
  return body;
}

// A view's loader: shows the error as one line instead of failing silently.
export function failure(err) {
  return el("p", { class: "error", role: "alert" }, err instanceof ApiError ? err.message
    : `could not load: ${err && err.message ? err.message : err}`);
}
