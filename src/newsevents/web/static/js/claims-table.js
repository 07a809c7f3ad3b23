// The table of claims: one row per claim; a row opens its document at the evidence.

import { el, clear, figureText, placeNames, whenText } from "./dom.js";

function sourceText(claim) {
  return claim.outlet || claim.doc_outlet || claim.doc;
}

function evidenceText(claim) {
  const text = claim.evidence?.text || "";
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

export function renderClaims(tbody, claims, onOpen) {
  clear(tbody);
  if (!claims.length) {
    tbody.append(el("tr", {}, el("td", { colspan: 8, class: "empty" }, "No claim matches these filters.")));
    return;
  }
  for (const claim of claims) {
    const open = () => onOpen(claim);
    tbody.append(el("tr", {
      class: "claim-row", tabindex: 0, dataset: { claimId: claim.claim_id, doc: claim.doc },
      onclick: open, onkeydown: (e) => { if (e.key === "Enter") open(); },
    },
    el("td", { class: "when", title: claim.time?.text || "" }, claim.when || whenText(claim.time)),
    el("td", {}, claim.event_type || ""),
    el("td", {}, claim.measure || ""),
    el("td", { class: "number" }, claim.figure ?? figureText(claim), claim.hedged ? " (hedged)" : "",
      claim.negated ? " (negated)" : ""),
    el("td", {}, placeNames(claim)),
    el("td", {}, claim.speaker?.name || ""),
    el("td", {}, sourceText(claim)),
    el("td", { class: "evidence" }, evidenceText(claim))));
  }
}
