// DOM helpers. Text is always set with textContent and attributes with setAttribute on a
// fixed list of names, so nothing from the data is ever parsed as HTML.

const SAFE_ATTRS = new Set(["class", "id", "href", "title", "role", "type", "name", "value",
  "placeholder", "for", "colspan", "aria-label", "aria-selected", "aria-expanded",
  "aria-controls", "autocomplete", "tabindex", "data-view", "data-id", "data-role", "min",
  "max", "list", "target", "rel", "download", "hidden", "selected", "checked"]);

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") {
      node.addEventListener(k.slice(2), v);
    } else if (k === "href") {
      const safe = safeHref(v);
      if (safe) node.setAttribute("href", safe);
    } else if (SAFE_ATTRS.has(k) || k.startsWith("data-")) {
      node.setAttribute(k, v === true ? "" : String(v));
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  append(node, children);
  return node;
}

// Only http(s) links leave the page; relative links stay on it ("?view=...", "/docs").
export function safeHref(url) {
  if (typeof url !== "string") return null;
  const u = url.trim();
  if (u.startsWith("?") || (u.startsWith("/") && !u.startsWith("//"))) return u;
  return /^https?:\/\/[^\s]+$/i.test(u) ? u : null;
}

export function sourceLink(url, label) {
  const href = safeHref(url);
  if (!href || !/^https?:/i.test(href)) return el("span", { class: "muted" }, label || "no link");
  return el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, label || "source");
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function fmt(n, digits = 0) {
  if (n === null || n === undefined || Number.isNaN(n)) return "–";
  return Number(n).toLocaleString("en", { maximumFractionDigits: digits,
    minimumFractionDigits: digits });
}

export const QUADS = { 1: "verbal cooperation", 2: "material cooperation",
  3: "verbal conflict", 4: "material conflict" };

export function section(title, ...children) {
  return el("section", { class: "card" }, el("h2", {}, title), ...children);
}

export function message(text, cls = "muted") {
  return el("p", { class: cls }, text);
}
