// The JSON API. Errors come back as {"error": {"status", "code", "message"}}: the message
// is shown to the user as is (as text).

export class ApiError extends Error {}

export async function getJSON(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(name, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(body?.error?.message || `${response.status} ${response.statusText}`);
  }
  return body;
}

export const api = {
  facets: () => getJSON("/api/facets"),
  claims: (filters, limit, offset) => getJSON("/api/claims", { ...filters, limit, offset }),
  events: (filters) => getJSON("/api/events", { ...filters, limit: 500 }),
  timeline: (filters, measure, by) => getJSON("/api/timeline", { ...filters, measure, by }),
  documents: (limit) => getJSON("/api/documents", { limit }),
  document: (docId) => getJSON(`/api/documents/${encodeURIComponent(docId)}`),
};
