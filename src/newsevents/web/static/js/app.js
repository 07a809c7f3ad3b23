// The page: filters drive the map (events), the timeline (a chosen measure) and the table
// of claims; a row of the table opens its document at the claim's evidence.

import { api } from "./api.js";
import { el, clear } from "./dom.js";
import { EventMap } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { renderClaims } from "./claims-table.js";
import { DocumentView } from "./document-view.js";

const PAGE_SIZE = 50;
const NEAR_KM = 10; // a marker stands for the places within this distance of it

const form = document.querySelector("#filters");
const status = document.querySelector("#status");
const nearChip = document.querySelector("#near-chip");
const timelineMeasure = document.querySelector("#timeline-measure");
const timelineBy = document.querySelector("#timeline-by");
const state = { filters: {}, near: null, offset: 0 };

const map = new EventMap(document.querySelector("#map"), selectPlace);
const documentView = new DocumentView(document.querySelector("#document-panel"));

function say(message, isError = false) {
  status.textContent = message;
  status.classList.toggle("error", isError);
}

function currentFilters() {
  const filters = Object.fromEntries(new FormData(form).entries());
  if (state.near) filters.near = `${state.near.lat},${state.near.lon},${NEAR_KM}`;
  return filters;
}

function fillSelect(select, values, label = (v) => v) {
  const keep = select.value;
  clear(select).append(el("option", { value: "" }, select.name ? "any" : "choose"),
    ...values.map((f) => el("option", { value: f.value }, `${label(f.value)} (${f.count})`)));
  select.value = keep;
}

async function loadFacets() {
  const [facets, documents] = await Promise.all([api.facets(), api.documents(1)]);
  // An empty store is said as such, with the command that fills it (not "no match").
  document.querySelector("#empty-store").hidden = documents.total > 0;
  state.empty = documents.total === 0;
  for (const name of ["actor", "measure", "country"]) fillSelect(form.elements[name], facets[name]);
  fillSelect(timelineMeasure, facets.measure);
  if (!timelineMeasure.value && facets.measure.length) timelineMeasure.value = facets.measure[0].value;
}

async function refresh() {
  state.filters = currentFilters();
  state.offset = 0;
  if (state.filters.measure) timelineMeasure.value = state.filters.measure;
  say("Loading…");
  try {
    await Promise.all([loadEvents(), loadTimeline()]);
    await loadClaims(); // last: its status line also says whether the events lag behind
  } catch (error) {
    say(error.message, true);
  }
}

async function loadEvents() {
  const { events, total, events_current: current } = await api.events(state.filters);
  state.stale = current === false;
  map.showEvents(events);
  document.querySelector("#map-title").textContent =
    `Events on the map (${total}${total > events.length ? `, ${events.length} shown` : ""})`;
}

let timelineRequest = 0;

async function loadTimeline() {
  // The chosen measure, with the other filters (a measure filter chooses it too). Only the
  // latest request draws: a slower answer for a measure no longer chosen is dropped.
  const request = ++timelineRequest;
  const container = document.querySelector("#timeline");
  const measure = timelineMeasure.value;
  const periods = measure ? (await api.timeline(state.filters, measure, timelineBy.value)).periods : [];
  if (request !== timelineRequest) return;
  drawTimeline(container, periods, (period) => {
    form.elements.since.value = period.start;
    form.elements.until.value = period.end;
    state.near = null;
    refresh();
  });
  container.dataset.measure = measure;
  container.dataset.by = timelineBy.value;
}

async function loadClaims() {
  const page = await api.claims(state.filters, PAGE_SIZE, state.offset);
  renderClaims(document.querySelector("#claims tbody"), page.claims, openClaim);
  // On a big store the API stops counting at a cap and says so (total_exact: false):
  // show "1000+" and let the reader page on until a page comes back short.
  const capped = page.total_exact === false;
  const total = capped ? `${page.total}+` : `${page.total}`;
  const last = page.offset + page.claims.length;
  document.querySelector("#claims-count").textContent = `(${total})`;
  document.querySelector("#page-info").textContent =
    page.claims.length ? `${page.offset + 1}–${last} of ${total}` : "none";
  document.querySelector('#pager [data-step="-1"]').disabled = page.offset === 0;
  document.querySelector('#pager [data-step="1"]').disabled =
    capped ? page.claims.length < PAGE_SIZE : last >= page.total;
  say(state.empty ? "The store is empty." : `${total} claim(s) match.` + (state.stale
    ? " The map and timeline lag behind: the events were not merged after the last ingest"
      + " (run newsevents ingest again)." : ""));
}

function selectPlace(place) {
  state.near = { lat: place.lat, lon: place.lon, name: place.name };
  nearChip.textContent = `near ${place.name} ✕`;
  nearChip.hidden = false;
  refresh();
}

async function openClaim(claim) {
  try {
    const doc = await api.document(claim.doc);
    documentView.show(doc, claim.claim_id);
    document.querySelector("#document-panel").scrollIntoView({ block: "start" });
  } catch (error) {
    say(error.message, true);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  refresh();
});
form.addEventListener("reset", () => {
  state.near = null;
  nearChip.hidden = true;
  setTimeout(refresh); // after the browser has emptied the fields
});
nearChip.addEventListener("click", () => {
  state.near = null;
  nearChip.hidden = true;
  refresh();
});
for (const select of [timelineMeasure, timelineBy]) {
  select.addEventListener("change", () => loadTimeline().catch((error) => say(error.message, true)));
}
document.querySelector("#pager").addEventListener("click", (event) => {
  const step = Number(event.target.dataset?.step || 0);
  if (!step) return;
  state.offset = Math.max(0, state.offset + step * PAGE_SIZE);
  loadClaims().catch((error) => say(error.message, true));
});

async function start() {
  try {
    await Promise.all([map.drawBasemap(), loadFacets()]);
  } catch (error) {
    say(error.message, true);
  }
  await refresh();
  document.body.dataset.ready = "true";
}

start();
