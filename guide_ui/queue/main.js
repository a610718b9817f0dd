// The queue page's entry module (/prioritering/). A list of participants (a CSV file or text
// pasted from a spreadsheet) goes to the engine, in the same Web Worker as the guide's, in ONE
// call (controller.js); the engine evaluates and ranks every row. Nothing is stored or sent
// anywhere: the list lives in this page's memory only.

import { engineFromBoot } from "../engine/client.js";
import { keepEngineForNextVisit } from "../offline/register.js";
import { readData, siteBase as baseOf } from "../shared/dom.js";
import { StatusLine } from "../shared/status.js";
import { QUEUE_STATUS, Queue } from "./controller.js";

const root = document.getElementById("queue");
const boot = readData("engine-boot");
const siteBase = baseOf(root.dataset.base);

const engine = engineFromBoot(boot, siteBase);
const status = new StatusLine(document.getElementById("queue-engine-status"), "queue", QUEUE_STATUS);
const cite = { references: boot.references, sources: boot.sources, siteBase };
const queue = new Queue({ engine, status, root, main: document.getElementById("queue-main"), cite, siteBase });

engine.onProgress = (p) => status.progress(p);
engine.onReady = () => {
  queue.engineReady();
  // Offline after one visit, like the guide (prioritering/sw.js, and the site's sw.js, which keeps
  // the engine's runtime): registered once no list is being worked out, since the installs copy
  // every file into the cache (a list chosen while the engine started would share the CPU with it).
  queue.whenIdle(() => keepEngineForNextVisit(siteBase, "prioritering/"));
};
engine.onFailed = (failure) => queue.engineFailed(failure);
queue.start(); // the form first: a failure to start the engine is shown below it
engine.start();
performance.mark("queue:form-ready"); // read by bench/
window.__queue = { engine, queue }; // for tests (the list stays in page memory)
