// Actor view: partners (edge sign and volume), the trend, the heaviest events.
import { el, fmt, section, message, sourceLink } from "./dom.js";
import { get, failure } from "./api.js";
import { href, navigate } from "./state.js";
import { actorInput } from "./typeahead.js";
import { explanation } from "./overview.js";

// An alert about this actor (from the overview's evidence link): its explanation and the
// evidence events it rests on.
async function alertCard(id) {
  const card = section("Alert");
  try {
    const a = await get("alert", { alert_id: id });
    card.append(el("p", {}, el("span", { class: `badge dir-${a.direction}` }, a.direction), " ",
      el("strong", {}, a.subject), ` ${a.period_start} – ${a.period_end}: `, explanation(a)),
    el("ol", { class: "events" }, (a.evidence || []).map((e) => el("li", { class: "event" },
      el("div", {}, el("strong", {}, `${e.source_code || "?"} → ${e.target_code || "?"}`),
        ` ${e.code} ${e.name || ""} · ${e.day || ""}`),
      el("div", { class: "sentence" }, e.sentence || ""),
      el("div", { class: "event-meta" }, el("a", { href: href({ view: "article",
        id: e.article_id, event: e.event_id }, {}) }, "article"), " · ",
      sourceLink(e.url, e.source_name || "source"))))));
  } catch (err) { card.append(failure(err)); }
  return card;
}

function partnerTable(a, items) {
  if (!items.length) return message("no partners in the window");
  return el("div", { class: "scroll" }, el("table", { class: "table" },
    el("thead", {}, el("tr", {}, ...["partner", "events", "conflict", "cooperation",
      "Goldstein sum", "edge"].map((h) => el("th", {}, h)))),
    el("tbody", {}, items.map((p) => el("tr", {},
      el("td", {}, el("a", { href: href({ view: "dyad", a, b: p.partner }, {}) },
        `${p.partner}`), el("span", { class: "muted" }, ` ${p.name}`)),
      el("td", { class: "num" }, fmt(p.events)), el("td", { class: "num" }, fmt(p.conflict)),
      el("td", { class: "num" }, fmt(p.cooperation)),
      el("td", { class: "num" }, fmt(p.goldstein, 1)),
      el("td", {}, el("span", { class: `badge ${p.sign > 0 ? "dir-cooperation" : "dir-conflict"}` },
        p.sign > 0 ? "+ friendly" : "− hostile")))))));
}

function trend(node, series) {
  const pts = series.points;
  if (!pts.length) { node.append(message("no events in the window")); return; }
  const width = Math.max(280, node.clientWidth || 800);
  const x = pts.map((p) => Date.parse(`${p.period}T00:00:00Z`) / 1000);
  new uPlot({ width, height: 200, title: "events per week", scales: { x: { time: true } },
    cursor: { drag: { x: false, y: false } },
    series: [{}, { label: "cooperation", stroke: "#127a82", width: 2 },
      { label: "conflict", stroke: "#b22222", width: 2 }] },
  [x, pts.map((p) => p.cooperation), pts.map((p) => p.conflict)], node);
}

function topList(items) {
  if (!items.length) return message("no events");
  return el("ol", { class: "events" }, items.map((e) => el("li", { class: `event q${e.quad_class}` },
    el("div", {}, el("strong", {}, `${e.source_code || "?"} → ${e.target_code || "?"}`),
      ` ${e.code} ${e.name || ""} · ${e.day || ""} · ${fmt(e.num_mentions)} mentions`),
    el("div", { class: "sentence" }, e.sentence || ""),
    el("div", { class: "event-meta" }, el("a", { href: href({ view: "article",
      id: e.article_id, event: e.id }, {}) }, "article"), ` · ${e.source_name || ""}`))));
}

export async function render(root, ctx) {
  root.append(section("Actor", actorInput({ label: "Actor", value: ctx.a,
    onPick: (c) => navigate({ a: c }) })));
  if (!ctx.a) { root.append(message("type a country name or code, e.g. Russia")); return; }
  const w = { since: ctx.since, until: ctx.until };
  if (ctx.alert) root.append(await alertCard(ctx.alert));
  try {
    const [partners, series, top] = await Promise.all([
      get("partners", { a: ctx.a, ...w, limit: 20 }),
      get("actor", { a: ctx.a, by: "week", ...w }),
      get("top", { a: ctx.a, ...w, limit: 10 })]);
    if (!ctx.isCurrent()) return;
    const chart = el("div", { class: "chart" });
    root.append(el("div", { class: "grid" },
      section(`${ctx.a}: trend`, chart),
      section(`${ctx.a}: partners`, partnerTable(ctx.a, partners.items)),
      section(`${ctx.a}: heaviest events`, topList(top.items))));
    trend(chart, series);
  } catch (err) { root.append(failure(err)); }
}
