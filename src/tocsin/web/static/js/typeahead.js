// Type-ahead over actor names and codes (GET /actors?q=): arrows, Enter, click.
import { el, clear } from "./dom.js";
import { get } from "./api.js";

let counter = 0;

export function actorInput({ label, value, onPick }) {
  const id = `ta-${++counter}`;
  const input = el("input", { id, type: "search", value: value || "", autocomplete: "off",
    placeholder: "country or code, e.g. India", "aria-controls": `${id}-list`,
    "aria-label": label, role: "combobox", "aria-expanded": "false" });
  const list = el("ul", { id: `${id}-list`, class: "ta-list", role: "listbox", hidden: true });
  let items = [];
  let active = -1;
  let timer = null;

  function show() {
    clear(list);
    items.forEach((a, i) => {
      list.append(el("li", { role: "option", "aria-selected": i === active ? "true" : "false",
        class: i === active ? "active" : "", onmousedown: (ev) => { ev.preventDefault(); pick(i); } },
      el("strong", {}, a.code), " ", a.name, el("span", { class: "muted" }, ` ${a.events} ev.`)));
    });
    list.hidden = !items.length;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
  }
  function pick(i) {
    const a = items[i];
    if (!a) return;
    input.value = a.code;
    items = [];
    show();
    onPick(a.code);
  }
  async function lookup() {
    const q = input.value.trim();
    try {
      items = q ? (await get("actors", { q, limit: 8 })).items : [];
    } catch (_) { items = []; }
    active = items.length ? 0 : -1;
    show();
  }
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(lookup, 120); });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown") { active = Math.min(active + 1, items.length - 1); show(); }
    else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); show(); }
    else if (ev.key === "Enter") { ev.preventDefault(); if (items.length) pick(active); }
    else if (ev.key === "Escape") { items = []; show(); }
  });
  input.addEventListener("blur", () => setTimeout(() => { items = []; show(); }, 150));
  return el("div", { class: "ta" }, el("label", { for: id }, label), input, list);
}
