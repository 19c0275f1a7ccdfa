// World map: country shapes (world-atlas 110m via topojson-client), projected with d3-geo,
// shaded by the change of each country's conflict share against the previous window.
import { el, svg, fmt } from "./dom.js";
import { navigate } from "./state.js";

const ATLAS = "/dashboard/static/vendor/world-atlas/countries-110m.json";
let shapes = null;

async function countries() {
  if (!shapes) {
    const topo = await (await fetch(ATLAS)).json();
    shapes = topojson.feature(topo, topo.objects.countries).features;
  }
  return shapes;
}

// change in [-1, 1]: toward conflict = red, toward cooperation = blue-green
export function colour(change) {
  if (change === null || change === undefined) return "#e4e2dc";
  const t = Math.max(-1, Math.min(1, change / 0.5));
  const mix = (a, b, w) => Math.round(a + (b - a) * w);
  const base = [246, 244, 238];
  const end = t > 0 ? [178, 34, 34] : [20, 120, 130];
  const w = Math.abs(t);
  return `rgb(${mix(base[0], end[0], w)},${mix(base[1], end[1], w)},${mix(base[2], end[2], w)})`;
}

export async function worldMap(items, tip) {
  const features = await countries();
  const byId = new Map(items.map((c) => [c.iso_n3, c]));
  const width = 960, height = 470;
  const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "map", role: "img",
    "aria-label": "world map of the change in conflict share per country" });
  root.append(svg("path", { d: path({ type: "Sphere" }), class: "sphere" }));
  for (const f of features) {
    const c = byId.get(String(f.id).padStart(3, "0"));
    const shape = svg("path", { d: path(f), class: c ? "country has-data" : "country",
      fill: colour(c ? c.change : null), "data-code": c ? c.code : "" });
    if (c) {
      const text = `${f.properties.name} (${c.code}): ${fmt(c.events)} events; conflict share `
        + `${fmt(c.share, 2)} (before ${fmt(c.previous_share, 2)}, change ${fmt(c.change, 2)})`;
      shape.append(svg("title", {}, text));
      shape.addEventListener("mousemove", (ev) => tip.show(ev, text));
      shape.addEventListener("mouseleave", () => tip.hide());
      shape.addEventListener("click", () => {
        tip.hide();
        navigate({ view: "actor", a: c.code }, { reset: true });
      });
    }
    root.append(shape);
  }
  return el("div", { class: "map-wrap" }, root, legend());
}

function legend() {
  const steps = [-0.5, -0.25, 0, 0.25, 0.5];
  return el("div", { class: "legend" }, el("span", {}, "toward cooperation"),
    ...steps.map((s) => {
      const sw = el("span", { class: "swatch", title: `change ${s}` });
      sw.style.background = colour(s);
      return sw;
    }), el("span", {}, "toward conflict"),
    (() => { const n = el("span", { class: "swatch" }); n.style.background = colour(null);
      return n; })(), el("span", {}, "no events"));
}
