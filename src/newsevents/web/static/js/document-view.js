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
// innermost mention and the claims covering it.
export function pieces(text, mentions, claims) {
  const cuts = new Set([0, text.length]);
  const evidence = claims.map((c) => c.evidence || {});
  for (const span of [...mentions, ...evidence]) {
    if (Number.isInteger(span.start) && Number.isInteger(span.end)) {
      cuts.add(Math.max(0, Math.min(text.length, span.start)));
      cuts.add(Math.max(0, Math.min(text.length, span.end)));
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = mentions.filter((m) => m.start <= start && end <= m.end);
    const mention = covering.sort((a, b) => (a.end - a.start) - (b.end - b.start))[0] || null;
    const claimIndexes = evidence.flatMap((e, k) => (e.start <= start && end <= e.end ? [k] : []));
    result.push({ start, end, mention, claimIndexes });
  }
  return result;
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

  renderText() {
    const { text, mentions, claims } = this.doc;
    this.byMention = new Map();
    this.byClaim = claims.map(() => []);
    clear(this.text);
    for (const piece of pieces(text, mentions, claims)) {
      const content = text.slice(piece.start, piece.end);
      if (!piece.mention && !piece.claimIndexes.length) {
        this.text.append(document.createTextNode(content));
        continue;
      }
      const classes = [];
      if (piece.mention) classes.push("mention", `kind-${piece.mention.kind}`);
      if (piece.claimIndexes.length) classes.push("evidence");
      const span = el("span", { class: classes.join(" "), dataset: {
        mention: piece.mention ? piece.mention.mention_id : undefined,
        claims: piece.claimIndexes.join(" ") || undefined,
      } }, content);
      if (piece.mention) {
        const list = this.byMention.get(piece.mention.mention_id) || [];
        list.push(span);
        this.byMention.set(piece.mention.mention_id, list);
      }
      for (const k of piece.claimIndexes) this.byClaim[k].push(span);
      this.text.append(span);
    }
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
    for (const span of this.byClaim[index]) span.classList.add("selected");
    for (const link of claim.spans || []) {
      for (const span of this.byMention.get(link.mention) || []) {
        span.classList.add("field");
        span.dataset.field = link.field;
      }
    }
    this.list.querySelector(`[data-index="${index}"]`)?.classList.add("active");
    this.byClaim[index][0]?.scrollIntoView({ block: "center", behavior: "instant" });
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
    const span = event.target.closest("span[data-mention], span[data-claims]");
    if (!span) return;
    if (span.dataset.mention) this.selectMention(Number(span.dataset.mention));
    else this.selectClaim(Number(span.dataset.claims.split(" ")[0]));
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
