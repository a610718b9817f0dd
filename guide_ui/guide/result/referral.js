// The draft referral (copy, e-mail, download, print) and the result's closing actions.

import { el } from "../../shared/dom.js";
import { download } from "../../shared/download.js";
import { dataNotes, section } from "./basis.js";

function copyButton(ref, body, copied) {
  return el("button", {
    type: "button", class: ref.long ? "md-button md-button--primary" : "md-button", id: "guide-copy", text: "Kopier",
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(`${ref.subject}\n\n${body}`);
        copied.textContent = "Teksten er kopiert.";
      } catch {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById("guide-referral-body"));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        copied.textContent = "Teksten er merket: trykk Ctrl+C for å kopiere.";
      }
    },
  });
}

/** The referral draft with its addressee, or why there is none. */
export function referral(r, ctx) {
  const ref = r.referral || {};
  if (!ref.applicable) return ref.reason ? section("guide-referral", "Henvisning", el("p", { text: ref.reason })) : null;
  const body = ref.body || "";
  const mailto = ref.to ? `mailto:${encodeURIComponent(ref.to)}?subject=${encodeURIComponent(ref.subject)}&body=${encodeURIComponent(body)}` : null;
  const copied = el("span", { class: "guide-copied", role: "status", "aria-live": "polite" });
  return section(
    "guide-referral",
    "Utkast til henvisning",
    el("dl", { class: "guide-facts" },
      el("dt", { text: "Til" }), el("dd", { id: "guide-referral-to", text: ref.to || "Ingen bestillingsadresse registrert" }),
      el("dt", { text: "Emne" }), el("dd", { id: "guide-referral-subject", text: ref.subject })),
    ref.reason ? el("p", { id: "guide-referral-reason", text: ref.reason }) : null,
    ref.contact_page ? el("p", {}, el("a", { id: "guide-referral-contacts", href: new URL(ref.contact_page, ctx.siteBase).href, text: "Kontaktinformasjon på fylkessiden" })) : null,
    el("pre", { id: "guide-referral-body", class: "guide-referral-body", tabindex: "0", "aria-label": "Tekst til henvisningen", text: body }),
    ref.reminder ? el("p", { class: "guide-reminder", text: ref.reminder }) : null,
    // The engine marks a draft too long for a mailto: link (ref.long): copying comes first, and the e-mail link says why not.
    mailto && ref.long ? el("p", { id: "guide-mailto-note", class: "guide-mailto-note", text: "Henvisningen er lang. Kopier teksten og lim den inn i kommunens sikre løsning for personopplysninger. «Åpne i e-post» kan kutte teksten, og skal bare brukes hvis e-posten går i et sikkert system for personopplysninger." }) : null,
    dataNotes(ref.data_notes, "guide-referral-notes", r.data_notes),
    el(
      "div",
      { class: "guide-actions guide-no-print" },
      copyButton(ref, body, copied),
      mailto ? el("a", { class: "md-button", id: "guide-mailto", href: mailto, "aria-describedby": ref.long ? "guide-mailto-note" : null,
        text: ref.long ? "Åpne i e-post (kan bli kuttet)" : "Åpne i e-post" }) : null,
      el("button", {
        type: "button", class: "md-button", id: "guide-download", text: "Last ned (.txt)",
        onclick: () => download(`Til: ${ref.to || ""}\nEmne: ${ref.subject}\n\n${body}`, "henvisning-karriereveiledning.txt"),
      }),
      el("button", { type: "button", class: "md-button", id: "guide-print-referral", text: "Skriv ut henvisningen", onclick: () => ctx.actions.print("referral") }),
      copied,
    ),
  );
}

/** Print everything, change the answers, or start again. */
export function actions(r, ctx) {
  return el("div", { class: "guide-actions guide-no-print" },
    el("button", { type: "button", class: "md-button md-button--primary", id: "guide-print", text: "Skriv ut sjekkliste og henvisning", onclick: () => ctx.actions.print("all") }),
    el("button", { type: "button", class: "md-button", id: "guide-edit", text: "Endre svarene", onclick: () => ctx.actions.editAnswers() }),
    el("button", { type: "button", class: "md-button", id: "guide-restart", text: "Start på nytt", onclick: () => ctx.actions.restart() }));
}
