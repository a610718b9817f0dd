// The guide page's head runs this inline (bundled as a classic script, site_build/browser/), before
// the stylesheets: an inline script after a stylesheet waits for it. It reads the runtime's URLs
// from the page (#guide-runtime) and starts the engine's worker (early.js).

import { readData, siteBase } from "../shared/dom.js";
import { startEarly } from "./early.js";

try {
  if (typeof WebAssembly === "object") {
    const runtime = readData("guide-runtime");
    startEarly(runtime, siteBase(runtime.base));
  }
} catch {
  // the page's engine client starts the worker itself and reports what fails
}
