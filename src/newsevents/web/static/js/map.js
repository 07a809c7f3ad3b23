// The map: country outlines from the vendored Natural Earth TopoJSON (no tile server),
// drawn in an equirectangular projection, with one circle per place of the events shown.
// Zoom and pan change the SVG viewBox; circles keep their size on screen.

import { el, clear } from "./dom.js";

const WIDTH = 960;
const HEIGHT = 480;
const BASEMAP = "/static/vendor/countries-50m.json";

export function project(lon, lat) {
  return [((lon + 180) / 360) * WIDTH, ((90 - lat) / 180) * HEIGHT];
}

function ringPath(ring) {
  return "M" + ring.map(([lon, lat]) => project(lon, lat).map((n) => n.toFixed(2)).join(","))
    .join("L") + "Z";
}

function geometryPath(geometry) {
  if (!geometry) return "";
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  return polygons.flat().map(ringPath).join("");
}

export class EventMap {
  constructor(svg, onSelectPlace) {
    this.svg = svg;
    this.onSelectPlace = onSelectPlace;
    this.view = { x: 0, y: 0, w: WIDTH, h: HEIGHT };
    this.basemap = el("g", { class: "basemap" });
    this.markers = el("g", { class: "markers" });
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    svg.append(el("rect", { class: "sea", x: -WIDTH, y: -HEIGHT, width: 3 * WIDTH, height: 3 * HEIGHT }),
      this.basemap, this.markers);
    this.applyView();
    this.enableZoomAndPan();
  }

  async drawBasemap() {
    const topology = await fetch(BASEMAP).then((response) => response.json());
    const countries = window.topojson.feature(topology, topology.objects.countries);
    for (const country of countries.features) {
      this.basemap.append(el("path", { class: "country", d: geometryPath(country.geometry) },
        el("title", {}, country.properties.name)));
    }
  }

  // One circle per distinct place (rounded to ~1 km), sized by its number of events.
  showEvents(events) {
    const places = new Map();
    for (const event of events) {
      for (const place of event.places || []) {
        if (place.lat === null || place.lon === null) continue;
        const key = `${place.lat.toFixed(2)},${place.lon.toFixed(2)}`;
        const entry = places.get(key) || { ...place, events: 0 };
        entry.events += 1;
        places.set(key, entry);
      }
    }
    this.places = [...places.values()].sort((a, b) => b.events - a.events);
    clear(this.markers);
    for (const place of this.places) {
      const [x, y] = project(place.lon, place.lat);
      const label = `${place.name} (${place.country || "?"}): ${place.events} event(s)`;
      this.markers.append(el("circle", {
        class: "marker", cx: x, cy: y, tabindex: 0, role: "button", "aria-label": label,
        dataset: { name: place.name, lat: place.lat, lon: place.lon, events: place.events },
        onclick: () => this.onSelectPlace(place),
        onkeydown: (e) => { if (e.key === "Enter") this.onSelectPlace(place); },
      }, el("title", {}, label)));
    }
    this.fitTo(this.places);
  }

  fitTo(places) {
    if (!places.length) return;
    const points = places.map((p) => project(p.lon, p.lat));
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const pad = 25;
    let w = Math.max(Math.max(...xs) - Math.min(...xs) + 2 * pad, 60);
    let h = Math.max(Math.max(...ys) - Math.min(...ys) + 2 * pad, 30);
    if (w / h > WIDTH / HEIGHT) h = (w * HEIGHT) / WIDTH; else w = (h * WIDTH) / HEIGHT;
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    this.view = { x: cx - w / 2, y: cy - h / 2, w, h };
    this.applyView();
  }

  applyView() {
    const { x, y, w, h } = this.view;
    this.svg.setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
    const scale = w / WIDTH;
    for (const circle of this.markers.children) {
      circle.setAttribute("r", (3 + 2.5 * Math.sqrt(Number(circle.dataset.events))) * scale * 1.5);
    }
  }

  enableZoomAndPan() {
    this.svg.addEventListener("wheel", (event) => {
      event.preventDefault();
      const factor = event.deltaY > 0 ? 1.25 : 0.8;
      const [px, py] = this.toMap(event);
      const w = Math.min(WIDTH * 1.5, Math.max(8, this.view.w * factor));
      const h = (w * HEIGHT) / WIDTH;
      this.view = { x: px - ((px - this.view.x) * w) / this.view.w,
        y: py - ((py - this.view.y) * h) / this.view.h, w, h };
      this.applyView();
    }, { passive: false });
    let drag = null;
    this.svg.addEventListener("pointerdown", (event) => {
      if (event.target.classList.contains("marker")) return;
      drag = { start: this.toMap(event), view: { ...this.view } };
    });
    this.svg.addEventListener("pointermove", (event) => {
      if (!drag) return;
      const rect = this.svg.getBoundingClientRect();
      const scale = drag.view.w / rect.width;
      const dx = (event.movementX || 0) * scale;
      const dy = (event.movementY || 0) * scale;
      this.view = { ...this.view, x: this.view.x - dx, y: this.view.y - dy };
      this.applyView();
    });
    for (const name of ["pointerup", "pointerleave"]) this.svg.addEventListener(name, () => { drag = null; });
  }

  // Mouse position in map (viewBox) coordinates.
  toMap(event) {
    const rect = this.svg.getBoundingClientRect();
    const scale = Math.max(this.view.w / rect.width, this.view.h / rect.height);
    const offsetX = (rect.width - this.view.w / scale) / 2;
    const offsetY = (rect.height - this.view.h / scale) / 2;
    return [this.view.x + (event.clientX - rect.left - offsetX) * scale,
      this.view.y + (event.clientY - rect.top - offsetY) * scale];
  }
}
