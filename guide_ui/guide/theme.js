// The theme's script (mkdocs-material: the header's search and its index, the colour toggle, "back
// to top") on the guide page. The build names it in a preload link instead of running it at the end
// of the page (site_build/overrides/guide.html), so it does not hold up the first question; this runs
// it once the first question is on screen and the page is idle, or at once when the user reaches for
// the header (a click or the focus there, or one of the theme's keys). The theme starts on
// DOMContentLoaded, which has passed by then: it is told again (it listens once). Instant navigation
// is off (mkdocs.yml), so every page is a full load and the theme starts once per page.

const THEME_KEYS = new Set(["/", "s", "f", "p", ",", "n", "."]); // the theme's search and page keys
const EDITABLE = "input, textarea, select, [contenteditable]";
const FALLBACK_MS = 5000;

/** Run the theme's script named by `link`, once (whoever comes first: the guide, or the fallback
 * below); `onload` after the theme has been told that the page is loaded. */
function startTheme(link, onload = () => {}) {
  if (link.dataset.started) return;
  link.dataset.started = "true";
  const script = document.createElement("script");
  script.src = link.href;
  script.onload = () => {
    document.dispatchEvent(new Event("DOMContentLoaded"));
    onload();
  };
  document.body.append(script);
}

/** Run from the page's head: should the guide's own script never run (it failed to load), the theme
 * still starts FALLBACK_MS after the page has loaded, so the header and its search work. */
export function themeFallback() {
  addEventListener("load", () => setTimeout(() => {
    const link = document.getElementById("guide-theme");
    if (link) startTheme(link);
  }, FALLBACK_MS));
}

/** Run the theme's script after the first question, or sooner when the user needs it. */
export function loadThemeLater() {
  const link = document.getElementById("guide-theme");
  if (!link) return;
  const keys = [];
  const run = () => startTheme(link, () => {
    document.removeEventListener("keydown", onKey, true);
    for (const k of keys.splice(0)) document.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
  });
  const load = () => {
    document.removeEventListener("focusin", onHeader, true);
    document.removeEventListener("pointerdown", onHeader, true);
    // The theme reads the whole page (its settings come last): after the page is parsed. A second
    // call, or the fallback (themeFallback), finds it started (startTheme).
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
    else run();
  };
  const onHeader = (e) => {
    if (e.target && e.target.closest && e.target.closest(".md-header, .md-search, .md-sidebar")) load();
  };
  const onKey = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !THEME_KEYS.has(e.key)) return;
    if (e.target && e.target.closest && e.target.closest(EDITABLE)) return;
    e.preventDefault();
    keys.push(e.key); // handed to the theme when it has started
    load();
  };
  document.addEventListener("focusin", onHeader, true);
  document.addEventListener("pointerdown", onHeader, true);
  document.addEventListener("keydown", onKey, true);
  onHeader({ target: document.activeElement }); // the search focused before this script ran
  if ("requestIdleCallback" in window) requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
