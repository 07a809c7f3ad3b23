// Building DOM nodes. Text always goes in as text nodes (never parsed as HTML), so article
// text, titles and outlet names stay inert whatever they contain.

export function el(tag, attributes = {}, ...children) {
  const svg = ["svg", "g", "path", "circle", "rect", "line", "text", "title"].includes(tag);
  const node = svg
    ? document.createElementNS("http://www.w3.org/2000/svg", tag)
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c)))));
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

// "312", ">150", "10-99", "~300": a claim's figure as the report gives it.
export function figureText(claim) {
  if (claim.value !== null && claim.value !== undefined) {
    return (claim.qualifier === "about" ? "~" : "") + claim.value.toLocaleString("en");
  }
  const { low, high } = claim;
  if (low !== null && low !== undefined && high !== null && high !== undefined) return `${low}-${high}`;
  if (low !== null && low !== undefined) return `≥${low}`;
  if (high !== null && high !== undefined) return `≤${high}`;
  return "";
}

export function placeNames(claim) {
  return (claim.places || []).map((p) => p.name).join(", ");
}

// A claim's time as precise as it is known (the server's newsevents.table.when_text gives
// the same): a day, a whole month ("2023-05"), or "start..end (granularity)".
export function whenText(time) {
  if (!time || (!time.start && !time.end)) return "?";
  const start = time.start || time.end;
  const end = time.end || start;
  if (start === end) return start;
  const lastDay = (iso) => {
    const [y, m, d] = iso.split("-").map(Number);
    return d === new Date(Date.UTC(y, m, 0)).getUTCDate();
  };
  if (time.granularity === "month" && start.slice(0, 7) === end.slice(0, 7)
      && start.endsWith("-01") && lastDay(end)) return start.slice(0, 7);
  if (time.granularity === "year" && start.endsWith("-01-01") && end.endsWith("-12-31")
      && start.slice(0, 4) === end.slice(0, 4)) return start.slice(0, 4);
  return `${start}..${end} (${time.granularity || "unknown"})`;
}
