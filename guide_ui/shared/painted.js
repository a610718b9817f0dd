// The wait for the page's first frame on screen, for work the first question does not need: the
// head's worker from a local server (engine/early.js) and the full stylesheets (guide/stylesheets.js).

// A page not painted by then (a hidden tab draws no frame) goes on anyway.
const PAINT_WAIT_MS = 1000;

/** `fn` once the first frame is on screen (Paint Timing reports it when it is presented, after the
 * raster work that a frame's own script tasks do not wait for), or after PAINT_WAIT_MS. */
export function whenPainted(fn) {
  let done = false;
  const go = () => {
    if (!done) {
      done = true;
      fn();
    }
  };
  try {
    new PerformanceObserver((_, observer) => {
      observer.disconnect();
      go();
    }).observe({ type: "paint", buffered: true });
  } catch {
    requestAnimationFrame(() => setTimeout(go, 0)); // no Paint Timing: after the first frame's tasks
  }
  setTimeout(go, PAINT_WAIT_MS);
}
