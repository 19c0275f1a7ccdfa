// One tooltip for the page (hover with a mouse; tap shows it on touch screens).
const node = document.getElementById("tip");

export const tip = {
  show(ev, text) {
    node.textContent = text;
    node.hidden = false;
    const x = Math.min(ev.clientX + 12, window.innerWidth - node.offsetWidth - 8);
    const y = Math.min(ev.clientY + 12, window.innerHeight - node.offsetHeight - 8);
    node.style.left = `${Math.max(4, x)}px`;
    node.style.top = `${Math.max(4, y)}px`;
  },
  hide() { node.hidden = true; },
};
