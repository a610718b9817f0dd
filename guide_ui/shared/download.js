// A file made in the browser and offered as a download: nothing is sent anywhere.

import { el } from "./dom.js";

/** Offer `text` as the file `filename` of type `type`. */
export function download(text, filename, type = "text/plain;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
