// The guide while a reply is awaited: its form is busy, and while the engine is still loading
// the root says "waiting" and the status line shows the download.

/** Mark the guide busy (`on`), or no longer. `g`: {main, root, status, engine}. */
export function showBusy(g, on) {
  const form = g.main.firstElementChild;
  if (on) {
    if (form) form.setAttribute("aria-busy", "true");
    if (g.engine.state !== "ready") {
      g.root.dataset.state = "waiting";
      g.status.wait(g.engine.progress);
    }
  } else {
    if (form) form.removeAttribute("aria-busy");
    if (g.root.dataset.state === "waiting") g.root.dataset.state = g.engine.state;
    if (g.status.waiting) g.status.clear();
  }
}
