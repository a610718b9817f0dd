// The guide page's full stylesheets, after its first frame. The build draws that frame from the
// rules it picked for the page (site_build/critical_css.py: the <style id="guide-first-frame">)
// and lists the stylesheets themselves in the page's #guide-stylesheets, in their order, instead of
// linking them (a <noscript> copy links them for a reader without scripts). This links them:
//
// - when: once the first frame is on screen (shared/painted.js), on any link. From a
//   local server, parsing their 157 kB of rules as they arrived took the main thread before that
//   frame (4 × CPU, loopback: the question painted 0.1 s sooner without them); over a slow link
//   they took the bandwidth the page's script and the engine's first files need (at 1.6 Mbit/s
//   the page's script took over the question 0.08 s later and the engine was ready 0.07 s later
//   when they were requested at once from the head, as preloads or as links; README, issue 26);
// - how: as media="print" links right after the head's script, switched to every medium in one
//   task once the last has loaded; the picked rules go in that task too, so the page's cascade is
//   then the stylesheets' own. One applied alone would put its rules among the picked rules of the
//   others and for a moment show the cascade out of order (seen in CI: the theme's colour on
//   «Neste» over the site's).
// The page's head runs this (engine/starter.js).

import { el, readData } from "../shared/dom.js";
import { whenPainted } from "../shared/painted.js";

const LIST = "guide-stylesheets";
const PICKED = "guide-first-frame";
const DEFERRED = "data-after-first-frame";

/** Fetch the page's full stylesheets once its first frame is on screen, and apply them together. */
export function loadStylesheetsAfterFirstFrame() {
  const list = document.getElementById(LIST);
  const hrefs = list ? readData(LIST) : [];
  if (hrefs.length === 0) return; // the page links its stylesheets itself
  const script = document.currentScript; // the head's: the stylesheets' place in the cascade
  whenPainted(() => applyTogether(link(hrefs, script)));
}

/** The stylesheets linked as media="print", in order, after `script` (else at the head's end). */
function link(hrefs, script) {
  const links = hrefs.map((href) => el("link", { rel: "stylesheet", media: "print", [DEFERRED]: true, href }));
  if (script && script.parentNode === document.head) script.after(...links);
  else document.head.append(...links);
  return links;
}

/** Every one of `links` to every medium in one task, once the last has loaded, and the picked
 * rules gone; should one fail, the others apply and the picked rules stay, to stand in for it. */
function applyTogether(links) {
  let waiting = links.length;
  let failed = false;
  const arrived = (event) => {
    if (event.type === "error") failed = true;
    waiting -= 1;
    if (waiting > 0) return;
    for (const l of links) l.media = "all";
    if (!failed) document.getElementById(PICKED)?.remove();
  };
  // The links are new, so each still has its load or error event to come.
  for (const l of links) {
    l.addEventListener("load", arrived);
    l.addEventListener("error", arrived);
  }
}
