// The map: Leaflet (vendored) over the vendored Natural Earth country shapes, no tile
// server; one marker per place of the events shown, clustered where places crowd
// (Leaflet.markercluster). Precise places (a town, a village) are small filled dots;
// coarse ones (a region, a country) are larger hollow rings, their precision in the
// tooltip, so a country's centroid is never read as a town. Every label is text (never
// HTML): place names come from articles.

const BASEMAP = "/static/vendor/countries-50m.json";
const COARSE = new Set(["country", "admin1", "region"]);
const PRECISION_WORDS = {
  country: "country-level place (drawn at its centre)",
  admin1: "region-level place (drawn at its centre)",
  region: "region-level place (drawn at its centre)",
  near: "near a town",
};

export function isCoarse(place) {
  return COARSE.has(place.precision);
}

function placeLabel(place) {
  const precision = PRECISION_WORDS[place.precision] || "town or exact place";
  return `${place.name} (${place.country || "?"}): ${place.events} event(s); ${precision}`;
}

export class EventMap {
  constructor(container, onSelectPlace) {
    const L = window.L;
    this.onSelectPlace = onSelectPlace;
    this.map = L.map(container, {
      worldCopyJump: false, minZoom: 1, maxZoom: 12, zoomSnap: 0.5,
      maxBounds: [[-85, -200], [85, 200]], attributionControl: true,
    }).setView([20, 10], 2);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Natural Earth; Leaflet");
    this.clusters = L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true,
    });
    this.map.addLayer(this.clusters);
  }

  async drawBasemap() {
    const topology = await fetch(BASEMAP).then((response) => response.json());
    const countries = window.topojson.feature(topology, topology.objects.countries);
    // Antarctica's outline runs along the map's lower edge in this projection: left out.
    countries.features = countries.features.filter((f) => f.properties.name !== "Antarctica");
    window.L.geoJSON(countries, {
      interactive: false,
      style: () => ({ className: "country", color: "#9aa5b1", weight: 0.6, fillColor: "#eef1e6",
        fillOpacity: 1 }),
    }).addTo(this.map);
  }

  // One marker per distinct place (rounded to ~1 km) with the number of its events.
  showEvents(events) {
    const L = window.L;
    const places = new Map();
    for (const event of events) {
      for (const place of event.places || []) {
        if (place.lat === null || place.lon === null) continue;
        const key = `${place.lat.toFixed(2)},${place.lon.toFixed(2)},${isCoarse(place)}`;
        const entry = places.get(key) || { ...place, events: 0 };
        entry.events += 1;
        places.set(key, entry);
      }
    }
    this.places = [...places.values()].sort((a, b) => b.events - a.events);
    this.clusters.clearLayers();
    const markers = this.places.map((place) => {
      const coarse = isCoarse(place);
      const size = coarse ? 26 : 10 + Math.min(12, 2 * Math.sqrt(place.events));
      const icon = L.divIcon({
        className: `place-marker ${coarse ? "place-coarse" : "place-precise"}`,
        iconSize: [size, size], html: "",
      });
      const label = placeLabel(place);
      const marker = L.marker([place.lat, place.lon], { icon, title: label, alt: label,
        keyboard: true, riseOnHover: true });
      marker.bindTooltip(() => document.createTextNode(label), { direction: "top" });
      marker.on("click", () => this.onSelectPlace(place));
      marker.on("add", () => {
        const element = marker.getElement();
        if (!element) return;
        element.dataset.name = place.name;
        element.dataset.precision = place.precision || "";
        element.dataset.events = String(place.events);
        element.setAttribute("role", "button");
        element.setAttribute("aria-label", label);
      });
      return marker;
    });
    this.clusters.addLayers(markers);
    this.fitTo(this.places);
  }

  fitTo(places) {
    if (!places.length) return;
    const bounds = window.L.latLngBounds(places.map((p) => [p.lat, p.lon]));
    this.map.fitBounds(bounds.pad(0.3), { maxZoom: 7, animate: false });
  }
}
