// tocsin dashboard: plain JS over the app's own JSON routes, drawn as inline SVG.
// No libraries, no external URL: every request goes through api() with a template of ROUTES.
"use strict";

// Every API call of the page. "{name}" is filled from the call's values; a query
// parameter whose value is empty (null, undefined, "" or false) is left out.
const ROUTES = {
  events: "/events?limit={limit}&offset={offset}&actor={actor}&counts_only={counts_only}",
  mapEvents: "/events?limit={limit}&cursor={cursor}&actor={actor}&counts_only={counts_only}",
  dyad: "/dyads/{a}/{b}?by=month",
  alerts: "/alerts?limit={limit}&distinct=true",
  triads: "/triads?all=true&min_events={min_events}&limit={limit}",
};

const PAGE_SIZE = 25;
const MAP_PAGE = 500;
const MAP_PAGES = 4;
const NETWORK_MAX_NODES = 24;
const FALLBACK_DYAD = ["RUS", "UKR"];
const SVG_NS = "http://www.w3.org/2000/svg";
const QUADS = {
  1: { name: "verbal cooperation", color: "#66bb6a" },
  2: { name: "material cooperation", color: "#1b5e20" },
  3: { name: "verbal conflict", color: "#ffa726" },
  4: { name: "material conflict", color: "#c62828" },
};

const state = { offset: 0, actor: "", countsOnly: false, nextOffset: null };

// ------------------------------------------------------------------ helpers

function fillRoute(template, values) {
  const [path, query] = template.split("?");
  const fill = (s) => s.replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(String(values[k])));
  const params = [];
  for (const part of (query || "").split("&").filter(Boolean)) {
    const [key, raw] = part.split("=");
    const m = /^\{(\w+)\}$/.exec(raw);
    if (!m) { params.push(part); continue; }
    const v = values[m[1]];
    if (v === null || v === undefined || v === "" || v === false) continue;
    params.push(key + "=" + encodeURIComponent(String(v)));
  }
  return fill(path) + (params.length ? "?" + params.join("&") : "");
}

async function api(template, values = {}) {
  const url = fillRoute(template, values);
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await resp.json(); } catch (e) { body = null; }
  if (!resp.ok) {
    const msg = body && body.error ? body.error.message : resp.statusText;
    throw new Error(url + ": " + resp.status + " " + msg);
  }
  return body;
}

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function svg(tag, attrs = {}, title = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  if (title) node.append(svgTitle(title));
  return node;
}

function svgTitle(text) {
  const t = document.createElementNS(SVG_NS, "title");
  t.textContent = text;
  return t;
}

function setStatus(text, isError = false) {
  const node = document.getElementById("status");
  node.textContent = text;
  node.className = "status" + (isError ? " error" : "");
}

function fail(where, err) {
  setStatus(where + ": " + err.message, true);
  console.error(where, err);
}

function placeholder(container, text) {
  container.replaceChildren(el("p", { class: "empty", text }));
}

function eventDay(e) {
  return e.event_date || e.article_date || "";
}

function clean(text) {
  return (text || "").replace(/\s+/g, " ").trim();
}

// ------------------------------------------------------------------ timeline

function trimSeries(points) {
  let lo = 0;
  let hi = points.length - 1;
  while (lo <= hi && !points[lo].events) lo++;
  while (hi >= lo && !points[hi].events) hi--;
  return fillMonths(points.slice(lo, hi + 1));
}

function emptyPoint(period) {
  return { period, events: 0, mentions: 0, conflict: 0, cooperation: 0, cc_index: null, share: 0 };
}

// The API returns only the corpus' active periods: add the missing months as empty ones
// so that the x axis is linear in time.
function fillMonths(points) {
  if (!points.length) return points;
  const byPeriod = new Map(points.map((p) => [p.period.slice(0, 7), p]));
  const out = [];
  let [y, m] = points[0].period.split("-").map(Number);
  const last = points[points.length - 1].period.slice(0, 7);
  for (let guard = 0; guard < 2400; guard++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    out.push(byPeriod.get(key) || emptyPoint(key + "-01"));
    if (key >= last) break;
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

async function loadTimeline(a, b) {
  const box = document.getElementById("timeline");
  document.getElementById("dyad-a").value = a;
  document.getElementById("dyad-b").value = b;
  const summary = document.getElementById("dyad-summary");
  try {
    const rec = await api(ROUTES.dyad, { a, b });
    const points = trimSeries(rec.points || []);
    summary.textContent = rec.subject + ": " + rec.total_events + " events, "
      + rec.total_mentions + " mentions";
    if (!points.length) { placeholder(box, "No counting events for " + rec.subject + "."); return; }
    drawTimeline(box, points);
  } catch (err) {
    summary.textContent = "";
    placeholder(box, "No series.");
    fail("timeline", err);
  }
}

function drawTimeline(box, points) {
  const W = 1000, H = 280, L = 44, R = 44, T = 14, B = 34;
  const mid = T + (H - T - B) / 2;
  const half = (H - T - B) / 2;
  const max = Math.max(1, ...points.map((p) => Math.max(p.cooperation, p.conflict)));
  const step = (W - L - R) / points.length;
  const bw = Math.max(1, step * 0.8);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline", role: "img",
    "aria-label": "monthly cooperation and conflict counts" });
  // axes and gridlines (counts on the left, index on the right)
  for (const f of [-1, -0.5, 0, 0.5, 1]) {
    const y = mid - f * half;
    root.append(svg("line", { x1: L, x2: W - R, y1: y, y2: y, class: f === 0 ? "axis" : "grid" }));
    root.append(svg("text", { x: L - 6, y: y + 4, class: "tick end", text: String(Math.round(Math.abs(f) * max)) }));
    root.append(svg("text", { x: W - R + 6, y: y + 4, class: "tick idx", text: f.toFixed(1) }));
  }
  const labelEvery = Math.max(1, Math.ceil(points.length / 12));
  const segments = [[]];
  points.forEach((p, i) => {
    const x = L + i * step + (step - bw) / 2;
    const tip = `${p.period.slice(0, 7)}: ${p.cooperation} cooperation, ${p.conflict} conflict`
      + (p.cc_index === null ? "" : `, index ${p.cc_index.toFixed(2)}`)
      + `, ${p.events} events, ${(100 * (p.share || 0)).toFixed(1)} % of the month's volume`;
    const g = svg("g", {}, tip);
    g.append(svg("rect", { x, y: mid - (p.cooperation / max) * half, width: bw,
      height: (p.cooperation / max) * half, class: "coop" }));
    g.append(svg("rect", { x, y: mid, width: bw, height: (p.conflict / max) * half, class: "conflict" }));
    // a transparent hit area so the tooltip shows on empty months too
    g.append(svg("rect", { x: L + i * step, y: T, width: step, height: H - T - B, class: "hit" }));
    root.append(g);
    if (p.cc_index === null) segments.push([]);
    else segments[segments.length - 1].push(`${x + bw / 2},${mid - p.cc_index * half}`);
    if (i % labelEvery === 0) {
      root.append(svg("text", { x: x + bw / 2, y: H - B + 16, class: "tick mid", text: p.period.slice(0, 7) }));
    }
  });
  for (const seg of segments) {
    if (seg.length > 1) root.append(svg("polyline", { points: seg.join(" "), class: "index-line" }));
    if (seg.length === 1) {
      const [cx, cy] = seg[0].split(",");
      root.append(svg("circle", { cx, cy, r: 2, class: "index-dot" }));
    }
  }
  root.append(svg("text", { x: L + 4, y: T + 12, class: "tick coop-label", text: "▲ cooperation (quad 1+2)" }));
  root.append(svg("text", { x: L + 4, y: H - B - 4, class: "tick conflict-label", text: "▼ conflict (quad 3+4)" }));
  root.append(svg("text", { x: W - R - 4, y: T + 12, class: "tick end idx", text: "— conflict–cooperation index" }));
  box.replaceChildren(root);
}

// ------------------------------------------------------------------ map

async function loadMap() {
  const box = document.getElementById("map");
  const located = [];
  let cursor = null;
  try {
    for (let page = 0; page < MAP_PAGES; page++) {
      const data = await api(ROUTES.mapEvents, { limit: MAP_PAGE, cursor, actor: state.actor,
        counts_only: state.countsOnly });
      for (const e of data.items) {
        if (e.geo_lat !== null && e.geo_lon !== null) located.push(e);
      }
      cursor = data.next_cursor;
      if (cursor === null || cursor === undefined) break;
    }
  } catch (err) {
    fail("map", err);
  }
  drawMap(box, located);
}

function drawMap(box, events) {
  const root = svg("svg", { viewBox: "-180 -90 360 180", class: "map", role: "img",
    "aria-label": "event locations, equirectangular projection" });
  root.append(svg("rect", { x: -180, y: -90, width: 360, height: 180, class: "sea" }));
  for (let lon = -150; lon <= 150; lon += 30) {
    root.append(svg("line", { x1: lon, x2: lon, y1: -90, y2: 90, class: lon === 0 ? "meridian" : "grid" }));
    root.append(svg("text", { x: lon + 1, y: 88, class: "maptick", text: lon + "°" }));
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    root.append(svg("line", { x1: -180, x2: 180, y1: -lat, y2: -lat, class: lat === 0 ? "meridian" : "grid" }));
    root.append(svg("text", { x: -179, y: -lat - 1, class: "maptick", text: lat + "°" }));
  }
  const groups = new Map();
  for (const e of events) {
    const key = `${e.geo_lat.toFixed(1)}|${e.geo_lon.toFixed(1)}|${e.quad_class}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(e);
  }
  const shift = { 1: [-0.7, -0.7], 2: [0.7, -0.7], 3: [-0.7, 0.7], 4: [0.7, 0.7] };
  const sorted = [...groups.values()].sort((x, y) => y.length - x.length);
  for (const evs of [...sorted].reverse()) {  // small dots on top of big ones
    const e = evs[0];
    const q = QUADS[e.quad_class] ? e.quad_class : 1;
    const [dx, dy] = shift[q];
    const tip = `${e.geo_name || "?"} (${evs.length} event${evs.length > 1 ? "s" : ""}, `
      + `${QUADS[q].name})\n` + evs.slice(0, 4).map((x) => "• " + clean(x.sentence)).join("\n")
      + (evs.length > 4 ? `\n… and ${evs.length - 4} more` : "");
    root.append(svg("circle", { cx: e.geo_lon + dx, cy: -e.geo_lat + dy,
      r: Math.min(6, 0.9 + Math.sqrt(evs.length) * 0.6), fill: QUADS[q].color, class: "dot" }, tip));
  }
  const labelled = new Set();
  for (const evs of sorted) {
    const e = evs[0];
    if (!e.geo_name || labelled.has(e.geo_name) || labelled.size >= 10) continue;
    labelled.add(e.geo_name);
    root.append(svg("text", { x: e.geo_lon + 2.5, y: -e.geo_lat - 2, class: "place", text: e.geo_name }));
  }
  box.replaceChildren(root);
  const legend = document.getElementById("map-legend");
  legend.replaceChildren(...Object.values(QUADS).map((q) =>
    el("span", { class: "key" }, [el("i", { class: "swatch", "data-color": q.color }), q.name])));
  for (const i of legend.querySelectorAll("i.swatch")) i.style.background = i.dataset.color;
  legend.append(el("span", { class: "note", text: `${events.length} located events`
    + (state.actor ? ` involving ${state.actor}` : "") }));
}

// ------------------------------------------------------------------ network

function networkEdges(triads) {
  const edges = new Map();
  for (const t of triads) {
    for (const e of t.edges || []) {
      const key = [e.a, e.b].sort().join("|");
      if (!edges.has(key)) edges.set(key, e);
    }
  }
  return [...edges.values()];
}

async function loadNetwork() {
  const box = document.getElementById("network");
  const note = document.getElementById("network-note");
  try {
    const data = await api(ROUTES.triads, { min_events: 2, limit: 500 });
    const edges = networkEdges(data.items);
    if (!edges.length) { placeholder(box, "No triangles in the signed network yet."); return []; }
    const unbalanced = data.items.filter((t) => !t.balanced).length;
    note.textContent = `${edges.length} edges from ${data.items.length} triads `
      + `(${unbalanced} unbalanced). Click an edge for its timeline, an actor to filter events.`;
    drawNetwork(box, edges);
    return edges;
  } catch (err) {
    placeholder(box, "No network.");
    fail("network", err);
    return [];
  }
}

function drawNetwork(box, allEdges) {
  const weight = new Map();
  for (const e of allEdges) {
    weight.set(e.a, (weight.get(e.a) || 0) + e.events);
    weight.set(e.b, (weight.get(e.b) || 0) + e.events);
  }
  const nodes = [...weight.keys()].sort((x, y) => weight.get(y) - weight.get(x))
    .slice(0, NETWORK_MAX_NODES).sort();
  const keep = new Set(nodes);
  const edges = allEdges.filter((e) => keep.has(e.a) && keep.has(e.b));
  const S = 400, C = S / 2, rad = S / 2 - 48;
  const pos = new Map(nodes.map((n, i) => {
    const ang = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n, [C + rad * Math.cos(ang), C + rad * Math.sin(ang), ang]];
  }));
  const maxEv = Math.max(1, ...edges.map((e) => e.events));
  const root = svg("svg", { viewBox: `0 0 ${S} ${S}`, class: "network", role: "img",
    "aria-label": "signed actor network" });
  for (const e of [...edges].sort((x, y) => x.events - y.events)) {
    const [x1, y1] = pos.get(e.a);
    const [x2, y2] = pos.get(e.b);
    const tip = `${e.a}–${e.b}: ${e.events} events, Goldstein sum ${e.goldstein_sum}`
      + ` (mean ${e.mean}), ${e.sign > 0 ? "cooperative" : "hostile"}`;
    root.append(svg("line", { x1, y1, x2, y2, class: "edge " + (e.sign > 0 ? "pos" : "neg"),
      "stroke-width": (0.8 + 4 * Math.sqrt(e.events / maxEv)).toFixed(2),
      onclick: () => loadTimeline(e.a, e.b) }, tip));
  }
  for (const n of nodes) {
    const [x, y, ang] = pos.get(n);
    const g = svg("g", { class: "node", onclick: () => filterEvents(n) },
      `${n}: ${weight.get(n)} events on its edges`);
    g.append(svg("circle", { cx: x, cy: y, r: 4 + 5 * Math.sqrt(weight.get(n) / (2 * maxEv)) }));
    const lx = C + (rad + 16) * Math.cos(ang);
    const ly = C + (rad + 16) * Math.sin(ang) + 4;
    const anchor = Math.abs(Math.cos(ang)) < 0.3 ? "middle" : (Math.cos(ang) > 0 ? "start" : "end");
    g.append(svg("text", { x: lx, y: ly, "text-anchor": anchor, text: n }));
    root.append(g);
  }
  box.replaceChildren(root);
}

// ------------------------------------------------------------------ alerts

async function loadAlerts() {
  const list = document.getElementById("alerts");
  try {
    const data = await api(ROUTES.alerts, { limit: 10 });
    if (!data.items.length) {
      list.replaceChildren(el("li", { class: "empty", text: "No stored alerts (run `tocsin alerts --recompute`)." }));
      return data.items;
    }
    list.replaceChildren(...data.items.map(alertItem));
    return data.items;
  } catch (err) {
    fail("alerts", err);
    return [];
  }
}

function alertItem(a) {
  const pair = a.subject.split("-");
  const subject = pair.length === 2
    ? el("a", { href: "#timeline-panel", text: a.subject, onclick: () => loadTimeline(pair[0], pair[1]) })
    : el("a", { href: "#events-panel", text: a.subject, onclick: () => filterEvents(a.subject) });
  const head = el("div", { class: "alert-head" }, [
    el("span", { class: "badge " + a.direction, text: a.direction }), " ", subject,
    el("span", { class: "note", text: ` ${a.kind}, ${a.period_start} – ${a.period_end}, score ${a.score}` }),
  ]);
  // one line per distinct sentence (a statement listing many actors yields many events)
  const bySentence = new Map();
  for (const e of a.evidence || []) {
    const key = clean(e.sentence);
    if (!bySentence.has(key)) bySentence.set(key, []);
    bySentence.get(key).push(e);
  }
  const evidence = el("ul", { class: "evidence" }, [...bySentence].map(([sentence, evs]) =>
    el("li", {}, [
      ...evs.map((e) => el("span", { class: "q q" + e.quad_class,
        text: `${e.day || ""} ${e.source_code}→${e.target_code || "?"} ${e.code} ` })),
      el("span", { text: sentence }),
      evs[0].num_mentions > 1 ? el("span", { class: "note", text: ` (${evs[0].num_mentions} mentions)` }) : null,
    ])));
  return el("li", {}, [head, evidence]);
}

// ------------------------------------------------------------------ events table

async function loadEvents() {
  const body = document.querySelector("#events tbody");
  const pageNote = document.getElementById("events-page");
  try {
    const data = await api(ROUTES.events, { limit: PAGE_SIZE, offset: state.offset,
      actor: state.actor, counts_only: state.countsOnly });
    state.nextOffset = data.next_offset;
    body.replaceChildren(...data.items.map(eventRow));
    if (!data.items.length) body.append(el("tr", {}, [el("td", { colspan: "9", class: "empty", text: "No events." })]));
    pageNote.textContent = data.items.length
      ? `events ${state.offset + 1}–${state.offset + data.items.length}` + (state.actor ? ` involving ${state.actor}` : "")
      : "";
  } catch (err) {
    state.nextOffset = null;
    body.replaceChildren();
    pageNote.textContent = "";
    fail("events", err);
  }
  document.getElementById("events-prev").disabled = state.offset === 0;
  document.getElementById("events-next").disabled = state.nextOffset === null;
}

function eventRow(e) {
  const actorCell = (code, text) => el("td", { title: text || "", text: code || "–" });
  const place = e.geo_name ? e.geo_name + (e.geo_country ? ` (${e.geo_country})` : "") : "";
  return el("tr", { class: e.counts ? "" : "muted" }, [
    el("td", { text: String(e.id) }),
    el("td", { text: eventDay(e) }),
    actorCell(e.source_code, e.source_text),
    actorCell(e.target_code, e.target_text),
    el("td", { class: "q q" + e.quad_class, text: e.code }),
    el("td", { class: "name", text: e.name || "" }),
    el("td", { text: e.factuality }),
    el("td", { text: place }),
    el("td", { class: "sentence", text: clean(e.sentence) }),
  ]);
}

function filterEvents(actor) {
  document.getElementById("events-actor").value = actor;
  applyFilter();
  document.getElementById("events-panel").scrollIntoView({ behavior: "smooth" });
}

function applyFilter() {
  state.actor = document.getElementById("events-actor").value.trim().toUpperCase();
  state.countsOnly = document.getElementById("events-counting").checked;
  state.offset = 0;
  loadEvents();
  loadMap();
}

// ------------------------------------------------------------------ start

function defaultDyad(edges, alerts) {
  if (edges.length) {
    const top = [...edges].sort((x, y) => y.events - x.events)[0];
    return [top.a, top.b];
  }
  const dyadAlert = alerts.find((a) => a.details && a.details.subject_type === "dyad");
  if (dyadAlert && dyadAlert.subject.split("-").length === 2) return dyadAlert.subject.split("-");
  return FALLBACK_DYAD;
}

function wire() {
  document.getElementById("dyad-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const a = document.getElementById("dyad-a").value.trim().toUpperCase();
    const b = document.getElementById("dyad-b").value.trim().toUpperCase();
    if (a && b) loadTimeline(a, b);
  });
  document.getElementById("events-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    applyFilter();
  });
  document.getElementById("events-prev").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE_SIZE);
    loadEvents();
  });
  document.getElementById("events-next").addEventListener("click", () => {
    if (state.nextOffset !== null) { state.offset = state.nextOffset; loadEvents(); }
  });
}

async function start() {
  wire();
  setStatus("loading…");
  // the page's own query string preselects panels: /?a=RUS&b=UKR&actor=IRN
  const params = new URLSearchParams(window.location.search);
  const wanted = (k) => (params.get(k) || "").trim().toUpperCase().slice(0, 15);
  document.getElementById("events-actor").value = wanted("actor");
  state.actor = wanted("actor");
  loadEvents();
  loadMap();
  const [edges, alerts] = await Promise.all([loadNetwork(), loadAlerts()]);
  const [a, b] = wanted("a") && wanted("b") ? [wanted("a"), wanted("b")] : defaultDyad(edges, alerts);
  await loadTimeline(a, b);
  if (!document.querySelector("#status.error")) setStatus("");
}

document.addEventListener("DOMContentLoaded", start);
