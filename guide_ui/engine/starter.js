// The guide page's head runs this inline (bundled as a classic script, site_build/browser/), before
// the stylesheets: an inline script after a stylesheet waits for it. It reads the runtime's URLs
// from the page (#guide-runtime) and starts the engine's worker (early.js); it also holds a submit
// of the first step the build wrote into the page until the page's script has taken it over.

import { readData, siteBase } from "../shared/dom.js";
import { holdEarlySubmit } from "../guide/prerendered.js";
import { loadStylesheetsAfterFirstFrame } from "../guide/stylesheets.js";
import { themeFallback } from "../guide/theme.js";
import { startEarly } from "./early.js";

holdEarlySubmit(); // a "Neste" on the build's first step waits for the page's script (prerendered.js)
themeFallback(); // the theme starts even if the page's script never runs (theme.js)
loadStylesheetsAfterFirstFrame(); // the build drew the first frame from its own pick of the rules (stylesheets.js)
try {
  if (typeof WebAssembly === "object") {
    const runtime = readData("guide-runtime");
    startEarly(runtime, siteBase(runtime.base));
  }
} catch {
  // the page's engine client starts the worker itself and reports what fails
}
