// Article view: the text with every coded event marked in place (source, target, trigger
// from the stored spans); hover or tap a mark for the event's details.
import { el, fmt, section, message, sourceLink, QUADS, clear } from "./dom.js";
import { get, failure } from "./api.js";
import { href, navigate } from "./state.js";
import { tip } from "./tip.js";

const ROLES = ["source", "target", "trigger"];

// Segments of `text` with the (event, role) pairs covering each, for non-overlapping marks.
export function segments(text, events) {
  const cuts = new Set([0, text.length]);
  const spans = [];
  for (const e of events) {
    for (const role of ROLES) {
      const s = e[`${role}_span`];
      if (!s || s[0] < 0 || s[1] > text.length || s[0] >= s[1]) continue;
      spans.push({ start: s[0], end: s[1], role, e });
      cuts.add(s[0]); cuts.add(s[1]);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    out.push({ text: text.slice(a, b), cover: spans.filter((s) => s.start <= a && s.end >= b) });
  }
  return out;
}

function describe(e) {
  const loc = e.geo_name ? `${e.geo_name}${e.geo_country ? ` (${e.geo_country})` : ""}` : "none";
  return [
    ["source", `${e.source_code || "?"} (${e.source_text || ""})`],
    ["target", `${e.target_code || "?"} (${e.target_text || ""})`],
    ["code", `${e.code} ${e.name || ""}`], ["PLOVER", e.plover_type || "–"],
    ["quad", QUADS[e.quad_class] || "–"], ["Goldstein", fmt(e.goldstein, 1)],
    ["factuality", e.factuality], ["place", loc],
    ["date", `${e.event_date || e.article_date || "–"}${e.event_date_expr ? ` ("${e.event_date_expr}")` : ""}`],
    ["rules", (e.rules || []).join("; ") || "–"],
  ];
}

function detail(panel, evs) {
  clear(panel);
  for (const e of evs) {
    panel.append(el("div", { class: "event-detail", "data-id": e.id },
      el("h3", {}, `${e.source_code || "?"} → ${e.target_code || "?"}: ${e.code}`),
      el("dl", {}, describe(e).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]))));
  }
}

function marked(text, events, panel) {
  const body = el("div", { class: "article-text" });
  for (const seg of segments(text, events)) {
    if (!seg.cover.length) { body.append(seg.text); continue; }
    const evs = [...new Set(seg.cover.map((c) => c.e))];
    const roles = [...new Set(seg.cover.map((c) => c.role))];
    const mark = el("mark", { class: `ev ${roles.map((r) => `hl-${r}`).join(" ")} q${evs[0].quad_class || 0}`,
      tabindex: "0", "data-id": evs.map((e) => e.id).join(" "), role: "button",
      "aria-label": evs.map((e) => `${e.source_code} ${e.code} ${e.target_code}`).join(", ") },
    seg.text);
    const show = (ev) => {
      detail(panel, evs);
      tip.show(ev, evs.map((e) => `${e.source_code || "?"} → ${e.target_code || "?"} ${e.code} `
        + `${e.name || ""} (${e.factuality})`).join("\n"));
    };
    mark.addEventListener("mouseenter", show);
    mark.addEventListener("click", show);
    mark.addEventListener("focus", (ev) => detail(panel, evs));
    mark.addEventListener("mouseleave", () => tip.hide());
    body.append(mark);
  }
  return body;
}

async function articleList(root, ctx) {
  const input = el("input", { type: "search", name: "q", value: ctx.q || "",
    placeholder: "search titles and text", "aria-label": "search articles" });
  const form = el("form", { class: "inline", onsubmit: (ev) => { ev.preventDefault();
    navigate({ q: input.value }); } }, input, el("button", { type: "submit" }, "Search"));
  const card = section("Articles", form);
  root.append(card);
  try {
    const page = await get("articles", { search: ctx.q, since: ctx.since, until: ctx.until,
      limit: 50 });
    card.append(page.items.length ? el("ul", { class: "articles" }, page.items.map((a) =>
      el("li", {}, el("a", { href: href({ view: "article", id: a.id }, {}) }, a.title || a.id),
        el("span", { class: "muted" }, ` · ${a.date || "undated"} · ${a.source || ""} · `
          + `${a.events} events`)))) : message("no article in the window matches"));
  } catch (err) { card.append(failure(err)); }
}

export async function render(root, ctx) {
  if (!ctx.id) { await articleList(root, ctx); return; }
  try {
    const art = await get("article", { article_id: ctx.id });
    if (!ctx.isCurrent()) return;
    const panel = el("aside", { class: "detail card", "aria-live": "polite" },
      message("hover or tap a marked phrase for its event"));
    const titleEvents = art.events.filter((e) => e.sentence_index === -1);
    const bodyEvents = art.events.filter((e) => e.sentence_index !== -1);
    const head = el("h2", { class: "article-title" },
      art.title ? marked(art.title, titleEvents, panel) : art.id);
    const meta = el("p", { class: "muted" }, [art.date || "undated", art.source,
      `${art.events.length} events`].filter(Boolean).join(" · "), " · ",
    sourceLink(art.url, "original"));
    const key = el("p", { class: "legend-key" }, "marked: ",
      el("mark", { class: "hl hl-source" }, "source"), " ",
      el("mark", { class: "hl hl-target" }, "target"), " ",
      el("mark", { class: "hl hl-trigger" }, "trigger"));
    const list = el("ul", { class: "article-events" }, art.events.map((e) => el("li", {
      tabindex: "0", "data-id": e.id, onclick: () => detail(panel, [e]),
      onmouseenter: () => detail(panel, [e]) },
    `${e.source_code || "?"} → ${e.target_code || "?"} ${e.code} ${e.name || ""} `,
    el("span", { class: "muted" }, `(${e.factuality})`))));
    root.append(el("div", { class: "article-layout" },
      el("article", { class: "card" }, head, meta, key, marked(art.text, bodyEvents, panel)),
      el("div", {}, panel, section(`${art.events.length} coded events`, list))));
    const pick = art.events.find((e) => String(e.id) === ctx.event);
    if (pick) {
      detail(panel, [pick]);
      const node = root.querySelector(`mark[data-id~="${pick.id}"]`);
      if (node) { node.classList.add("picked"); node.scrollIntoView({ block: "center" }); }
    }
  } catch (err) { root.append(failure(err)); }
}
