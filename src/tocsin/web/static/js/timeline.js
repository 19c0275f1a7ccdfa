// Dyad timeline with uPlot: cooperation and conflict per period above, the four quad
// classes (stacked bars) beneath, alert periods as shaded bands; a click picks a period.

const COLOURS = { coop: "#127a82", conflict: "#b22222",
  q: { 1: "#7fc4c9", 2: "#127a82", 3: "#e89a8f", 4: "#b22222" } };

function ts(iso) { return Date.parse(`${iso}T00:00:00Z`) / 1000; }

export function periodEnd(start, by) {
  const d = new Date(`${start}T00:00:00Z`);
  if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (by === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

function bands(alerts, selected) {
  return (u) => {
    const { ctx } = u;
    const top = u.bbox.top, h = u.bbox.height;
    ctx.save();
    if (selected) {
      const x0 = u.valToPos(ts(selected[0]), "x", true);
      const x1 = Math.max(x0 + 4, u.valToPos(ts(selected[1]), "x", true));
      ctx.fillStyle = "rgba(42,77,143,0.18)";
      ctx.fillRect(x0 - 2, top, x1 - x0 + 4, h);
    }
    for (const a of alerts) {
      const x0 = u.valToPos(ts(a.period_start), "x", true);
      const x1 = Math.max(x0 + 3, u.valToPos(ts(a.period_end), "x", true));
      ctx.fillStyle = a.direction === "conflict" ? "rgba(178,34,34,0.15)" : "rgba(18,122,130,0.15)";
      ctx.fillRect(x0, top, x1 - x0, h);
      ctx.fillStyle = a.direction === "conflict" ? COLOURS.conflict : COLOURS.coop;
      ctx.fillRect(x0, top, 3, h);
    }
    ctx.restore();
  };
}

function clickable(points, onPick) {
  return (u) => {
    u.over.addEventListener("click", (ev) => {
      const i = u.posToIdx(ev.offsetX);
      if (i !== null && i !== undefined && points[i]) onPick(points[i].period);
    });
  };
}

function nextPeriod(iso, by) {
  const d = new Date(`${iso}T00:00:00Z`);
  if (by === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (by === "week") d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

// Periods with no event are zeros, not gaps a line would bridge.
export function filled(points, by) {
  if (!points.length) return points;
  const have = new Map(points.map((p) => [p.period, p]));
  const out = [];
  const last = points[points.length - 1].period;
  for (let p = points[0].period; p <= last && out.length < 5000; p = nextPeriod(p, by)) {
    out.push(have.get(p) || { period: p, cooperation: 0, conflict: 0, by_quad: {} });
  }
  return out;
}

export function timeline(node, series, alerts, onPick, selected = null) {
  const pts = filled(series.points, series.by);
  const width = Math.max(280, node.clientWidth || 800);
  const x = pts.map((p) => ts(p.period));
  const font = "12px system-ui";
  const axes = [{ font, stroke: "#333" }, { font, stroke: "#333", size: 44 }];
  const top = new uPlot({
    width, height: 220, title: "cooperation and conflict events per period",
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } }, axes,
    series: [{}, { label: "cooperation", stroke: COLOURS.coop, width: 2 },
      { label: "conflict", stroke: COLOURS.conflict, width: 2 }],
    hooks: { drawClear: [bands(alerts, selected)], ready: [clickable(pts, onPick)] },
  }, [x, pts.map((p) => p.cooperation), pts.map((p) => p.conflict)], node);
  const q = [1, 2, 3, 4].map((k) => pts.map((p) => (p.by_quad || {})[String(k)] || 0));
  const cum = [q[0].map((_, i) => q[0][i] + q[1][i] + q[2][i] + q[3][i]),
    q[0].map((_, i) => q[0][i] + q[1][i] + q[2][i]), q[0].map((_, i) => q[0][i] + q[1][i]), q[0]];
  const names = ["material conflict", "verbal conflict", "material cooperation",
    "verbal cooperation"];
  const keys = [4, 3, 2, 1];
  const bars = uPlot.paths.bars({ size: [0.8, 60] });
  const below = new uPlot({
    width, height: 170, title: "the four quad classes (stacked)",
    cursor: { drag: { x: false, y: false } }, scales: { x: { time: true } }, axes,
    series: [{}, ...keys.map((k, i) => ({ label: names[i], fill: COLOURS.q[k],
      stroke: COLOURS.q[k], paths: bars, points: { show: false },
      value: (u, v, si, idx) => (idx === null ? "–" : q[k - 1][idx]) }))],
    hooks: { drawClear: [bands([], selected)], ready: [clickable(pts, onPick)] },
  }, [x, ...cum], node);
  return [top, below];
}
