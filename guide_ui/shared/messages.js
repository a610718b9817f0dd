// Every failure the user sees is one of these fixed sentences, saying what to do next; the
// technical detail goes to the console only. An engine page names itself in them ("veiviseren",
// "prioriteringen"): each runs the same engine, and says so in its own words.

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const OR_FALLBACK = "eller bruk fylkessidene og sjekklisten nedenfor.";

const FAILURES = {
  wasm: (n) => `Nettleseren din kan ikke kjøre ${n}, fordi den ikke kjører WebAssembly. Prøv en oppdatert nettleser, ${OR_FALLBACK}`,
  network: (n) => `${cap(n)} fikk ikke lastet ned filene den trenger. Sjekk nettforbindelsen og velg «Prøv igjen», ${OR_FALLBACK}`,
  stall: (n) => `Nedlastingen av ${n} stoppet opp. Sjekk nettforbindelsen og velg «Prøv igjen», ${OR_FALLBACK}`,
  engine: (n) => `${cap(n)} startet ikke som den skulle. Velg «Prøv igjen», ${OR_FALLBACK}`,
  timeout: (n) => `${cap(n)} svarte ikke. Velg «Prøv igjen», ${OR_FALLBACK}`,
};

/** The fixed sentence for a failure code (an unknown code counts as an engine failure). */
export function failureText(code, name = "veiviseren") {
  return (FAILURES[code] || FAILURES.engine)(name);
}

/** "Veiviseren kunne ikke starte" */
export function failureTitle(name = "veiviseren") {
  return `${cap(name)} kunne ikke starte`;
}

export const KEPT = "Svarene du har gitt, er tatt vare på i denne fanen.";
export const TOO_LARGE = "Svarene er for lange til å sendes til veiviseren. Kort ned de lengste svarene og prøv igjen.";
export const REPLY_FAILED = "Veiviseren kunne ikke behandle svaret. Svarene dine er tatt vare på; prøv igjen.";
export const LEAVE_WARNING = "Svarene du har gitt, blir ikke lagret. Vil du forlate siden?";

// What the guide's status line says while the user waits for the engine (shared/status.js).
export const GUIDE_STATUS = {
  waiting: "Veiviseren gjør seg klar. Svaret ditt er tatt vare på, og du går videre straks den er klar …",
  loading: "Laster veiviseren",
  ready: "Veiviseren er klar.",
};
