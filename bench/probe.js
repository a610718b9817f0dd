// Installed by the benchmark with page.addInitScript (init scripts are not subject to the page's
// CSP). Records performance.now() (0 = navigation start) when the guide's first question becomes
// usable, when the engine is ready, every time a step (question or review) is rendered, and every
// click on "Neste". A MutationObserver callback runs as a microtask right after the DOM change,
// so these times match performance.mark calls at the same places in guide.js.
//
// The first question *painted*, timed from outside the guide's code: as soon as a `#guide-step`
// is in the DOM (created by script or parsed from the page's HTML) the probe sets an
// `elementtiming` attribute on its "Neste" button and on the field's label and the label's
// ancestors up to the step (Chromium reports text paint for the block that holds the text, so the
// attribute goes on the whole chain); a MutationObserver callback runs before the next frame, so the
// attribute is there before the element first paints. Chromium's Element Timing then reports when
// that text was painted (`renderTime`, the frame's presentation time) and whether it was inside the
// viewport (`intersectionRect`). `painted` = the later of the label's and the button's paint, counted
// only once the question was usable (an enabled field and an enabled "Neste"); if it was painted
// before it became usable (or Element Timing reports nothing), the fallback is the end of the first
// frame after it became usable (requestAnimationFrame, then a MessageChannel task: an upper bound).
// When the engine (or the bare runtime) is ready or failed, the probe logs "bench:done" on the
// console: the benchmark waits for that message instead of polling the page (Playwright's selector
// engine, injected into the page on first use, costs the main thread ~30 ms of script at 1× CPU).
(() => {
  if (window.__bench) return;
  const B = (window.__bench = { steps: [], clicks: [], firstQuestion: null, engineReady: null, failed: null,
    // Whether a service worker served this page from the start (the guide's, on a repeat visit).
    serviceWorker: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
    painted: null, paintSource: null, paintOnScreen: null, frameAfterUsable: null,
    firstStepSeen: null, done: null });
  const ID = "bench-first-question";
  const paints = new Map(); // element → { t, onScreen }
  let watched = null; // { label, next } of the first usable question
  let lastStep = null;
  const usableParts = (step) => {
    const input = step.querySelector("input, select, textarea");
    const next = step.querySelector("#guide-next");
    const label = input && ((input.id && step.querySelector(`label[for="${CSS.escape(input.id)}"]`)) ||
      step.querySelector("legend, label"));
    return { input, next, label, usable: !!(input && !input.disabled && next && !next.disabled) };
  };
  const tag = (step) => {
    const { next, label } = usableParts(step);
    const els = [next];
    for (let el = label; el && el !== step.parentElement; el = el.parentElement) els.push(el);
    for (const el of els) if (el && !el.hasAttribute("elementtiming")) el.setAttribute("elementtiming", ID);
  };
  const paintOf = (el) => {
    for (const [e, p] of paints) if (e === el || (el && e.contains(el))) return p;
    return null;
  };
  const settle = () => {
    if (B.painted !== null || !watched || B.firstQuestion === null) return;
    const a = paintOf(watched.label), b = paintOf(watched.next);
    if (a && b && Math.max(a.t, b.t) >= B.firstQuestion - 1) {
      B.painted = Math.max(a.t, b.t);
      B.paintSource = "element-timing";
      B.paintOnScreen = a.onScreen && b.onScreen;
    }
  };
  if (typeof PerformanceObserver !== "undefined" &&
      (PerformanceObserver.supportedEntryTypes || []).includes("element")) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.identifier !== ID || !e.element || paints.has(e.element)) continue;
        const r = e.intersectionRect;
        paints.set(e.element, { t: e.renderTime || e.startTime, onScreen: !!(r && r.width * r.height > 0) });
      }
      settle();
    }).observe({ type: "element", buffered: true });
  }
  const afterFrame = () => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      B.frameAfterUsable = performance.now();
    };
    ch.port2.postMessage(0);
  });
  const finish = (state) => {
    if (B.done !== null) return;
    B.done = performance.now();
    console.debug(`bench:done ${state}`);
  };
  const check = () => {
    const now = performance.now();
    const root = document.getElementById("guide");
    const step = document.getElementById("guide-step") || document.getElementById("guide-review");
    if (step && step !== lastStep) {
      lastStep = step;
      B.steps.push({ t: now, q: step.dataset.question || step.id });
    }
    if (B.firstQuestion === null && step && step.id === "guide-step") {
      if (B.firstStepSeen === null) B.firstStepSeen = now;
      tag(step);
      const parts = usableParts(step);
      if (parts.usable) {
        B.firstQuestion = now;
        watched = { label: parts.label, next: parts.next };
        afterFrame();
        settle();
      }
    }
    if (root && B.engineReady === null && root.dataset.state === "ready") B.engineReady = now;
    if (root && B.failed === null && root.dataset.state === "failed") B.failed = now;
    if (B.engineReady !== null || B.failed !== null) finish(B.failed !== null ? "failed" : "ready");
    const html = document.documentElement.dataset.state; // the bare-runtime page
    if (!root && (html === "ready" || html === "failed")) finish(html);
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-state", "disabled"],
  });
  document.addEventListener(
    "click",
    (e) => {
      if (e.target && e.target.closest && e.target.closest("#guide-next")) B.clicks.push(performance.now());
    },
    true,
  );
})();
