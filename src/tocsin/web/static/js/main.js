// The workbench's entry point: the shared date window, the nav, and one module per view.
import { clear } from "./dom.js";
import { get } from "./api.js";
import { current, interceptLinks, navigate, onChange } from "./state.js";
import * as overview from "./overview.js";
import * as dyad from "./dyad.js";
import * as actor from "./actor.js";
import * as triads from "./triads.js";
import * as article from "./article.js";
import * as events from "./events.js";

const VIEWS = { overview, dyad, actor, triads, article, events };
const main = document.getElementById("view");
const form = document.getElementById("window");
let defaults = null;
let generation = 0;

async function windowDefaults() {
  if (!defaults) defaults = await get("window");
  return defaults;
}

async function render(state) {
  const mine = ++generation;
  const name = VIEWS[state.view] ? state.view : "overview";
  document.querySelectorAll("[data-nav]").forEach((a) => {
    a.classList.toggle("active", a.dataset.nav === name);
    if (a.dataset.nav === name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  const w = await windowDefaults();
  const since = state.since || w.since;
  const until = state.until || w.until;
  form.since.value = since;
  form.until.value = until;
  if (mine !== generation) return;
  clear(main);
  main.dataset.view = name;
  document.title = `tocsin — ${name}`;
  const ctx = { ...state, since, until, first: w.first, last: w.last,
    isCurrent: () => mine === generation };
  await VIEWS[name].render(main, ctx);
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  navigate({ since: form.since.value, until: form.until.value });
});
document.getElementById("window-reset").addEventListener("click", () => {
  navigate({ since: null, until: null });
});

interceptLinks(document.body);
onChange(render);
render(current());
