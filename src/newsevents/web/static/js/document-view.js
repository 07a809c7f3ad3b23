// The document view: the article text with every mention span and every claim's evidence
// highlighted, linked both ways. Clicking a claim highlights its evidence and the spans of
// its fields and scrolls to them; clicking a span shows the mention and the claims that
// use it. The text is cut at every span boundary into pieces put in as text nodes.

import { el, clear, figureText, placeNames } from "./dom.js";

const MENTION_FIELDS = {
  time: ["value", "start_date", "end_date", "granularity", "mod"],
  place: ["name", "country", "admin1", "lat", "lon", "precision"],
  number: ["value", "low", "high", "qualifier"],
  actor: ["id"],
  speaker: ["name", "role", "channel"],
};

// Cut [0, text.length) at every mention and evidence boundary; each piece knows the
// innermost mention and the claims covering it. One sweep over the sorted cuts, with a heap
// of the open mentions and the open claims' indexes shared by the pieces between two
// changes: a scan of every span per piece froze the page for half a minute on a long
// article (1,000 claims, 60,000 mentions).
export function pieces(text, mentions, claims) {
  const clamp = (x) => Math.max(0, Math.min(text.length, x));
  const valid = (span) => Number.isInteger(span.start) && Number.isInteger(span.end);
  const evidence = claims.map((c) => c.evidence || {});
  const cuts = new Set([0, text.length]);
  for (const span of [...mentions, ...evidence]) {
    if (valid(span)) {
      cuts.add(clamp(span.start));
      cuts.add(clamp(span.end));
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const opening = (spans) => spans.flatMap((s, k) => (valid(s) && clamp(s.start) < clamp(s.end)
    ? [k] : [])).sort((a, b) => clamp(spans[a].start) - clamp(spans[b].start) || a - b);
  const mentionOrder = opening(mentions);
  const evidenceOrder = opening(evidence);
  const open = new MinHeap((a, b) => (mentions[a].end - mentions[a].start)
    - (mentions[b].end - mentions[b].start) || a - b);
  const openClaims = new Set();
  const closing = new MinHeap((a, b) => clamp(evidence[a].end) - clamp(evidence[b].end));
  let claimIndexes = [];
  let [nextMention, nextEvidence] = [0, 0];
  const result = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    while (nextMention < mentionOrder.length
           && clamp(mentions[mentionOrder[nextMention]].start) <= start) {
      open.push(mentionOrder[nextMention]);
      nextMention += 1;
    }
    while (open.size && clamp(mentions[open.peek()].end) <= start) open.pop();
    let changed = false;
    while (nextEvidence < evidenceOrder.length
           && clamp(evidence[evidenceOrder[nextEvidence]].start) <= start) {
      openClaims.add(evidenceOrder[nextEvidence]);
      closing.push(evidenceOrder[nextEvidence]);
      nextEvidence += 1;
      changed = true;
    }
    while (closing.size && clamp(evidence[closing.peek()].end) <= start) {
      openClaims.delete(closing.peek());
      closing.pop();
      changed = true;
    }
    if (changed) claimIndexes = [...openClaims].sort((a, b) => a - b);
    const mention = open.size ? mentions[open.peek()] : null;
    result.push({ start, end, mention, claimIndexes });
  }
  return result;
}

class MinHeap {
  constructor(less) {
    this.less = less;
    this.items = [];
  }

  get size() { return this.items.length; }

  peek() { return this.items[0]; }

  push(item) {
    const { items } = this;
    items.push(item);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (this.less(items[parent], items[i]) <= 0) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }

  pop() {
    const { items } = this;
    const last = items.pop();
    if (!items.length) return;
    items[0] = last;
    for (let i = 0; ;) {
      const [left, right] = [2 * i + 1, 2 * i + 2];
      let least = i;
      if (left < items.length && this.less(items[left], items[least]) < 0) least = left;
      if (right < items.length && this.less(items[right], items[least]) < 0) least = right;
      if (least === i) break;
      [items[least], items[i]] = [items[i], items[least]];
      i = least;
    }
  }
}

export class DocumentView {
  constructor(root) {
    this.root = root;
    this.text = root.querySelector("#doc-text");
    this.list = root.querySelector("#doc-claims");
    this.details = root.querySelector("#doc-details");
    this.text.addEventListener("click", (event) => this.onTextClick(event));
  }

  show(doc, claimId) {
    this.doc = doc;
    this.root.hidden = false;
    this.root.querySelector("#doc-title").textContent = doc.title || doc.doc_id;
    this.root.querySelector("#doc-meta").textContent = [doc.doc_id, doc.date, doc.outlet, doc.url,
      `version ${doc.version}`].filter(Boolean).join(" · ");
    this.renderText();
    this.renderClaimList();
    const index = doc.claims.findIndex((c) => c.claim_id === claimId);
    if (index >= 0) this.selectClaim(index);
    else this.showHint();
  }

  // Each piece names its innermost mention and the first claim covering it; a claim's
  // pieces are found by bisection when it is selected (listing every covering claim on
  // every piece is claims x pieces when many claims share one long sentence).
  renderText() {
    const { text, mentions, claims } = this.doc;
    this.byMention = new Map();
    this.evidencePieces = [];
    clear(this.text);
    for (const piece of pieces(text, mentions, claims)) {
      const content = text.slice(piece.start, piece.end);
      if (!piece.mention && !piece.claimIndexes.length) {
        this.text.append(document.createTextNode(content));
        continue;
      }
      const classes = [];
      const dataset = {};  // no undefined values: the DOM would store the word "undefined"
      if (piece.mention) {
        classes.push("mention", `kind-${piece.mention.kind}`);
        dataset.mention = piece.mention.mention_id;
      }
      if (piece.claimIndexes.length) {
        classes.push("evidence");
        dataset.claim = piece.claimIndexes[0];
      }
      const span = el("span", { class: classes.join(" "), dataset }, content);
      if (piece.mention) {
        const list = this.byMention.get(piece.mention.mention_id) || [];
        list.push(span);
        this.byMention.set(piece.mention.mention_id, list);
      }
      if (piece.claimIndexes.length) this.evidencePieces.push({ ...piece, span });
      this.text.append(span);
    }
  }

  claimSpans(index) {
    const { start, end } = this.doc.claims[index].evidence || {};
    const found = [];
    if (!Number.isInteger(start) || !Number.isInteger(end)) return found;
    const pieces = this.evidencePieces;
    let [lo, hi] = [0, pieces.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pieces[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < pieces.length && pieces[i].end <= end; i += 1) found.push(pieces[i].span);
    return found;
  }

  renderClaimList() {
    clear(this.list);
    this.doc.claims.forEach((claim, index) => {
      const label = [claim.measure || claim.event_type, figureText(claim), placeNames(claim),
        claim.speaker?.name && `(${claim.speaker.name})`].filter(Boolean).join(" ");
      this.list.append(el("li", {}, el("button", {
        type: "button", class: "claim-link", dataset: { index, claimId: claim.claim_id },
        onclick: () => this.selectClaim(index),
      }, label)));
    });
  }

  unmark() {
    for (const node of this.root.querySelectorAll(".selected, .field, .active")) {
      node.classList.remove("selected", "field", "active");
      delete node.dataset.field;
    }
  }

  selectClaim(index) {
    const claim = this.doc.claims[index];
    this.unmark();
    const spans = this.claimSpans(index);
    for (const span of spans) span.classList.add("selected");
    for (const link of claim.spans || []) {
      for (const span of this.byMention.get(link.mention) || []) {
        span.classList.add("field");
        span.dataset.field = link.field;
      }
    }
    this.list.querySelector(`[data-index="${index}"]`)?.classList.add("active");
    spans[0]?.scrollIntoView({ block: "center", behavior: "instant" });
    this.showClaim(claim);
  }

  selectMention(id) {
    const mention = this.doc.mentions.find((m) => m.mention_id === id);
    if (!mention) return;
    this.unmark();
    for (const span of this.byMention.get(id) || []) span.classList.add("selected");
    this.showMention(mention);
  }

  onTextClick(event) {
    const span = event.target.closest("span[data-mention], span[data-claim]");
    if (!span) return;
    if (span.dataset.mention) this.selectMention(Number(span.dataset.mention));
    else this.selectClaim(Number(span.dataset.claim));
  }

  showHint() {
    clear(this.details).append(el("p", { class: "hint" }, "Click a claim or a highlighted span."));
  }

  showClaim(claim) {
    const rows = [
      ["claim", claim.claim_id], ["event type", claim.event_type], ["measure", claim.measure],
      ["figure", `${figureText(claim)} ${claim.qualifier || ""}`.trim()],
      ["actors", (claim.actors || []).join(", ")], ["targets", (claim.targets || []).join(", ")],
      ["places", placeNames(claim)],
      ["time", claim.time ? `${claim.time.start} → ${claim.time.end} (${claim.time.granularity})` : ""],
      ["speaker", [claim.speaker?.name, claim.speaker?.role].filter(Boolean).join(", ")],
      ["channel", claim.channel], ["evidence", `${claim.evidence.start}-${claim.evidence.end}`],
    ];
    const fieldLinks = (claim.spans || []).map((link) => el("li", {}, el("button", {
      type: "button", class: "mention-link", dataset: { mention: link.mention },
      onclick: () => this.selectMention(link.mention),
    }, `${link.field}: “${this.doc.text.slice(link.start, link.end)}”`)));
    clear(this.details).append(definitionList(rows),
      el("h4", {}, "Fields in the text"),
      fieldLinks.length ? el("ul", {}, fieldLinks) : el("p", { class: "hint" }, "none traced"));
  }

  showMention(mention) {
    const fields = (MENTION_FIELDS[mention.kind] || []).map((name) => [name, mention[name]]);
    const users = this.doc.claims.flatMap((claim, index) => {
      const links = (claim.spans || []).filter((l) => l.mention === mention.mention_id);
      const inside = claim.evidence.start <= mention.start && mention.end <= claim.evidence.end;
      if (!links.length && !inside) return [];
      const how = links.length ? links.map((l) => l.field).join(", ") : "in its evidence";
      return [el("li", {}, el("button", {
        type: "button", class: "claim-link", dataset: { index },
        onclick: () => this.selectClaim(index),
      }, `${claim.claim_id} (${how})`))];
    });
    clear(this.details).append(
      definitionList([["mention", mention.kind], ["text", mention.text],
        ["offsets", `${mention.start}-${mention.end}`], ...fields]),
      el("h4", {}, "Claims using it"),
      users.length ? el("ul", {}, users) : el("p", { class: "hint" }, "none"));
  }
}

function definitionList(rows) {
  return el("dl", {}, rows.filter(([, value]) => value !== null && value !== undefined && value !== "")
    .flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, String(value))]));
}
