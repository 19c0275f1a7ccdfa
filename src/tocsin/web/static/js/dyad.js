// Dyad view: pick two actors by name or code, see the timeline, click a period or an alert
// to list its events with the evidence highlighted.
import { el, fmt, section, message, clear } from "./dom.js";
import { get, failure } from "./api.js";
import { navigate } from "./state.js";
import { actorInput } from "./typeahead.js";
import { timeline, periodEnd } from "./timeline.js";
import { eventList } from "./evidence.js";
import { explanation } from "./overview.js";

function pickers(ctx) {
  const by = el("select", { "aria-label": "period", name: "by" },
    ...["day", "week", "month"].map((p) => el("option", { value: p,
      selected: (ctx.by || "week") === p }, p)));
  by.addEventListener("change", () => navigate({ by: by.value, period: null }));
  return el("div", { class: "pickers" },
    actorInput({ label: "Actor A", value: ctx.a, onPick: (c) => navigate({ a: c, period: null,
      alert: null }) }),
    actorInput({ label: "Actor B", value: ctx.b, onPick: (c) => navigate({ b: c, period: null,
      alert: null }) }),
    el("label", {}, "by ", by));
}

async function dyadAlerts(a, b) {
  const subjects = [...new Set([`${a}-${b}`, `${b}-${a}`])];
  const pages = await Promise.all(subjects.map((s) => get("alerts", { subject: s, limit: 50,
    evidence: false })));
  return pages.flatMap((p) => p.items);
}

function alertList(alerts, ctx) {
  if (!alerts.length) return message("no alerts for this dyad");
  return el("ul", { class: "alerts" }, alerts.map((a) => el("li", {
    class: `alert dir-${a.direction}${String(a.id) === ctx.alert ? " selected" : ""}` },
  el("button", { type: "button", class: "linkish", onclick: () => navigate({ alert: a.id,
    period: null }) }, `${a.period_start} – ${a.period_end}`), " ",
  el("span", { class: `badge dir-${a.direction}` }, a.direction), " ",
  el("span", { class: "explain" }, explanation(a)))));
}

async function periodEvents(ctx, alerts) {
  const box = section("Events");
  let since, until, sort = "-date", head;
  const alert = alerts.find((x) => String(x.id) === ctx.alert);
  if (alert) {
    [since, until] = [alert.period_start, alert.period_end];
    sort = alert.direction === "conflict" ? "goldstein" : "-goldstein";
    head = `alert ${alert.subject}: ${explanation(alert)}`;
  } else if (ctx.period) {
    since = ctx.period;
    until = periodEnd(ctx.period, ctx.by || "week");
    head = `${ctx.by || "week"} of ${since} (to ${until})`;
  } else {
    box.append(message("click a period of the timeline or an alert to list its events"));
    return box;
  }
  try {
    const page = await get("events", { dyad: `${ctx.a}-${ctx.b}`, since, until, sort,
      total: true, limit: 50 });
    box.append(el("p", { class: "period-head" }, head, el("span", { class: "muted" },
      ` · ${page.total_capped ? "more than " : ""}${fmt(page.total)} events`
      + `${page.total > page.items.length ? `, first ${page.items.length}` : ""}`)),
    eventList(page.items, "no events in this period"));
  } catch (err) { box.append(failure(err)); }
  return box;
}

export async function render(root, ctx) {
  root.append(section("Dyad", pickers(ctx)));
  if (!ctx.a || !ctx.b) {
    root.append(message("type a country name or an actor code in both boxes, e.g. India and "
      + "Pakistan"));
    return;
  }
  const chart = el("div", { class: "chart" });
  const card = section(`${ctx.a} – ${ctx.b}`, chart);
  root.append(card);
  let alerts = [];
  try {
    const [series, found] = await Promise.all([
      get("dyad", { a: ctx.a, b: ctx.b, by: ctx.by || "week", since: ctx.since,
        until: ctx.until }), dyadAlerts(ctx.a, ctx.b)]);
    if (!ctx.isCurrent()) return;
    alerts = found.filter((x) => x.period_end >= ctx.since && x.period_start <= ctx.until);
    card.insertBefore(el("p", { class: "muted" }, `${fmt(series.total_events)} events in the `
      + `window, ${series.points.length} ${ctx.by || "week"}s with events; click a bar or point`
      + " to list that period's events"), chart);
    if (series.points.length) {
      const picked = alerts.find((x) => String(x.id) === ctx.alert);
      const selected = picked ? [picked.period_start, picked.period_end]
        : ctx.period ? [ctx.period, periodEnd(ctx.period, ctx.by || "week")] : null;
      timeline(chart, series, alerts, (p) => navigate({ period: p, alert: null }), selected);
    } else chart.append(message("no events between these actors in the window"));
    card.append(el("h3", {}, "Alerts"), alertList(alerts, ctx));
  } catch (err) { clear(chart).append(failure(err)); return; }
  root.append(await periodEvents(ctx, alerts));
}
