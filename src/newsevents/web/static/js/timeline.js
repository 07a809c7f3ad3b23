// The timeline: Observable Plot (vendored) on a true time axis, so a gap of five years is
// five years wide. The API's rows (newsevents.events.timeline) are drawn as they are:
// - kind "period": a bar over the week, month or year it counts, the part resting on
//   bounds or vague counts ("plus de 150") hatched apart from firm figures, and a "?"
//   above a period whose figure is hedged by its sources;
// - kind "total" and "span": one bar over the whole interval in a lane of its own, with
//   its figure written on it: a period total is never cut into monthly shares.
// Plot writes its default styles in a <style> element, which the page's CSP refuses: it
// is dropped before the chart enters the page (app.css holds the same rules).

import { el, clear } from "./dom.js";

const WIDTH = 640;
const DAY = 86400000;

function day(iso) {
  return new Date(`${iso}T00:00:00Z`);
}

function nextDay(iso) {
  return new Date(day(iso).getTime() + DAY);
}

function number(value) {
  return Math.round(value).toLocaleString("en");
}

function withoutInlineStyle(svg) {
  for (const style of svg.querySelectorAll("style")) style.remove();
  return svg;
}

function rowsOf(periods) {
  return periods.map((p) => ({
    ...p, x1: day(p.start), x2: nextDay(p.end),
    firm: p.value - p.bounded, label: `${p.period}: ${number(p.value)}` +
      (p.bounded ? `, of which ${number(p.bounded)} from bounds or vague counts` : "") +
      (p.hedged ? `, ${number(p.hedged)} hedged by every source` : "") +
      `, ${p.n_events} event(s)`,
  }));
}

function domainOf(rows) {
  const first = Math.min(...rows.map((r) => r.x1.getTime()));
  const last = Math.max(...rows.map((r) => r.x2.getTime()));
  const pad = Math.max((last - first) * 0.03, 15 * DAY);
  return [new Date(first - pad), new Date(last + pad)];
}

function barsChart(Plot, periods, domain) {
  const stacked = periods.flatMap((r) => [
    { ...r, part: "firm", amount: r.firm },
    { ...r, part: "bounded", amount: r.bounded },
  ]).filter((r) => r.amount > 0);
  return Plot.plot({
    width: WIDTH, height: 200, marginLeft: 56, marginBottom: 30,
    x: { type: "utc", domain, label: null, grid: true },
    y: { label: "count", grid: true, tickFormat: "~s" },
    color: { domain: ["firm", "bounded"], range: ["#4f6d8f", "#c9a227"] },
    marks: [
      Plot.rectY(stacked, Plot.stackY({ x1: "x1", x2: "x2", y: "amount", fill: "part",
        inset: 0.5, className: "figure-bars" })),
      Plot.text(periods.filter((r) => r.hedged > 0), { x: (r) => new Date((r.x1.getTime() +
        r.x2.getTime()) / 2), y: "value", text: () => "?", dy: -8, fontWeight: "bold",
      fontSize: 14, fill: "#b0362b", className: "hedged-marks" }),
      Plot.rectY(periods, { x1: "x1", x2: "x2", y: "value", fill: "transparent",
        title: "label", className: "period-bars" }),
      Plot.ruleY([0]),
    ],
  });
}

function spansChart(Plot, spans, domain) {
  return Plot.plot({
    width: WIDTH, height: 26 + 22 * spans.length, marginLeft: 56, marginBottom: 24,
    x: { type: "utc", domain, label: null, grid: true },
    y: { domain: spans.map((s, i) => i), axis: null, padding: 0.25 },
    marks: [
      Plot.barX(spans, { x1: "x1", x2: "x2", y: (s, i) => i, fill: (s) => (s.kind === "total"
        ? "#8a5a9e" : "#6f8fa8"), fillOpacity: (s) => (s.bounded ? 0.55 : 0.9),
      title: "label", className: "span-bars" }),
      Plot.text(spans, { x: (s) => new Date((s.x1.getTime() + s.x2.getTime()) / 2),
        y: (s, i) => i, text: (s) => `${s.kind === "total" ? "total" : "one event"}: ` +
          `${s.bounded ? "≥" : ""}${number(s.value)}${s.hedged ? " ?" : ""} ` +
          `(${s.start} to ${s.end})`, fill: "white", fontWeight: "bold" }),
    ],
  });
}

// Clicking a period bar filters the page on its period.
function clickable(svg, periods, onPickPeriod) {
  const rects = svg.querySelectorAll("g.period-bars rect");
  rects.forEach((rect, index) => {
    const period = periods[index];
    rect.classList.add("period-bar");
    rect.dataset.period = period.period;
    rect.addEventListener("click", () => onPickPeriod(period));
  });
}

export function drawTimeline(container, periods, onPickPeriod) {
  clear(container);
  const Plot = window.Plot;
  if (!periods.length) {
    container.append(el("p", { class: "empty" }, "No figures for this measure and these filters."));
    return;
  }
  const rows = rowsOf(periods);
  const domain = domainOf(rows);
  const bars = rows.filter((r) => r.kind === "period");
  const spans = rows.filter((r) => r.kind !== "period");
  if (bars.length) {
    const svg = withoutInlineStyle(barsChart(Plot, bars, domain));
    svg.classList.add("timeline-bars");
    clickable(svg, bars, onPickPeriod);
    container.append(svg);
  }
  if (spans.length) {
    container.append(el("p", { class: "lane-title" },
      "Totals over a period and events longer than one bar, each reported once:"));
    const svg = withoutInlineStyle(spansChart(Plot, spans, domain));
    svg.classList.add("timeline-spans");
    container.append(svg);
  }
}
