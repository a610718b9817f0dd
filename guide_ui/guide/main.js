// The guide page's entry module. The first questions work from the boot data at once; Pyodide
// starts in a Web Worker meanwhile (../engine/), and the controller (controller.js) asks it only
// where the path depends on the engine. Nothing typed is stored: answers live in this page's memory.

import { engineFromBoot } from "../engine/client.js";
import { keepEngineForNextVisit } from "../offline/register.js";
import { readData, siteBase as baseOf } from "../shared/dom.js";
import { today, useLabels } from "../shared/format.js";
import { GUIDE_STATUS, LEAVE_WARNING } from "../shared/messages.js";
import { StatusLine } from "../shared/status.js";
import { Controller } from "./controller.js";
import { takeHandover } from "./handover.js";
import { afterFirstPaint, takeOver } from "./prerendered.js";
import { loadThemeLater } from "./theme.js";

const root = document.getElementById("guide");
const boot = readData("guide-boot");
const siteBase = baseOf(root.dataset.base);
useLabels(boot.labels);

const engine = engineFromBoot(boot, siteBase);
const status = new StatusLine(document.getElementById("guide-engine-status"), "guide", GUIDE_STATUS);
const guide = new Controller({ boot, engine, main: document.getElementById("guide-main"), root, status, siteBase, today: today() });

engine.onProgress = (p) => status.progress(p);
engine.onReady = () => {
  performance.mark("guide:engine-ready"); // read by bench/
  status.ready();
  if (root.dataset.state !== "failed") root.dataset.state = guide.pending ? "waiting" : "ready";
  guide.engineReady();
  // The site's worker too: the engine's runtime, and every page a result links to (sw.js).
  keepEngineForNextVisit(siteBase, "veiviser/");
};
engine.onFailed = (failure) => guide.failed(failure);

// Leaving the page loses the answers (nothing is stored): the browser asks first.
window.addEventListener("beforeunload", (e) => {
  if (!guide.hasAnswers()) return;
  e.preventDefault();
  e.returnValue = LEAVE_WARNING;
});

root.dataset.state = "starting";
engine.start(); // first, so Pyodide boots while the first question is drawn
window.__guide = { engine, guide }; // for tests and the benchmark (answers are never stored)
// The build wrote the first question into the page: it is painted before the script takes it over.
afterFirstPaint(() => {
  const early = takeOver(guide.main); // what the user did in the build's form before this script ran
  guide.start();
  early?.restore(guide.main, (form) => guide.next(form));
  const handed = takeHandover(); // a practice case opened in the guide ("Åpne den samme saken i veiviseren")
  if (handed) guide.load(handed);
  loadThemeLater(); // the theme's script and its search come after the first question (theme.js)
});
