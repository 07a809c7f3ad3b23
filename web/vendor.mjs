// Copy the front-end libraries and the offline basemap from node_modules into the
// package's static folder, with their licences. The outputs are committed, so neither the
// tests nor `newsevents serve` need npm or the network.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const STATIC = "../src/newsevents/web/static/vendor";
mkdirSync(STATIC, { recursive: true });

const files = [
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client/LICENSE", "topojson-client.LICENSE"],
  ["world-atlas/countries-50m.json", "countries-50m.json"],
  ["world-atlas/LICENSE", "world-atlas.LICENSE"],
];
for (const [from, to] of files) copyFileSync(`node_modules/${from}`, `${STATIC}/${to}`);

const versions = ["topojson-client", "world-atlas"].map((name) => {
  const pkg = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8"));
  return `${name} ${pkg.version} (${pkg.license})`;
});
writeFileSync(`${STATIC}/VERSIONS.txt`, [
  "Vendored by web/vendor.mjs (npm run vendor); do not edit by hand.",
  ...versions,
  "countries-50m.json: Natural Earth 1:50m admin-0 countries (public domain), as TopoJSON.",
  "",
].join("\n"));
