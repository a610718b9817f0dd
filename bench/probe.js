// Installed by the benchmark with page.addInitScript (init scripts are not subject to the page's
// CSP). Records performance.now() (0 = navigation start) when the guide's first question becomes
// usable, when the engine is ready, every time a step (question or review) is rendered, and every
// click on "Neste". A MutationObserver callback runs as a microtask right after the DOM change,
// so these times match performance.mark calls at the same places in guide.js.
(() => {
  if (window.__bench) return;
  const B = (window.__bench = { steps: [], clicks: [], firstQuestion: null, engineReady: null, failed: null,
    // Whether a service worker served this page from the start (the guide's, on a repeat visit).
    serviceWorker: !!(navigator.serviceWorker && navigator.serviceWorker.controller) });
  let lastStep = null;
  const check = () => {
    const now = performance.now();
    const root = document.getElementById("guide");
    const step = document.getElementById("guide-step") || document.getElementById("guide-review");
    if (step && step !== lastStep) {
      lastStep = step;
      B.steps.push({ t: now, q: step.dataset.question || step.id });
    }
    if (B.firstQuestion === null && step && step.id === "guide-step") {
      const input = step.querySelector("input, select, textarea");
      const next = step.querySelector("#guide-next");
      if (input && !input.disabled && next && !next.disabled) B.firstQuestion = now;
    }
    if (root && B.engineReady === null && root.dataset.state === "ready") B.engineReady = now;
    if (root && B.failed === null && root.dataset.state === "failed") B.failed = now;
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-state"],
  });
  document.addEventListener(
    "click",
    (e) => {
      if (e.target && e.target.closest && e.target.closest("#guide-next")) B.clicks.push(performance.now());
    },
    true,
  );
})();
