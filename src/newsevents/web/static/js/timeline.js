// The timeline: one bar per period of the chosen measure (hand-drawn SVG). A whisker
// shows the low-high range when sources or period totals leave the value uncertain.

import { el, clear } from "./dom.js";

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 14, right: 10, bottom: 26, left: 52 };

function formatValue(value) {
  return Math.round(value).toLocaleString("en");
}

export function drawTimeline(svg, periods, onPickPeriod) {
  clear(svg);
  svg.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
  if (!periods.length) {
    svg.append(el("text", { x: WIDTH / 2, y: HEIGHT / 2, class: "empty", "text-anchor": "middle" },
      "No figures for this measure and these filters."));
    return;
  }
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = Math.max(...periods.map((p) => Math.max(p.value || 0, p.high || 0)), 1);
  const y = (v) => MARGIN.top + plotH - (v / top) * plotH;
  const step = plotW / periods.length;
  const barW = Math.max(1, step * 0.8);

  svg.append(
    el("line", { class: "axis", x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0) }),
    el("line", { class: "axis", x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: y(0) }),
    el("text", { class: "tick", x: MARGIN.left - 4, y: y(top) + 4, "text-anchor": "end" }, formatValue(top)),
    el("text", { class: "tick", x: MARGIN.left - 4, y: y(0), "text-anchor": "end" }, "0"),
  );
  periods.forEach((period, index) => {
    const x = MARGIN.left + index * step + (step - barW) / 2;
    const label = `${period.period}: ${formatValue(period.value)}` +
      (period.low !== period.high ? ` (range ${formatValue(period.low)}-${formatValue(period.high)})` : "") +
      `, ${period.n_events} event(s), ${period.n_totals} period total(s)`;
    svg.append(el("rect", {
      class: "bar", x, y: y(period.value), width: barW, height: Math.max(0, y(0) - y(period.value)),
      dataset: { period: period.period }, onclick: () => onPickPeriod(period),
    }, el("title", {}, label)));
    if (period.high > period.low) {
      const cx = x + barW / 2;
      svg.append(el("line", { class: "whisker", x1: cx, x2: cx, y1: y(period.high), y2: y(period.low) }));
    }
  });
  const last = periods[periods.length - 1];
  svg.append(
    el("text", { class: "tick", x: MARGIN.left, y: HEIGHT - 8 }, periods[0].period),
    el("text", { class: "tick", x: WIDTH - MARGIN.right, y: HEIGHT - 8, "text-anchor": "end" }, last.period),
  );
}
