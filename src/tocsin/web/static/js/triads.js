// Triads view: the unbalanced triangles of the window as signed triangles, and what
// changed against the previous window.
import { el, svg, section, message, fmt } from "./dom.js";
import { get, failure } from "./api.js";
import { href } from "./state.js";

const POS = [[90, 18], [18, 140], [162, 140]];
const EDGE_NODES = [[0, 1], [0, 2], [1, 2]];

export function triangle(t) {
  const root = svg("svg", { viewBox: "0 0 180 165", class: "triad", role: "img",
    "aria-label": `${t.actors.join(", ")}: ${t.label}` });
  EDGE_NODES.forEach(([i, j], k) => {
    const sign = t.signs[k];
    const [x1, y1] = POS[i], [x2, y2] = POS[j];
    root.append(svg("line", { x1, y1, x2, y2, class: sign > 0 ? "edge pos" : "edge neg" }));
    root.append(svg("text", { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 4, class: "edge-sign" },
      sign > 0 ? "+" : "−"));
  });
  t.actors.forEach((a, i) => {
    const [x, y] = POS[i];
    root.append(svg("circle", { cx: x, cy: y, r: 15, class: "node" }));
    root.append(svg("text", { x, y: y + 4, class: "node-label" }, a));
  });
  return root;
}

function triadCard(t) {
  const [a, b, c] = t.actors;
  const links = [[a, b], [a, c], [b, c]].map(([x, y]) => el("a", {
    href: href({ view: "dyad", a: x, b: y }, {}) }, `${x}–${y}`));
  return el("li", { class: "triad-card" }, triangle(t),
    el("div", {}, el("strong", {}, t.pattern), ` ${t.label}`),
    el("div", { class: "muted" }, `score ${fmt(t.score, 1)} · `, ...links.flatMap((l, i) =>
      i ? [" ", l] : [l])));
}

function shiftItem(s) {
  const t = s.after || s.before;
  return el("li", {}, el("strong", {}, s.actors.join("–")), ` ${s.change}`,
    el("span", { class: "muted" }, ` (${s.before ? s.before.pattern : "none"} → `
      + `${s.after ? s.after.pattern : "none"})`), t ? triangle(t) : null);
}

export async function render(root, ctx) {
  try {
    const w = await get("window", { since: ctx.since, until: ctx.until });
    const [now, shifts] = await Promise.all([
      get("triads", { since: ctx.since, until: ctx.until, limit: 24 }),
      get("shifts", { since1: w.previous_since, until1: w.previous_until, since2: w.since,
        until2: w.until, limit: 24 })]);
    if (!ctx.isCurrent()) return;
    root.append(section(`Unbalanced triads, ${w.since} – ${w.until}`,
      el("p", { class: "muted" }, "edges: + net cooperative, − net hostile (sign of the summed "
        + "Goldstein score)"),
      now.items.length ? el("ul", { class: "triads" }, now.items.map(triadCard))
        : message("no unbalanced triad in the window")));
    root.append(section(`Changes against ${w.previous_since} – ${w.previous_until}`,
      shifts.items.length ? el("ul", { class: "triads shifts" }, shifts.items.map(shiftItem))
        : message("no triangle changed")));
  } catch (err) { root.append(failure(err)); }
}
