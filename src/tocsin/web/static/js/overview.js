// Overview: current alerts (newest, then strongest), movers both ways, the world map, and
// the seed article.
import { el, fmt, section, message } from "./dom.js";
import { get, failure } from "./api.js";
import { href } from "./state.js";
import { worldMap } from "./map.js";
import { tip } from "./tip.js";

// the bundled seed article (src/tocsin/data/samples/), the project's own demo
export const SEED_ORIGIN = "russian-delegation-pakistan.txt";

export function explanation(a) {
  const d = a.details || {};
  if (a.explanation) return a.explanation;
  if (d.explanation) return d.explanation;
  const parts = [`${a.subject} ${a.direction}`];
  if (d.observed !== undefined && d.expected !== undefined) {
    parts.push(`${fmt(d.observed)} events against ${fmt(d.expected, 1)} expected`);
  } else if (d.events !== undefined) parts.push(`${fmt(d.events)} events`);
  parts.push(`${a.period_start} – ${a.period_end}`);
  return parts.join(": ");
}

function shift(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// The alert's dyad (or actor), in a window around the alert: 12 weeks before it, 2 after.
export function alertLink(a) {
  const [x, y] = a.subject.split("-");
  const target = y ? { view: "dyad", a: x, b: y, alert: a.id, by: "week" }
    : { view: "actor", a: x, alert: a.id };
  return href({ ...target, since: shift(a.period_start, -84), until: shift(a.period_end, 14) },
    {});
}

function alertItem(a) {
  return el("li", { class: `alert dir-${a.direction}` },
    el("div", {}, el("strong", {}, a.subject), " ",
      el("span", { class: `badge dir-${a.direction}` }, a.direction), " ",
      el("span", { class: "muted" }, `${a.kind} · score ${fmt(a.score, 1)} · ${a.period_start}`
        + ` – ${a.period_end}`)),
    el("div", { class: "explain" }, explanation(a)),
    el("a", { href: alertLink(a), class: "evidence-link" }, "evidence →"));
}

async function alertsCard(ctx) {
  const card = section("Current alerts");
  try {
    const page = await get("alerts", { limit: 40, distinct: true, current: true, evidence: false });
    const items = page.items
      .sort((p, q) => (q.period_end > p.period_end) - (q.period_end < p.period_end)
        || q.score - p.score)
      .slice(0, 12);
    card.append(items.length ? el("ol", { class: "alerts" }, items.map((a) => alertItem(a)))
      : message("no alerts stored (tocsin alerts --recompute)"));
  } catch (err) { card.append(failure(err)); }
  return card;
}

function moverList(items, dir) {
  if (!items.length) return message("none");
  return el("ol", { class: "movers" }, items.map((m) => el("li", {},
    el("a", { href: href({ view: "dyad", a: m.a, b: m.b }, {}) }, `${m.a}–${m.b}`), " ",
    el("span", { class: `badge dir-${dir}` }, `${m.change > 0 ? "+" : ""}${fmt(m.change)}`), " ",
    el("span", { class: "muted" }, `conflict ${m.previous_conflict}→${m.conflict}, `
      + `cooperation ${m.previous_cooperation}→${m.cooperation}`))));
}

async function moversCard(ctx) {
  const card = section("Biggest movers");
  try {
    const m = await get("movers", { since: ctx.since, until: ctx.until, limit: 8 });
    card.append(el("p", { class: "muted" }, `net conflict (conflict − cooperation events), `
      + `${m.window.since} – ${m.window.until} against ${m.window.previous_since} – `
      + `${m.window.previous_until}`),
    el("div", { class: "two" },
      el("div", {}, el("h3", {}, "toward conflict"), moverList(m.conflict, "conflict")),
      el("div", {}, el("h3", {}, "toward cooperation"), moverList(m.cooperation, "cooperation"))));
  } catch (err) { card.append(failure(err)); }
  return card;
}

async function mapCard(ctx) {
  const card = section("Change in conflict share by country");
  try {
    const m = await get("map", { since: ctx.since, until: ctx.until });
    card.append(await worldMap(m.items, tip),
      el("p", { class: "muted" }, `${m.items.length} countries with events in the window; `
        + "shade: conflict share (conflict − cooperation) / all events, minus the previous "
        + "window's (grey: fewer than 5 events in either window). Click a country for its "
        + "actor view."));
  } catch (err) { card.append(failure(err)); }
  return card;
}

async function seedCard() {
  const card = section("The seed article");
  try {
    const page = await get("articles", { origin: SEED_ORIGIN, limit: 1 });
    const art = page.items[0];
    card.append(art ? el("p", {}, el("a", { href: href({ view: "article", id: art.id }, {}) },
      art.title || art.id), el("span", { class: "muted" }, ` · ${art.date || "undated"} · `
        + `${art.events} events coded in place`))
      : message("not ingested (tocsin demo ingests it)"));
  } catch (err) { card.append(failure(err)); }
  return card;
}

export async function render(root, ctx) {
  const grid = el("div", { class: "grid overview" });
  root.append(grid);
  const cards = await Promise.all([alertsCard(ctx), moversCard(ctx), mapCard(ctx), seedCard()]);
  if (!ctx.isCurrent()) return;
  cards[2].classList.add("wide");
  grid.append(...cards);
}
