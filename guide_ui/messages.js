// Every failure the user sees is one of these fixed sentences, saying what to do next. The
// technical detail goes to the console only.

export const FAILURE_TITLE = "Veiviseren kunne ikke starte";

const FAILURES = {
  wasm:
    "Nettleseren din kan ikke kjøre veiviseren, fordi den ikke kjører WebAssembly. Prøv en oppdatert nettleser, eller bruk fylkessidene og sjekklisten nedenfor.",
  network:
    "Veiviseren fikk ikke lastet ned filene den trenger. Sjekk nettforbindelsen og velg «Prøv igjen», eller bruk fylkessidene og sjekklisten nedenfor.",
  stall:
    "Nedlastingen av veiviseren stoppet opp. Sjekk nettforbindelsen og velg «Prøv igjen», eller bruk fylkessidene og sjekklisten nedenfor.",
  engine:
    "Veiviseren startet ikke som den skulle. Velg «Prøv igjen», eller bruk fylkessidene og sjekklisten nedenfor.",
  timeout:
    "Veiviseren svarte ikke. Velg «Prøv igjen», eller bruk fylkessidene og sjekklisten nedenfor.",
};

/** The fixed sentence for a failure code (an unknown code counts as an engine failure). */
export function failureText(code) {
  return FAILURES[code] || FAILURES.engine;
}

export const KEPT = "Svarene du har gitt, er tatt vare på i denne fanen.";
export const TOO_LARGE = "Svarene er for lange til å sendes til veiviseren. Kort ned de lengste svarene og prøv igjen.";
export const REPLY_FAILED = "Veiviseren kunne ikke behandle svaret. Svarene dine er tatt vare på; prøv igjen.";
export const WAITING = "Veiviseren gjør seg klar. Svaret ditt er tatt vare på, og du går videre straks den er klar …";
export const READY = "Veiviseren er klar.";
export const LEAVE_WARNING = "Svarene du har gitt, blir ikke lagret. Vil du forlate siden?";
