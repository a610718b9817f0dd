// The guide's first step as the build wrote it into the page (site_build/first_step.py): plain HTML,
// on screen and usable before any script runs. The guide's script takes it over: its first view is
// drawn around the build's own field (widgets.js), so what the user typed stays, and the focus and
// caret are put back where they were; a "Neste" pressed before the script ran (held by
// holdEarlySubmit, run in the page's head) is acted on once it has.

const FORM = "#guide-step[data-prerendered]";

/** The build's field for question `id`, while the build's form is still on the page (else null). */
export function prerenderedField(id) {
  return document.querySelector(`${FORM} #q-${CSS.escape(id)}`);
}

/** Hold a submit of the build's form until the script has taken it over (the page's head runs this:
 *  without it the browser would reload the page and lose the answer). */
export function holdEarlySubmit() {
  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (!form || !form.matches || !form.matches(FORM)) return;
    e.preventDefault();
    form.dataset.submitted = "";
  }, true);
}

/** What the user did in the build's form inside `main` before the script ran, or null when there is
 *  no such form; call it before the form is replaced. Its restore(root, submit) puts the focus and
 *  caret back on the field with the same id under `root`, and calls submit(form) with root's form if
 *  "Neste" was pressed. */
export function takeOver(main) {
  const form = main.querySelector(FORM);
  if (!form) return null;
  const active = document.activeElement;
  const was = active && active !== form && form.contains(active) && active.id
    ? { id: active.id, start: active.selectionStart ?? null, end: active.selectionEnd ?? null, direction: active.selectionDirection || "none" }
    : null;
  return {
    restore(root, submit) {
      const node = was && root.querySelector(`#${CSS.escape(was.id)}`);
      if (node) node.focus({ preventScroll: true });
      if (node && was.start !== null && typeof node.setSelectionRange === "function") node.setSelectionRange(was.start, was.end, was.direction);
      const step = root.querySelector("#guide-step");
      if (form.hasAttribute("data-submitted") && step) submit(step);
    },
  };
}

/** Run `fn` once the build's first step has been painted (at once if there is none, or the page is hidden). */
export function afterFirstPaint(fn) {
  if (!document.querySelector(FORM) || document.visibilityState === "hidden") return fn();
  requestAnimationFrame(() => setTimeout(fn, 0));
}
