// Events view: every filter of GET /events, sort, total, paging, CSV and JSON export of
// the filtered set (GET /events/export).
import { el, fmt, section, message, sourceLink, QUADS } from "./dom.js";
import { get, failure, url } from "./api.js";
import { href, navigate } from "./state.js";
import { highlighted } from "./evidence.js";

export const FILTERS = ["actor", "dyad", "code", "root", "plover", "quad", "factuality",
  "place", "search"];
const SORTS = [["-date", "newest first"], ["date", "oldest first"],
  ["goldstein", "most conflictual"], ["-goldstein", "most cooperative"],
  ["-mentions", "most mentioned"], ["id", "ingest order"]];
const PAGE = 50;

function field(name, value, attrs = {}) {
  return el("label", {}, name, el("input", { name, value: value || "", ...attrs }));
}

function filterForm(ctx) {
  const quad = el("select", { name: "quad" }, el("option", { value: "" }, "any"),
    ...[1, 2, 3, 4].map((q) => el("option", { value: q, selected: ctx.quad === String(q) },
      `${q} ${QUADS[q]}`)));
  const fact = el("select", { name: "factuality" }, el("option", { value: "" }, "any"),
    ...["asserted", "intended", "alleged", "negated", "hypothetical"].map((f) => el("option",
      { value: f, selected: ctx.factuality === f }, f)));
  const sort = el("select", { name: "sort" }, ...SORTS.map(([v, t]) => el("option",
    { value: v, selected: (ctx.sort || "-date") === v }, t)));
  const form = el("form", { class: "filters", "aria-label": "event filters" },
    field("actor", ctx.actor, { placeholder: "RUS or RUSMIL" }),
    field("dyad", ctx.dyad, { placeholder: "IND-PAK" }),
    field("code", ctx.code, { placeholder: "19 or 042" }),
    field("root", ctx.root, { placeholder: "19" }),
    field("plover", ctx.plover, { placeholder: "ASSAULT" }),
    el("label", {}, "quad", quad), el("label", {}, "factuality", fact),
    field("place", ctx.place, { placeholder: "Kyiv or UA" }),
    field("search", ctx.search, { placeholder: "text in the sentence", type: "search" }),
    el("label", {}, "sort", sort),
    el("label", { class: "check" }, el("input", { type: "checkbox", name: "counts_only",
      checked: ctx.counts_only === "true" }), "only events that count"),
    el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const patch = { offset: null };
    for (const n of [...FILTERS, "sort"]) patch[n] = form.elements[n].value.trim() || null;
    patch.counts_only = form.elements.counts_only.checked ? "true" : null;
    navigate(patch);
  });
  return form;
}

export function params(ctx) {
  const p = { since: ctx.since, until: ctx.until, sort: ctx.sort || "-date" };
  for (const n of FILTERS) if (ctx[n]) p[n] = ctx[n];
  if (ctx.counts_only === "true") p.counts_only = "true";
  return p;
}

function table(items) {
  return el("table", { class: "table events-table" },
    el("thead", {}, el("tr", {}, ...["date", "source → target", "code", "quad", "factuality",
      "place", "evidence", "source"].map((h) => el("th", {}, h)))),
    el("tbody", {}, items.map((e) => el("tr", { "data-id": e.id },
      el("td", {}, e.day || e.article_date || ""),
      el("td", {}, `${e.source_code || "?"} → ${e.target_code || "?"}`),
      el("td", { title: e.name || "" }, e.code),
      el("td", {}, el("span", { class: `quad q${e.quad_class || 0}` }, e.quad_class || "–")),
      el("td", {}, e.factuality), el("td", {}, e.geo_name || ""),
      el("td", { class: "evidence" }, highlighted(e.sentence, e.highlights), " ",
        el("a", { href: href({ view: "article", id: e.article_id, event: e.id }, {}) }, "article")),
      el("td", {}, sourceLink(e.url, e.source_name || "source"))))));
}

function pager(ctx, total, capped) {
  const offset = Number(ctx.offset || 0);
  const prev = offset > 0 ? el("button", { type: "button",
    onclick: () => navigate({ offset: Math.max(0, offset - PAGE) || null }) }, "← previous") : null;
  const next = offset + PAGE < total ? el("button", { type: "button",
    onclick: () => navigate({ offset: offset + PAGE }) }, "next →") : null;
  return el("div", { class: "pager" }, prev, ` ${fmt(offset + 1)}–${fmt(Math.min(total,
    offset + PAGE))} of ${capped ? "more than " : ""}${fmt(total)} `, next);
}

export async function render(root, ctx) {
  const p = params(ctx);
  const exports = el("p", { class: "exports" }, "export the filtered set: ",
    el("a", { href: url("export", { ...p, format: "csv" }), download: "events.csv" }, "CSV"), " · ",
    el("a", { href: url("export", { ...p, format: "json" }), download: "events.json" }, "JSON"));
  root.append(section("Events", filterForm(ctx), exports));
  try {
    const page = await get("events", { ...p, total: true, limit: PAGE, offset: ctx.offset });
    if (!ctx.isCurrent()) return;
    const head = `${page.total_capped ? "more than " : ""}${fmt(page.total)} events`;
    root.append(section(head, page.items.length
      ? el("div", { class: "scroll" }, table(page.items)) : message("no event matches"),
    pager(ctx, page.total, page.total_capped)));
  } catch (err) { root.append(failure(err)); }
}
