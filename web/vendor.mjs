// Copy the front-end libraries and the offline basemap from node_modules into the
// package's static folder, with their licences. The outputs are committed, so neither the
// tests nor `newsevents serve` need npm or the network (the page's CSP allows 'self' only).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const STATIC = "../src/newsevents/web/static/vendor";
mkdirSync(STATIC, { recursive: true });

const files = [
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client/LICENSE", "topojson-client.LICENSE"],
  ["world-atlas/countries-50m.json", "countries-50m.json"],
  ["world-atlas/LICENSE", "world-atlas.LICENSE"],
  // The map: Leaflet with marker clustering, over the vector country shapes (no tiles).
  ["leaflet/dist/leaflet.js", "leaflet.js"],
  ["leaflet/dist/leaflet.css", "leaflet.css"],
  ["leaflet/LICENSE", "leaflet.LICENSE"],
  ["leaflet.markercluster/dist/leaflet.markercluster.js", "leaflet.markercluster.js"],
  ["leaflet.markercluster/dist/MarkerCluster.css", "MarkerCluster.css"],
  ["leaflet.markercluster/dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"],
  ["leaflet.markercluster/MIT-LICENCE.txt", "leaflet.markercluster.LICENSE"],
  // The timeline: Observable Plot on D3 (a time scale, spans, marks by kind).
  ["d3/dist/d3.min.js", "d3.min.js"],
  ["d3/LICENSE", "d3.LICENSE"],
  ["@observablehq/plot/dist/plot.umd.min.js", "plot.umd.min.js"],
  ["@observablehq/plot/LICENSE", "plot.LICENSE"],
];
for (const [from, to] of files) copyFileSync(`node_modules/${from}`, `${STATIC}/${to}`);

const names = ["topojson-client", "world-atlas", "leaflet", "leaflet.markercluster", "d3",
  "@observablehq/plot"];
const versions = names.map((name) => {
  const pkg = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8"));
  return `${name} ${pkg.version} (${pkg.license})`;
});
writeFileSync(`${STATIC}/VERSIONS.txt`, [
  "Vendored by web/vendor.mjs (npm run vendor); do not edit by hand.",
  ...versions,
  "countries-50m.json: Natural Earth 1:50m admin-0 countries (public domain), as TopoJSON.",
  "",
].join("\n"));
