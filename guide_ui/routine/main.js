// The routine page's entry module (/meld-inn-rutine/): a career centre reports its county's routine,
// or confirms the one shown, as a data file made and checked by the engine in the same Web Worker as
// the guide's (controller.js). Nothing is sent or stored: the file is downloaded or copied.

import { engineFromBoot } from "../engine/client.js";
import { readData, siteBase as baseOf } from "../shared/dom.js";
import { StatusLine } from "../shared/status.js";
import { ROUTINE_STATUS, RoutinePage } from "./controller.js";

const root = document.getElementById("routine");
const boot = readData("engine-boot");
const form = readData("routine-boot");
const siteBase = baseOf(root.dataset.base);

const engine = engineFromBoot(boot, siteBase);
const status = new StatusLine(document.getElementById("routine-engine-status"), "routine", ROUTINE_STATUS);
const page = new RoutinePage({ engine, status, root, main: document.getElementById("routine-main"), spec: form, owner: form.owner, siteBase });

engine.onProgress = (p) => status.progress(p);
engine.onReady = () => page.engineReady();
engine.onFailed = (failure) => page.engineFailed(failure);
page.start(); // the form first: it needs no engine until the file is made
engine.start();
window.__routine = { engine, page }; // for tests
