// The guide page's full stylesheets, after its first frame. The build draws that frame from the
// rules it picked for the page (site_build/critical_css.py) and links the stylesheets themselves as
// media="print", so they are fetched without holding the frame back. Once the frame is drawn they
// apply, all in the same task once the last has loaded: one applied alone would put its rules after
// the picked rules of the stylesheets that follow it, and for a moment show the cascade out of order.
// The page's head runs this (engine/starter.js); the attribute is critical_css.DEFER_ATTR.

const DEFERRED = "link[data-after-first-frame]";

/** Apply the deferred stylesheets together, after the first frame (in a hidden tab: when it is shown). */
export function applyStylesheetsAfterFirstFrame() {
  requestAnimationFrame(() => setTimeout(() => {
    const links = [...document.querySelectorAll(DEFERRED)];
    let waiting = links.length;
    const arrived = () => {
      waiting -= 1;
      if (waiting === 0) for (const link of links) link.media = "all";
    };
    for (const link of links) {
      if (link.sheet) arrived();
      else {
        link.addEventListener("load", arrived);
        link.addEventListener("error", arrived); // the others still apply
      }
    }
  }, 0));
}
