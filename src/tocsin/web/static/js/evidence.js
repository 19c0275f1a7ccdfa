// Evidence: an event's sentence with source, target and trigger highlighted from the
// stored spans, and its code, factuality, place, date and source link.
import { el, fmt, QUADS, sourceLink } from "./dom.js";
import { href } from "./state.js";

export function highlighted(sentence, marks) {
  const out = el("span", { class: "sentence" });
  if (!sentence) return out;
  const spans = [...(marks || [])].sort((a, b) => a.start - b.start);
  let pos = 0;
  for (const m of spans) {
    if (m.start < pos || m.end > sentence.length) continue;
    out.append(sentence.slice(pos, m.start));
    out.append(el("mark", { class: `hl hl-${m.role}`, title: m.role },
      sentence.slice(m.start, m.end)));
    pos = m.end;
  }
  out.append(sentence.slice(pos));
  return out;
}

function place(e) {
  if (!e.geo_name) return "no place";
  return e.geo_country ? `${e.geo_name} (${e.geo_country})` : e.geo_name;
}

function when(e) {
  const d = e.event_date || e.day || e.article_date;
  if (!d) return "no date";
  return e.event_date_precision && e.event_date_precision !== "day"
    ? `${d} (${e.event_date_precision})` : d;
}

export function eventCard(e) {
  const actors = `${e.source_code || "?"} → ${e.target_code || "?"}`;
  const art = e.article_id
    ? el("a", { href: href({ view: "article", id: e.article_id, event: e.id }, {}) }, "article")
    : null;
  return el("li", { class: `event q${e.quad_class || 0}`, "data-id": e.id },
    el("div", { class: "event-head" },
      el("strong", {}, actors), " ",
      el("span", { class: "code", title: e.name || "" }, `${e.code} ${e.name || ""}`), " ",
      el("span", { class: `quad q${e.quad_class || 0}` }, QUADS[e.quad_class] || "no quad"),
      " ", el("span", { class: `fact f-${e.factuality}` }, e.factuality)),
    el("div", {}, highlighted(e.sentence, e.highlights)),
    el("div", { class: "event-meta" },
      el("span", {}, when(e)), " · ", el("span", {}, place(e)), " · ",
      el("span", {}, `Goldstein ${fmt(e.goldstein, 1)}`), " · ",
      el("span", {}, e.source_name || "unknown source"), " · ",
      sourceLink(e.url, e.title || "source"), art ? " · " : null, art));
}

export function eventList(items, empty = "no events") {
  if (!items || !items.length) return el("p", { class: "muted" }, empty);
  return el("ul", { class: "events" }, items.map(eventCard));
}
