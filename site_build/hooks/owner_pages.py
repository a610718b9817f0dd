"""MkDocs hook: the site's owner (mkdocs.yml `extra: owner:`, site_build/owner.py) on the pages and
in the footer.

- on_config: read the settings; a wrong value stops the build with a message naming the key; missing
  settings are said in the build's log, and the pages show a neutral placeholder.
- on_env: the owner as the theme's `site_owner` (the footer, site_build/overrides/partials/copyright.html).
- on_page_markdown: fill the markers `<!-- owner-contact -->`, `<!-- owner-feedback -->` and
  `<!-- owner-statement-date -->` in the pages' Markdown.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

from site_build import owner as owner_settings

log = logging.getLogger("mkdocs.hooks.owner")
_state: dict = {}

MARKERS = {
    "<!-- owner-contact -->": lambda o: o.contact(),
    "<!-- owner-feedback -->": lambda o: o.feedback_channel(),
    "<!-- owner-statement-date -->": lambda o: o.statement(),
}


def on_config(config):
    try:
        site_owner = owner_settings.from_config(config)
    except owner_settings.OwnerError as e:
        raise PluginError(str(e)) from None
    _state["owner"] = site_owner
    if site_owner.missing:
        # Not a warning: a strict build stops on warnings, and a site without an owner is still a site.
        log.info(
            "Eieren av nettstedet mangler i mkdocs.yml (extra: owner: %s): sidene viser «%s»",
            ", ".join(site_owner.missing),
            owner_settings.PLACEHOLDER,
        )
    return config


def on_env(env, config, files):
    env.globals["site_owner"] = _state["owner"]
    return env


def on_page_markdown(markdown: str, page, config, files):
    for marker, text in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, str(text(_state["owner"])))
    return markdown
