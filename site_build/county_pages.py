"""MkDocs hook: renders each county page's facts from guide_engine/data/counties (filled in by the county work)."""
