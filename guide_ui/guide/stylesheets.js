// The guide page's full stylesheets, after its first frame. The build draws that frame from the
// rules it picked for the page (site_build/critical_css.py: the <style id="guide-first-frame">)
// and lists the stylesheets themselves in the page's #guide-stylesheets, in their order, instead of
// linking them (a <noscript> copy links them for a reader without scripts). This links them:
//
// - when: over a real link they are fetched at once (preloaded), as the theme's own links would
//   be; from a local server (engine/early.js firstFrameFirst) only once the first frame is on screen, since
//   there the device is what the frame waits for, and parsing 157 kB of rules as they arrived took
//   the main thread before it (4 × CPU, loopback: the first question painted 0.1 s sooner without
//   them; README, issue 26);
// - how: after the first frame, as media="print" links right after the picked rules, switched to
//   every medium in one task once the last has loaded: one applied alone would put its rules after
//   the picked rules of the stylesheets that follow it, and for a moment show the cascade out of
//   order (seen in CI: the theme's colour on «Neste» over the site's).
// The page's head runs this (engine/starter.js).

import { el, readData } from "../shared/dom.js";
import { firstFrameFirst, whenPainted } from "../engine/early.js";

const LIST = "guide-stylesheets";
const PICKED = "guide-first-frame";
const DEFERRED = "data-after-first-frame";

/** Fetch the page's full stylesheets and apply them together after its first frame. */
export function loadStylesheetsAfterFirstFrame() {
  const list = document.getElementById(LIST);
  const hrefs = list ? readData(LIST) : [];
  if (hrefs.length === 0) return; // the page links its stylesheets itself
  if (firstFrameFirst()) {
    whenPainted(() => applyTogether(link(hrefs)));
  } else {
    for (const href of hrefs) document.head.append(el("link", { rel: "preload", as: "style", href }));
    requestAnimationFrame(() => setTimeout(() => applyTogether(link(hrefs)), 0));
  }
}

/** The stylesheets linked as media="print", in order, right after the picked rules. */
function link(hrefs) {
  const links = hrefs.map((href) => el("link", { rel: "stylesheet", media: "print", [DEFERRED]: true, href }));
  const picked = document.getElementById(PICKED);
  if (picked) picked.after(...links);
  else document.head.append(...links);
  return links;
}

/** Every one of `links` to every medium in one task, once the last has loaded (or failed: the
 * others still apply). */
function applyTogether(links) {
  let waiting = links.length;
  const arrived = () => {
    waiting -= 1;
    if (waiting === 0) for (const l of links) l.media = "all";
  };
  for (const l of links) {
    if (l.sheet) arrived();
    else {
      l.addEventListener("load", arrived);
      l.addEventListener("error", arrived);
    }
  }
}
