"""The browser code (guide_ui/) as the site serves it: bundle.py bundles it, offline.py writes the
guide's service worker from the built site."""
